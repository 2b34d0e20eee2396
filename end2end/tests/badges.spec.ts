// The badge studio in a real browser: create with a live preview, hand out 1,000 users from a
// CSV, delete. Without JavaScript the same pages work as plain forms.
import { expect, test } from "@playwright/test";
import { MARKETING, statePath } from "./people";
import { islandsReady, jsEnabled, open } from "./support";

test.use({ storageState: statePath(MARKETING) });

test("create a badge: the preview follows the inputs, then its page shows it", async ({ page }, info) => {
  const text = `Star ${info.project.name}`;
  await open(page, info, "/badges/new");
  await page.locator("#badge-text").fill(text);
  await page.locator("#badge-background_color").fill("#123456");
  await page.locator("#badge-text_color").fill("#fafafa");
  await page.locator("#badge-tooltip").fill("A shining star");
  await page.locator("#badge-communication_title").fill("Welcome, star");
  await page.locator("#badge-communication_text").fill("You earned the star badge.");
  if (jsEnabled(info)) {
    const pill = page.getByTestId("badge-pill");
    await expect(pill).toHaveText(text);
    await expect(pill).toHaveCSS("background-color", "rgb(18, 52, 86)");
    await expect(pill).toHaveCSS("color", "rgb(250, 250, 250)");
    await expect(page.getByTestId("badge-tooltip")).toHaveText("A shining star");
    await expect(page.getByTestId("welcome-title")).toHaveText("Welcome, star");
    await expect(page.getByTestId("count-tooltip")).toHaveText("14/140");
    await expect(page.getByTestId("contrast")).toContainText("readable");
    // A low-contrast pair is warned about at once, and fixed again.
    await page.locator("#badge-text_color").fill("#223344");
    await expect(pill).toHaveCSS("color", "rgb(34, 51, 68)");
    await expect(page.getByTestId("contrast")).toContainText("below 4.5:1");
    await page.locator("#badge-text_color").fill("#fafafa");
    // Bad input gets its message next to the field and keeps what was typed.
    await page.locator("#badge-background_color").fill("blue");
    await expect(page.locator("[data-field=backgroundColor]").first()).toContainText("hex colour");
    await expect(page.locator("#badge-background_color")).toHaveValue("blue");
    await page.locator("#badge-background_color").fill("#123456");
  }
  await page.getByRole("button", { name: "Create badge" }).click();
  await expect(page).toHaveURL(/\/badges\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(text);
  await expect(page.locator(".facts")).toContainText("#fafafa on #123456");
});

test("hand a badge to users, then delete it", async ({ page }, info) => {
  const text = `Fans ${info.project.name}`;
  await open(page, info, "/badges/new");
  await page.locator("#badge-text").fill(text);
  await page.locator("#badge-tooltip").fill("Fans");
  await page.locator("#badge-communication_title").fill("Hi");
  await page.locator("#badge-communication_text").fill("Hello fan");
  await page.getByRole("button", { name: "Create badge" }).click();
  await expect(page).toHaveURL(/\/badges\/\d+$/);
  const url = page.url();
  const id = url.split("/").pop();

  const users = page.getByTestId("badge-users");
  let expected: number;
  if (jsEnabled(info)) {
    await islandsReady(page);
    // 1,000 ids and a header, with duplicates: trimmed, de-duplicated, counted, sent in 2 chunks.
    const lines = ["user_id", ...Array.from({ length: 1000 }, (_, n) => ` u${n} `), "u1", "u2"];
    await users.getByTestId("users-file").setInputFiles({
      name: "fans.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(lines.join("\n")),
    });
    await expect(users.getByTestId("users-count")).toContainText(
      "1000 unique ids (2 duplicates removed, header skipped) — 2 request(s)",
    );
    await users.getByRole("button", { name: "Send" }).click();
    await expect(users.getByTestId("users-result")).toHaveText("2 of 2 request(s) done · 1000 added");
    await expect(users.getByTestId("users-chunk")).toHaveCount(2);
    await expect(users.getByTestId("users-progress")).toHaveAttribute("value", "2");
    expected = 1000;
  } else {
    await users.getByLabel("User ids").fill("a1, a2\na3 a2");
    await users.getByRole("button", { name: "Send" }).click();
    // Without JavaScript the server function answers by sending the browser back to the page.
    await expect(page).toHaveURL(new RegExp(`/badges/${id}\\??$`));
    expected = 3;
  }
  await open(page, info, "/badges");
  await expect(page.locator(`tr[data-badge-id="${id}"] [data-testid=user-count]`)).toHaveText(
    String(expected),
  );

  await open(page, info, `/badges/${id}`);
  await page.getByText(`Delete badge “${text}”…`).click();
  await page.getByRole("button", { name: `Yes, delete “${text}”` }).click();
  await expect(page).toHaveURL(/\/badges\?deleted=\d+$/);
  await expect(page.locator(`tr[data-badge-id="${id}"]`)).toHaveCount(0);

  // Undo for real: the notice restores it (a new id), then its users come back: with JavaScript
  // in one press, chunk after chunk; without it, a press a chunk.
  const notice = page.getByTestId("deleted-notice");
  await expect(notice).toContainText(`Deleted badge “${text}” (${id}).`);
  await expect(notice).toContainText("“Restore” recreates the badge with a new id; then the users given it here can be given back, chunk by chunk.");
  await notice.getByRole("button", { name: `Restore badge “${text}”` }).click();
  await expect(page).toHaveURL(/\/deleted\/\d+$/);
  await expect(page.getByTestId("restore-state")).toContainText("as badge #");
  const known = page.getByTestId("known-users");
  await expect(known).toContainText(`0 of ${expected} known users given back`);
  if (jsEnabled(info)) {
    await islandsReady(page);
    await expect(known.getByRole("button", { name: "Give back the next 500 users" })).toBeVisible();
    // A chunk that does not go through stops the press, says so, and is not sent again.
    let posts = 0;
    await page.route("**/api/undo/badge-users", (route) => {
      posts += 1;
      return route.fulfill({ status: 502, body: "bad gateway" });
    });
    await known.getByRole("button", { name: `Give back all ${expected} users` }).click();
    await expect(known.getByRole("alert")).toContainText("Giving back stopped");
    expect(posts).toBe(1);
    await expect(known).toContainText(`0 of ${expected} known users given back`);
    await page.unroute("**/api/undo/badge-users");
    await known.getByRole("button", { name: `Give back all ${expected} users` }).click();
    await expect(known).toContainText(`${expected} of ${expected} known users given back`);
    await expect(known.getByRole("alert")).toBeHidden();
    await expect(page).toHaveURL(/\/deleted\/\d+$/);
  } else {
    await expect(known.getByRole("button", { name: /Give back all/ })).toHaveCount(0);
    for (let sent = 0; sent < expected; sent += 500) {
      await known.getByRole("button", { name: /Give back the next \d+ users/ }).click();
      await expect(known).toContainText(`${Math.min(sent + 500, expected)} of ${expected} known users given back`);
    }
  }
  await expect(known.getByRole("button")).toHaveCount(0);
  await page.getByRole("link", { name: "Open the restored badge" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(text);
  const restored = page.url().split("/").pop();
  await open(page, info, "/badges");
  await expect(page.locator(`tr[data-badge-id="${restored}"] [data-testid=user-count]`)).toHaveText(
    String(expected),
  );
});
