// Islands on a slow connection: the page is usable before its WASM arrives, and what the user
// typed meanwhile is kept when the island starts.
import { expect, test } from "@playwright/test";
import { MARKETING, statePath } from "./people";
import { islandsReady, jsEnabled } from "./support";

test.use({ storageState: statePath(MARKETING) });

test("typing before the WASM arrives is kept, and the preview picks it up", async ({ page }, info) => {
  test.skip(!jsEnabled(info), "without JavaScript there is no island to start");
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await arrived;
    await route.continue();
  });
  await page.goto("/badges/new");
  await page.locator("#badge-text").fill("Early bird");
  await page.locator("#badge-tooltip").fill("Typed while loading");
  await page.locator("#badge-background_color").fill("#112233");
  expect(await page.locator("html").getAttribute("data-islands-ready")).toBeNull();
  release();
  await islandsReady(page);
  await expect(page.locator("#badge-text")).toHaveValue("Early bird");
  await expect(page.locator("#badge-tooltip")).toHaveValue("Typed while loading");
  await expect(page.locator("#badge-background_color")).toHaveValue("#112233");
  await expect(page.getByTestId("badge-pill")).toHaveText("Early bird");
  await expect(page.getByTestId("badge-pill")).toHaveCSS("background-color", "rgb(17, 34, 51)");
  await expect(page.getByTestId("count-tooltip")).toHaveText("19/140");
});
