// The sandbox's demo pictures in a real browser, as in a rehearsal without a network: every
// request for another host fails, yet each page that shows a seeded picture draws it, because the
// dashboard serves it itself (`public/sandbox/`), and nothing asks another host for anything.
import { expect, type Page, type TestInfo, test } from "@playwright/test";
import { MARKETING, statePath } from "./people";
import { open } from "./support";

test.use({ storageState: statePath(MARKETING) });

const MANGO = "6659ca9e5f2acb7abfdcd8fd";

// Fails every request for a host other than the dashboard's, as offline, and notes it; notes the
// console's errors too.
async function offline(page: Page, base: string) {
  const own = new URL(base).origin;
  const seen = { outside: [] as string[], errors: [] as string[] };
  // Only the other hosts' requests are intercepted: the dashboard's own go straight through.
  await page.route(
    (url) => url.origin !== own,
    (route) => {
      seen.outside.push(route.request().url());
      return route.abort("internetdisconnected");
    },
  );
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
