// The sandbox's demo pictures in a real browser, as in a rehearsal without a network: each page
// that shows a seeded picture draws it, because the dashboard serves it itself
// (`public/sandbox/`), and nothing asks another host for anything.
import { expect, type Page, type TestInfo, test } from "@playwright/test";
import { MARKETING, statePath } from "./people";
import { open } from "./support";

test.use({ storageState: statePath(MARKETING) });

const MANGO = "6659ca9e5f2acb7abfdcd8fd";

// Notes every request for a host other than the dashboard's (the test fails on any: a rehearsal
// without a network would lose it) and the console's errors. Requests are watched, not
// intercepted: under interception Chromium twice left the offer's picture unloaded (its requests
// ended with no response) in fresh-clone runs, though the page and server were right.
async function offline(page: Page, base: string) {
  const own = new URL(base).origin;
  const seen = { outside: [] as string[], errors: [] as string[] };
  page.on("request", (request) => {
    if (new URL(request.url()).origin !== own) {
      seen.outside.push(request.url());
    }
  });
  page.on("console", (message) => {
    if (message.type() === "error") {
      seen.errors.push(message.text());
    }
  });
  return seen;
}

// Opens `list` and follows "Older →" until a link named `name` shows, then opens it.
async function openFromList(page: Page, info: TestInfo, list: string, name: string) {
  await open(page, info, list);
  for (let pages = 0; pages < 20; pages++) {
    const link = page.locator("main table").getByRole("link", { name, exact: true });
    if ((await link.count()) > 0) {
      await link.first().click();
      await page.waitForLoadState("load");
      return;
    }
    await page.getByRole("link", { name: "Older →" }).click();
  }
  throw new Error(`“${name}” is not in ${list}`);
}

// At least one of the sandbox's pictures is on the page, and every picture on it has loaded (a
// broken one has no natural width).
async function picturesDrawn(page: Page) {
  const own = page.locator("main img[src^='/sandbox/']");
  await expect(own.first()).toBeAttached();
  const drawn = () =>
    page.locator("main img").evaluateAll((imgs) =>
      imgs.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0),
    );
  // Once in about ten no-JavaScript runs, Chromium ends the list page's requests for the picture
  // with no response as the test follows the link, and then never asks for it on the next page
  // (no request is made at all; the server answers every request for it). A reload asks again:
  // what is checked is that the dashboard serves the picture and draws it.
  await expect.poll(drawn, { timeout: 5_000 }).toBe(true).catch(async () => {
    await page.reload();
  });
  for (const picture of await page.locator("main img").all()) {
    const src = await picture.getAttribute("src");
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {
        message: `${src} is drawn`,
      })
      .toBe(true);
  }
}

const pages: [string, (page: Page, info: TestInfo) => Promise<unknown>][] = [
  ["the VIP badge's picture", (page, info) => open(page, info, "/badges?order=id_asc")],
  ["TagMango's Hall Of Fame", (page, info) => open(page, info, `/badges/tagmango/${MANGO}`)],
  ["the image offer", (page, info) => openFromList(page, info, "/offers", "/sandbox/offer-pitch.svg")],
  ["the season pass advertisement", (page, info) => openFromList(page, info, "/advertisements", "Season pass")],
  ["the winshare", (page, info) => openFromList(page, info, "/advertisements", "Release the kraken")],
];

for (const [what, go] of pages) {
  test(`offline, ${what} is drawn from the dashboard itself`, async ({ page, baseURL }, info) => {
    const seen = await offline(page, baseURL ?? "http://127.0.0.1:3000");
    await go(page, info);
    await picturesDrawn(page);
    expect(seen.outside, "requests for another host").toEqual([]);
    expect(seen.errors.filter((e) => e.includes("Failed to load resource")), "resources that failed").toEqual([]);
  });
}
