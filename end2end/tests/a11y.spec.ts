// Every page checked by axe-core against WCAG 2.1 A and AA. axe runs in the page, so only the
// hydrated project runs it; the markup without JavaScript is the same server-rendered HTML.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { ADMIN, statePath } from "./people";
import { jsEnabled, open } from "./support";

test.beforeEach(async ({}, info) => {
  test.skip(!jsEnabled(info), "axe-core needs JavaScript in the page");
});

const PAGES = [
  "/",
  "/badges",
  "/badges/new",
  "/badges/tagmango",
  "/badges/tagmango/new",
  "/badges/tagmango/6659ca9e5f2acb7abfdcd8fd",
  "/offers",
  "/offers/new",
  "/advertisements",
  "/advertisements/new",
  "/results",
  "/results?sort=views&dir=asc&from=2030-13-45",
  "/exclusions",
  "/rooms",
  "/rooms/new",
  "/rooms/agenda",
  "/calendar",
  "/calendar?view=month&kinds=room,offer",
  "/offers/deleted",
  "/advertisements/deleted",
  "/badges/deleted",
  "/rooms/deleted",
  "/approvals",
  "/audit",
  "/staff",
  "/account",
  "/no-such-page",
];

/// `previews`: false leaves out the marketing previews, which draw the colours their author chose
/// (the composer warns about their contrast; a published record is what it is).
async function violations(page: Page, previews = true) {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (!previews) builder = builder.exclude("[data-testid=mk-card]");
  const results = await builder.analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

test.describe("signed in", () => {
  test.use({ storageState: statePath(ADMIN) });
  for (const path of PAGES) {
    test(`${path} has no WCAG 2.1 AA violation`, async ({ page }, info) => {
      await open(page, info, path);
      expect(await violations(page)).toEqual([]);
    });
  }

  test("a badge's, an offer's and an advertisement's own pages have none either", async ({ page }, info) => {
    // Six pages, each with an axe run: on two busy cores that can take longer than one page's 30 s.
    test.setTimeout(90_000);
    for (const [list, pattern] of [
      ["/badges", /^\/badges\/\d+$/],
      ["/offers", /^\/offers\/\d+$/],
      ["/advertisements", /^\/advertisements\/\d+$/],
    ] as const) {
      await open(page, info, list);
      const hrefs = await page.locator("main a").evaluateAll((links) =>
        links.map((a) => a.getAttribute("href") ?? ""),
      );
      // The oldest on the first page: the newest may be another spec's, still being changed.
      const detail = hrefs.filter((href) => pattern.test(href)).pop();
      expect(detail, `a link to a detail page on ${list}`).toBeTruthy();
      // With a question asked, so the "why won't it show?" checklist is checked too.
      await open(page, info, `${detail!}?user=u-fan`);
      expect(await violations(page, false), detail).toEqual([]);
    }
  });
});

test("the sign-in page has no WCAG 2.1 AA violation", async ({ page }, info) => {
  await open(page, info, "/login");
  expect(await violations(page)).toEqual([]);
});
