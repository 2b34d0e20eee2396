// "Send a test to me" as marketing staff meet it, hydrated and without JavaScript: set one's test
// audience on the Account page, send the composed offer to it from the composer (whatever
// audience the form names), find it marked as a test in the list and in the composer's "Test
// sends" panel, then remove it with "Remove now" and see it removed.
import { expect, type Page, test } from "@playwright/test";
import { MARKETING, statePath } from "./people";
import { open } from "./support";

test.use({ storageState: statePath(MARKETING), timezoneId: "Europe/Berlin" });

const field = (page: Page, name: string) => page.locator(`[name='form[${name}]']`);

test("a test goes to one's own test users, is marked as a test, and is removed", async ({ page }, info) => {
  const title = `Test send ${info.project.name} ${Date.now()}`;

  // The test audience, on the Account page (a plain form with or without JavaScript).
  await open(page, info, "/account");
  const audience = page.locator("form", { has: page.getByLabel("Test user ids (one per line)") });
  await audience.getByLabel("Test user ids (one per line)").fill("mia-phone-1\nmia-phone-2");
  await audience.getByLabel("Test room id").fill("main-stage");
  await audience.getByRole("button", { name: "Save test audience" }).click();
  await expect(page.getByTestId("landed")).toContainText("Your test audience has been saved: 2 user ids");

  // The composer: a ROOM offer, sent as a test to the two test users instead.
  await open(page, info, "/offers/new");
  await field(page, "title").fill(title);
  await field(page, "text").fill("Only for the test phones");
  await field(page, "link_text").fill("Claim it");
  await field(page, "link").fill("https://www.watchers.io/");
  await page.locator("[name='form[start][local]']").fill("2030-05-22T14:00:00");
  await page.getByLabel("Everyone in some rooms (ROOM)").check();
  await field(page, "room_ids").fill("main-stage");
  const send = page.getByRole("button", { name: "Send a test to me" });
  await expect(send).toBeVisible();
  await send.click();
  const sentence = `Sent a test of “${title}” to your 2 test users`;
  // It lands on the composer again, saying so, with nothing typed lost and no draft saved.
  await expect(page.getByTestId("landed")).toContainText(sentence);
  await expect(page).toHaveURL(/\/offers\/new\?kept=/);
  await expect(field(page, "title")).toHaveValue(title);

  // The composer's panel lists it, live.
  const row = page.getByTestId("test-send").filter({ hasText: title });
  await expect(row).toHaveAttribute("data-state", "live");
  await expect(row).toContainText("until");

  // The offers list marks it as a test.
  await open(page, info, "/offers");
  const listed = page.locator("tr, li").filter({ hasText: title }).first();
  await expect(listed.getByTestId("test-mark")).toHaveText("Test");

  // Remove now, from the Account page's panel: removed upstream at once.
  await open(page, info, "/account");
  const mine = page.getByTestId("test-send").filter({ hasText: title });
  await expect(mine).toHaveAttribute("data-state", "live");
  await mine.getByRole("button", { name: `Remove now: ${title}` }).click();
  await expect(page.getByTestId("test-send").filter({ hasText: title })).toHaveAttribute("data-state", "removed");
  await open(page, info, "/offers");
  await expect(page.locator("body")).not.toContainText(title);
});
