// Real undo in a real browser, as an administrator: publish an offer, delete it, restore it from
// the notice the list shows, and find both steps in the audit log. Without JavaScript the same
// pages work as plain forms.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { ADMIN, statePath } from "./people";
import { jsEnabled, open } from "./support";

test.use({ storageState: statePath(ADMIN) });

const field = (page: Page, name: string) => page.locator(`[name='form[${name}]']`);

test("delete an offer, restore it from the notice, see both in the audit log", async ({ page }, info) => {
  const title = `Undo me ${info.project.name} ${Date.now()}`;
  await open(page, info, "/offers/new");
  await field(page, "title").fill(title);
  await field(page, "text").fill("Back from the dead");
  await field(page, "link_text").fill("Claim");
  await field(page, "link").fill("https://www.watchers.io/");
  await page.locator("[name='form[start][local]']").fill("2031-05-22T14:00:00");
  await page.locator("[name='form[audience]'][value='USER']").check();
  await field(page, "user_ids").fill(`u-undo-${Date.now()}`);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page).toHaveURL(/\/offers\/\d+$/);
  const old = page.url().split("/").pop()!;

  await page.getByText(`Delete offer “${title}”…`).click();
  await expect(page.locator("main")).toContainText("“Restore” recreates the offer with a new id.");
  await page.getByRole("button", { name: `Yes, delete “${title}”` }).click();
  await expect(page).toHaveURL(/\/offers\?deleted=\d+$/);
  const notice = page.getByTestId("deleted-notice");
  await expect(notice).toContainText(`Deleted offer “${title}” (${old}).`);
  await expect(notice).toContainText("A copy is kept: “Restore” recreates the offer with a new id.");
  await notice.getByRole("button", { name: `Restore offer “${title}”` }).click();

  await expect(page).toHaveURL(/\/deleted\/\d+$/);
  const kept = page.url();
  await expect(page.getByTestId("restore-state")).toContainText("Restored by admin");
  await expect(page.getByTestId("restore-form")).toHaveCount(0);
  if (jsEnabled(info)) {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  }
  await page.getByRole("link", { name: "Open the restored offer" }).click();
  await expect(page).toHaveURL(/\/offers\/\d+$/);
  const restored = page.url().split("/").pop()!;
  expect(restored).not.toEqual(old);
  await expect(page.locator("h1")).toContainText(title);

  // The notice again (back in history): it says it is done and offers no second restore.
  await open(page, info, `/offers?deleted=${kept.split("/").pop()}`);
  await expect(notice).toContainText(`as offer #${restored}`);
  await expect(notice.getByRole("button")).toHaveCount(0);

  await open(page, info, "/audit?area=offers");
  const log = page.locator("main table");
  await expect(log).toContainText(`deleted offer “${title}”`);
  await expect(log).toContainText(`restored offer #${old} as #${restored} (“${title}”)`);
  await log.getByRole("row").filter({ hasText: `deleted offer “${title}”` }).getByTestId("audit-link").click();
  await expect(page).toHaveURL(kept);
});

test("recently deleted offers list what was kept", async ({ page }, info) => {
  await open(page, info, "/offers/deleted");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Recently deleted offers");
  await expect(page.getByTestId("deleted-list").or(page.getByTestId("deleted-empty"))).toBeVisible();
});

// Each kind's "Recently deleted" says what Restore will do for it: a new id, except for rooms.
const promises = [
  ["offers", "“Restore” recreates the offer with a new id."],
  ["advertisements", "“Restore” recreates the advertisement with a new id."],
  ["badges", "“Restore” recreates the badge with a new id; then the users given it here can be given back, chunk by chunk."],
  ["rooms", "“Restore” brings the room back under its own room id (or another free one you pick)."],
] as const;

test("recently deleted says what Restore does for each kind", async ({ page }, info) => {
  for (const [area, promise] of promises) {
    await open(page, info, `/${area}/deleted`);
    const lead = page.locator(".page-head .lead");
    await expect(lead).toContainText(promise);
    if (area === "rooms") {
      await expect(lead).not.toContainText("new id");
    }
  }
});
