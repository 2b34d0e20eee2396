// Shared helpers: open a page and, when JavaScript runs, wait until its islands are interactive.
import { expect, type Page, type TestInfo } from "@playwright/test";

export const jsEnabled = (info: TestInfo) => info.project.use.javaScriptEnabled !== false;

export async function open(page: Page, info: TestInfo, path: string) {
  const response = await page.goto(path);
  if (jsEnabled(info)) {
    await islandsReady(page);
  }
  return response;
}

// Pages render on the server; only their islands (`<leptos-island>`) run in the browser, and
// each counts itself in `<html data-islands-ready>` once it does. A page without islands is ready
// as it is. Call after any navigation to a page with islands, before typing into them.
export async function islandsReady(page: Page) {
  await page.waitForLoadState("load");
  await page.waitForFunction(() => {
    const islands = document.querySelectorAll("leptos-island").length;
    const ready = Number(document.documentElement.getAttribute("data-islands-ready") ?? "0");
    return ready >= islands;
  });
}

// The number of islands on the page, and how many run.
export async function islandCounts(page: Page) {
  return page.evaluate(() => ({
    islands: document.querySelectorAll("leptos-island").length,
    ready: Number(document.documentElement.getAttribute("data-islands-ready") ?? "0"),
  }));
}

export { expect };
