// A second approver in real browsers: an administrator makes GLOBAL offers wait; marketing asks
// for one and cannot approve it themselves; the administrator sees the count in the header, the
// composer's own preview, approves it (sent once) or rejects another with a reason; the requester
// is shown each decision (header and approvals page) until they open it, worded as decided. These
// runs come after every other spec (see playwright.config.ts): the rules are the server's, not a
// tab's. Each test leaves the requester nothing unopened, so the next counts from zero.
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { ADMIN, MARKETING, statePath } from "./people";
import { jsEnabled, open } from "./support";

test.describe.configure({ mode: "serial" });

async function as(browser: Browser, person: typeof ADMIN, info: Parameters<typeof open>[1]) {
  const context = await browser.newContext({
    storageState: statePath(person),
    javaScriptEnabled: jsEnabled(info),
  });
  return context.newPage();
}

async function setGlobalOfferRule(page: Page, info: Parameters<typeof open>[1], on: boolean) {
  await open(page, info, "/approvals");
  const box = page.getByLabel("Publishing a GLOBAL offer");
  if (on) await box.check();
  else await box.uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("approval-rules")).toContainText(
    `Publishing a GLOBAL offer: ${on ? "waits for a second person" : "sent at once"}`,
  );
}

/// Marketing composes a GLOBAL offer and presses Publish; answers the request's page.
async function askForGlobalOffer(page: Page, info: Parameters<typeof open>[1], title: string) {
  await open(page, info, "/offers/new");
  await page.locator("[name='form[title]']").fill(title);
  await page.locator("[name='form[text]']").fill("For everyone");
  await page.locator("[name='form[link_text]']").fill("Claim");
  await page.locator("[name='form[link]']").fill("https://www.watchers.io/");
  await page.locator("[name='form[start][local]']").fill("2032-01-10T10:00:00");
  await page.locator("[name='form[audience]'][value='GLOBAL']").check();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page).toHaveURL(/\/approvals\/\d+$/);
  await expect(page.getByTestId("approval-state")).toHaveText("Waiting for approval");
  await expect(page.getByTestId("approval-waiting")).toBeVisible();
  await expect(page.getByTestId("decide-form")).toHaveCount(0);
  await expect(page.getByTestId("approval")).toContainText("Expires");
  await expect(page.getByRole("heading", { name: "What approving sends" })).toBeVisible();
  return page.url();
}

