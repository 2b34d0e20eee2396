// Shared helpers: open a page and, when JavaScript runs, wait until the app has hydrated.
import { expect, type Page, type TestInfo } from "@playwright/test";

export const jsEnabled = (info: TestInfo) => info.project.name === "hydrated";

export async function open(page: Page, info: TestInfo, path: string) {
  const response = await page.goto(path);
  if (jsEnabled(info)) {
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  }
  return response;
}
