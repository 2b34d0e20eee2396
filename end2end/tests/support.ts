// Shared helpers: open a page and, when JavaScript runs, wait until its islands are interactive.
import { expect, type Locator, type Page, type TestInfo } from "@playwright/test";

export const jsEnabled = (info: TestInfo) => info.project.use.javaScriptEnabled !== false;

// What each page said on its console and which of its requests failed, from the first `open` on:
// `islandsReady` says it when the islands do not run.
const heard = new WeakMap<Page, string[]>();

function listen(page: Page) {
  if (heard.has(page)) return;
  const lines: string[] = [];
  heard.set(page, lines);
  const keep = (line: string) => {
    lines.push(line.slice(0, 300));
    if (lines.length > 20) lines.shift();
  };
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      keep(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => keep(`page error: ${error.message}`));
  page.on("requestfailed", (request) =>
    keep(`request failed: ${request.url().replace(/^.*\/pkg\//, "/pkg/")} (${request.failure()?.errorText})`),
  );
}

export async function open(page: Page, info: TestInfo, path: string) {
  listen(page);
  const response = await page.goto(path);
  if (jsEnabled(info)) {
    await islandsReady(page);
  }
  return response;
}

// Pages render on the server; only their islands (`<leptos-island>`) run in the browser, and
// each counts itself in `<html data-islands-ready>` once it does. A page without islands is ready
// as it is. Call after any navigation to a page with islands, before typing into them.
//
// When they do not all run within 20 s, it fails saying which islands the page has, how many ran,
// what the page loaded from `/pkg/` (each file's status and size as the browser saw it), and its
// console errors and failed requests since the test's first `open`, so a failure in CI says
// whether a chunk never arrived or the WASM failed to start.
export async function islandsReady(page: Page) {
  await page.waitForLoadState("load");
  try {
    await page.waitForFunction(
      () => {
        const islands = document.querySelectorAll("leptos-island").length;
        const ready = Number(document.documentElement.getAttribute("data-islands-ready") ?? "0");
        return ready >= islands;
      },
      undefined,
      { timeout: 20_000 },
    );
  } catch (error) {
    const seen = await page
      .evaluate(() => ({
        islands: [...document.querySelectorAll("leptos-island")].map(
          (island) => island.getAttribute("data-component") ?? "?",
        ),
        ready: document.documentElement.getAttribute("data-islands-ready") ?? "0",
        loaded: performance
          .getEntriesByType("resource")
          .filter((entry) => entry.name.includes("/pkg/"))
          .map((entry) => {
            const r = entry as PerformanceResourceTiming & { responseStatus?: number };
            const name = r.name.replace(/^.*\/pkg\//, "");
            return `${name} ${r.responseStatus ?? "?"} ${r.transferSize}B ${Math.round(r.duration)}ms`;
          }),
      }))
      .catch((e) => ({ islands: [], ready: "?", loaded: [`(could not read the page: ${e})`] }));
    const said = heard.get(page)?.join("; ") || "nothing";
    throw new Error(
      `islands not ready on ${page.url()}: ${seen.ready} of ${seen.islands.length} ran ` +
        `(${seen.islands.join(", ")}); /pkg/ loads: ${seen.loaded.join("; ") || "none"}; ` +
        `the page said: ${said}\n${error}`,
    );
  }
}

// The number of islands on the page, and how many run.
export async function islandCounts(page: Page) {
  return page.evaluate(() => ({
    islands: document.querySelectorAll("leptos-island").length,
    ready: Number(document.documentElement.getAttribute("data-islands-ready") ?? "0"),
  }));
}

// `YYYY-MM-DD` of the day `days` after today (before it when negative) on a calendar in
// `timeZone`. Items made on a fixed day at fixed times there do not depend on the time of day.
export function dayFrom(days: number, timeZone: string) {
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));

// A timeline bar that reads however short it is: its label shows `text` whole, unclipped, inside
// the bar or beside it, within the day's track; its full text, which says `text` too, is its
// `title` and its name, and shows on hover and on focus.
export async function readableBar(page: Page, bar: Locator, text: string) {
  const label = bar.getByTestId("calendar-bar-label");
  await expect(label).toBeVisible();
  await expect(label).toContainText(text);
  await expect(label).not.toContainText("…");
  expect(await label.evaluate((e) => e.scrollWidth <= e.clientWidth + 1), "the label is not clipped").toBe(true);
  const track = (await bar.locator("xpath=..").boundingBox())!;
  const box = (await label.boundingBox())!;
  expect(box.x, "the label starts on the track").toBeGreaterThanOrEqual(track.x - 1);
  expect(box.x + box.width, "the label ends on the track").toBeLessThanOrEqual(track.x + track.width + 1);
  if ((await bar.getAttribute("data-label")) !== "inside") {
    const edge = (await bar.boundingBox())!;
    const beside = box.x >= edge.x + edge.width - 1 || box.x + box.width <= edge.x + 1;
    expect(beside, "the label is beside its short bar").toBe(true);
  }

  await expect(bar).toHaveAttribute("title", literally(text));
  await expect(bar).toHaveAttribute("aria-label", literally(text));
  const tip = bar.getByTestId("calendar-bar-tip");
  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();
  await bar.hover();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(text);
  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();
  await bar.focus();
  await expect(bar).toBeFocused();
  await expect(tip).toBeVisible();
  await bar.blur();
}

export { expect };
