// TagMango badges in a real browser, as a newcomer finds them: Badges → TagMango → New; a points
// threshold, then mangoes instead (both at once is refused next to the field), the preview
// following the inputs; the badge's page, and editing it. Without JavaScript the same forms post.
import { expect, test } from "@playwright/test";
import { MARKETING, statePath } from "./people";
import { islandsReady, jsEnabled, open } from "./support";

test.use({ storageState: statePath(MARKETING) });

const MANGO = "6659ca9e5f2acb7abfdcd8fd";

test("create a TagMango badge with points, switch it to mangoes, see both refused", async ({ page }, info) => {
  const name = `Mango fan ${info.project.name}`;
  await open(page, info, "/badges");
  await page.getByTestId("switch-tagmango").click();
  await expect(page).toHaveURL(/\/badges\/tagmango$/);
  await expect(page.getByTestId("mango-table")).toContainText("Hall Of Fame");
  await page.getByRole("link", { name: "New TagMango badge" }).click();
  await expect(page).toHaveURL(/\/badges\/tagmango\/new$/);
  if (jsEnabled(info)) {
    await islandsReady(page);
  }

  await page.locator("#mango-name").fill(name);
  await page.locator("#mango-description").fill("For the keenest fans");
  await page.getByLabel("When a member's points reach a threshold").check();
  await page.locator("#mango-points").fill("250");
  if (jsEnabled(info)) {
    await expect(page.getByTestId("mango-card-name")).toHaveText(name);
    await expect(page.getByTestId("mango-card-description")).toHaveText("For the keenest fans");
    // A picture that is not an http(s) address is said, never shown.
    await page.locator("#mango-image").fill("javascript:alert(1)");
    await expect(page.getByTestId("mango-card").getByTestId("unsafe-value")).toBeVisible();
    await page.locator("#mango-image").fill("");
    await expect(page.getByTestId("problem-count")).toHaveText("Ready to save.");
    // Typing mango ids picks that type; the threshold still typed is refused next to its field.
    await page.locator("#mango-mangoes").fill(`${MANGO}\n${MANGO.toUpperCase()}`);
    await expect(page.getByLabel("When a member subscribes to any of these mangoes")).toBeChecked();
    await expect(page.getByTestId("mango-count")).toHaveText("1 mango (1 repeat dropped)");
    await expect(page.locator("[data-field=pointsThreshold]").first()).toContainText(
      "Only one automation type",
    );
    await expect(page.locator("#mango-points")).toHaveValue("250");
    // Back to points: now the mango ids are the ones in the way.
    await page.getByLabel("When a member's points reach a threshold").check();
    await expect(page.locator("[data-field=automationEnabledMangoes]").first()).toContainText(
      "Only one automation type",
    );
    await page.locator("#mango-mangoes").fill("");
    await page.getByLabel("When a member's points reach a threshold").check();
    await expect(page.getByTestId("problem-count")).toHaveText("Ready to save.");
  }
  await page.getByRole("button", { name: "Create badge" }).click();
  await expect(page).toHaveURL(/\/badges\/tagmango\/[0-9a-f]{24}\?notice=saved-automated$/);
  await expect(page.getByTestId("saved-notice")).toContainText("may take a while");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.locator("main")).toContainText("lifetime points reach 250");
  await expect(page.locator("main")).toContainText("no way to delete");

  // Edit: mangoes instead of points.
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(/\/edit$/);
  if (jsEnabled(info)) {
    await islandsReady(page);
  }
  await page.locator("#mango-points").fill("");
  await page.getByLabel("When a member subscribes to any of these mangoes").check();
  await page.locator("#mango-mangoes").fill(MANGO);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/badges\/tagmango\/[0-9a-f]{24}\?notice=saved-automated$/);
  await expect(page.locator("main")).toContainText("subscribed to any of these 1 mango(s)");
  await expect(page.locator("main")).toContainText(MANGO);
});

test("a record holding both automation types is shown with a warning", async ({ page }, info) => {
  await open(page, info, `/badges/tagmango/${MANGO}`);
  await expect(page.getByTestId("both-automations")).toContainText("only one automation type");
  await expect(page.getByTestId("mango-card-name")).toHaveText("Hall Of Fame");
  await expect(page.getByTestId("tagmango-mode")).toHaveText("TagMango SANDBOX");
});