/// The requester opens request `path`, decided: it reads as decided, and is seen from then on.
async function readDecision(page: Page, info: Parameters<typeof open>[1], path: string, state: string) {
  await open(page, info, path);
  await expect(page.getByTestId("approval-state")).toHaveText(state);
  await expect(page.getByTestId("approval-decided")).toContainText(/^by admin at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  await expect(page.getByTestId("approval")).not.toContainText("Expires");
  await expect(page.getByRole("heading", { name: "What was asked" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What approving sends" })).toHaveCount(0);
  await expect(page.getByTestId("approval-payload")).toContainText("Asked to publish this new offer to everyone");
}

test("a GLOBAL offer waits until a second person approves it", async ({ browser }, info) => {
  const admin = await as(browser, ADMIN, info);
  const mia = await as(browser, MARKETING, info);
  await setGlobalOfferRule(admin, info, true);
  try {
    const title = `For all ${info.project.name} ${Date.now()}`;
    const request = await askForGlobalOffer(mia, info, title);

    await open(admin, info, "/");
    await expect(admin.getByTestId("approvals-count")).toContainText("Waiting for approval");
    await admin.getByTestId("approvals-count").click();
    await admin.locator("main a", { hasText: title }).click();
    await expect(admin).toHaveURL(request);
    await expect(admin.getByTestId("in-feed").getByTestId("mk-card")).toContainText(title);
    if (jsEnabled(info)) {
      const results = await new AxeBuilder({ page: admin })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .exclude("[data-testid=mk-card]")
        .analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
    }
    await admin.getByRole("button", { name: "Approve and send" }).click();
    await expect(admin.getByTestId("approval-state")).toHaveText("Approved and sent");
    await expect(admin.getByTestId("approval-outcome")).toContainText("published as offer #");

    await open(admin, info, "/offers");
    await expect(admin.locator("main")).toContainText(title);

    // The requester learns it was decided, and reads it.
    await open(mia, info, "/");
    await expect(mia.getByTestId("decided-count")).toBeVisible();
    await readDecision(mia, info, new URL(request).pathname, "Approved and sent");
  } finally {
    await setGlobalOfferRule(admin, info, false);
  }
});

test("a rejection needs a reason, which the requester reads", async ({ browser }, info) => {
  const admin = await as(browser, ADMIN, info);
  const mia = await as(browser, MARKETING, info);
  await setGlobalOfferRule(admin, info, true);
  try {
    const title = `Not this one ${info.project.name} ${Date.now()}`;
    const request = await askForGlobalOffer(mia, info, title);
    await open(admin, info, new URL(request).pathname);
    await admin.getByRole("button", { name: "Reject" }).click();
    await expect(admin.locator("[data-field=reason]")).toContainText("Say why");
    await admin.getByLabel(/Reason/).fill("Wrong week for this");
    await admin.getByRole("button", { name: "Reject" }).click();
    await expect(admin.getByTestId("approval-state")).toHaveText("Rejected");

    // The requester is told: counted in the header, listed on the approvals page.
    await open(mia, info, "/");
    await expect(mia.getByTestId("decided-count")).toContainText("Your requests decided 1");
    await mia.getByTestId("decided-count").click();
    await expect(mia).toHaveURL(/\/approvals$/);
    const item = mia.getByTestId("decided-for-you").locator("li", { hasText: title });
    await expect(item).toContainText("Rejected (decided by admin)");
    await item.getByRole("link").click();
    await expect(mia).toHaveURL(request);
    await readDecision(mia, info, new URL(request).pathname, "Rejected");
    await expect(mia.getByTestId("approval-decided")).toContainText(/ UTC: Wrong week for this$/);
    await expect(mia.getByTestId("approval-reason")).toHaveText("Wrong week for this");
    // Opened, it is seen: neither counted nor listed any more.
    await open(mia, info, "/approvals");
    await expect(mia.getByTestId("decided-for-you")).toHaveCount(0);
    await expect(mia.getByTestId("decided-count")).toHaveCount(0);
    // Nothing was published; the draft stays for another try.
    await open(mia, info, "/offers");
    await expect(mia.locator("tr[data-offer-id]", { hasText: title })).toHaveCount(0);
    await expect(mia.locator("tr[data-draft]", { hasText: title })).toHaveCount(1);
  } finally {
    await setGlobalOfferRule(admin, info, false);
  }
});

test("a draft waiting for approval says so and is not asked for twice", async ({ browser }, info) => {
  const admin = await as(browser, ADMIN, info);
  const mia = await as(browser, MARKETING, info);
  await setGlobalOfferRule(admin, info, true);
  try {
    const title = `Only once ${info.project.name} ${Date.now()}`;
    const requestPath = new URL(await askForGlobalOffer(mia, info, title)).pathname;

    await open(mia, info, "/offers");
    const row = mia.locator("tr[data-draft]", { hasText: title });
    await expect(row.getByTestId("waiting")).toHaveAttribute("href", requestPath);
    await row.locator("a", { hasText: title }).click();
    await expect(mia).toHaveURL(/\/offers\/drafts\//);
    const waiting = mia.getByTestId("waiting");
    await expect(waiting).toContainText("Waiting for approval");
    await expect(waiting.locator("a")).toHaveAttribute("href", requestPath);

    // Publish again: refused, with the request to open.
    await mia.getByRole("button", { name: "Publish", exact: true }).click();
    const landed = mia.getByTestId("landed");
    await expect(landed).toContainText("already waiting for approval");
    await expect(landed).toHaveAttribute("role", "alert");
    await expect(mia).toHaveURL(/\/offers\/drafts\//);
    await expect(mia.getByTestId("waiting").locator("a")).toHaveAttribute("href", requestPath);
    // Still one request for it.
    await open(admin, info, "/approvals");
    await expect(admin.locator("main a", { hasText: title })).toHaveCount(1);

    await open(admin, info, requestPath);
    await admin.getByRole("button", { name: "Reject" }).click();
    await admin.getByLabel(/Reason/).fill("Asked for once, rejected once");
    await admin.getByRole("button", { name: "Reject" }).click();
    await expect(admin.getByTestId("approval-state")).toHaveText("Rejected");
    await readDecision(mia, info, requestPath, "Rejected");
  } finally {
    await setGlobalOfferRule(admin, info, false);
  }
});
