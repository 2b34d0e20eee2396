// Advertisement results in a real browser, hydrated and without JavaScript. An advertisement
// published here gets readings within seconds (the e2e server reads the counters every 2 seconds:
// DASHBOARD_AD_SAMPLE_SECONDS in the Makefile). Its page draws the chart on the server, a picture
// whose title and description say in words what it shows, with the same readings in a table and
// as CSV; the Results page puts it beside the others, in order by views through links, limited to
// a date range by a GET form; a day it cannot read is named beside its field, kept as typed. axe
// finds nothing on either page. Times are UTC (the browser's zone), so days do not depend on it.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test, type TestInfo } from "@playwright/test";
import { MARKETING, statePath } from "./people";
import { dayFrom, jsEnabled, open } from "./support";

test.use({ storageState: statePath(MARKETING), timezoneId: "UTC" });

async function noViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .exclude("[data-testid=mk-card]")
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/// Publishes an advertisement titled `title` to the room main-stage; its id.
async function publishAd(page: Page, info: TestInfo, title: string) {
  await open(page, info, "/advertisements/new");
  const fill = (key: string, value: string) =>
    page.locator(`[name='form[langs][0][${key}]']`).fill(value);
  await fill("title", title);
  await fill("text", "Watch with us");
  await fill("link", "https://watchers.io");
  await fill("link_text", "More");
  await page.locator("[name='form[room_ids]']").fill("main-stage");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page).toHaveURL(/\/advertisements\/\d+$/);
  return Number(new URL(page.url()).pathname.split("/").pop());
}

test("an advertisement's readings as a chart, a table and CSV, and the Results page beside the others", async ({ page }, info) => {
  test.setTimeout(120_000);
  const js = jsEnabled(info);
  const title = `Results ${info.project.name} ${Date.now()}`;
  const id = await publishAd(page, info, title);

  // The Results section is there at once; the readings come within seconds.
  const section = page.getByTestId("ad-results");
  await expect(section.getByRole("heading", { name: "Results" })).toBeVisible();
  await expect(section.getByTestId("reading-count")).toContainText("taken every 2 seconds");
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId("reading-row").count();
      },
      { timeout: 60_000, intervals: [1_000, 2_000] },
    )
    .toBeGreaterThanOrEqual(2);

  // The chart: a picture named by its title and described in words.
  const chart = page.getByTestId("results-chart-svg");
  await expect(chart).toHaveAttribute("role", "img");
  await expect(chart).toHaveAttribute("aria-labelledby", "results-chart-title results-chart-desc");
  await expect(page.locator("#results-chart-title")).toHaveText("Views and messages over time");
  const desc = page.locator("#results-chart-desc");
  await expect(desc).toContainText(/^Views (rose|fell|stayed at|could not be read)/);
  await expect(desc).toContainText(/ between \d{4}-\d\d-\d\d \d\d:\d\d UTC and \d{4}-\d\d-\d\d \d\d:\d\d UTC, over \d+ readings\./);
  await expect(page.getByRole("img", { name: /Views and messages over time/ })).toBeVisible();
  await expect(section.getByTestId("since-sent")).toContainText(/ago|just now|^in |^No send time/);
  await expect(section.getByTestId("views-per-message")).toContainText(/views, [\d,]+ messages/);

  // The same readings as a table, behind a disclosure that opens without JavaScript too.
  await section.locator("details[data-testid=readings] > summary").click();
  const table = page.getByTestId("readings-table");
  await expect(table).toBeVisible();
  await expect(table.locator("caption")).toContainText("newest first");
  await expect(table.locator("thead th")).toHaveText(["Time", "Views", "Messages", "Views per message"]);
  const rows = table.getByTestId("reading-row");
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
  await expect(rows.first().locator("th[scope=row]")).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  const counter = /^([\d,]+( ↓ went down from [\d,]+)?|unreadable)$/;
  await expect(rows.first().getByTestId("reading-views")).toHaveText(counter);
  await expect(rows.first().getByTestId("reading-messages")).toHaveText(counter);

  // The CSV of the same readings.
  const csv = section.getByTestId("results-csv");
  await expect(csv).toHaveText("Download CSV");
  const href = await csv.getAttribute("href");
  expect(href).toBe(`/advertisements/${id}/results.csv`);
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toContain("text/csv");
  const [header, ...lines] = (await download.text()).trim().split(/\r?\n/);
  expect(header.toLowerCase()).toMatch(/views/);
  expect(header.toLowerCase()).toMatch(/messages/);
  expect(lines.length).toBeGreaterThanOrEqual(2);
  if (js) await noViolations(page);

  // The Results page, from the navigation.
  await open(page, info, "/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Results", exact: true }).click();
  await expect(page).toHaveURL(/\/results$/);
  const results = page.getByTestId("results-table");
  const row = results.locator(`tr[data-ad="${id}"]`);
  await expect(row).toBeVisible();
  await expect(row.locator("th[scope=row] a")).toHaveAttribute("href", `/advertisements/${id}`);
  await expect(row.getByTestId("results-views")).toHaveText(counter);
  await expect(row.getByTestId("results-per-message")).toHaveText(/^(\d+\.\d|—)$/);
  await expect(row.getByTestId("sparkline")).toHaveAttribute("aria-hidden", "true");
  await expect(results.locator("th[aria-sort]")).toHaveCount(1);

  // In order by views: a link, most first, then fewest first.
  await results.getByRole("link", { name: "Views", exact: true }).click();
  await expect(page).toHaveURL(/sort=views&dir=desc/);
  await expect(results.locator("th[data-sort=views]")).toHaveAttribute("aria-sort", "descending");
  const views = async () =>
    (await results.getByTestId("results-views").allTextContents())
      .map((text) => parseInt(text.replace(/,/g, ""), 10))
      .filter((n) => !Number.isNaN(n));
  const most = await views();
  expect(most).toEqual([...most].sort((a, b) => b - a));
  await results.getByRole("link", { name: "Views", exact: true }).click();
  await expect(page).toHaveURL(/sort=views&dir=asc/);
  await expect(results.locator("th[data-sort=views]")).toHaveAttribute("aria-sort", "ascending");
  const fewest = await views();
  expect(fewest).toEqual([...fewest].sort((a, b) => a - b));

  // A date range around today keeps it, in the same order; one long ago leaves it out.
  const filters = page.getByTestId("results-filters");
  await filters.getByLabel("From (day)").fill(dayFrom(-1, "UTC"));
  await filters.getByLabel("To (day)").fill(dayFrom(1, "UTC"));
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`sort=views&dir=asc&from=${dayFrom(-1, "UTC")}&to=${dayFrom(1, "UTC")}`));
  await expect(row).toBeVisible();
  await expect(results.locator("th[data-sort=views]")).toHaveAttribute("aria-sort", "ascending");
  await filters.getByLabel("From (day)").fill("2001-01-01");
  await filters.getByLabel("To (day)").fill("2001-01-31");
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/from=2001-01-01&to=2001-01-31/);
  await expect(row).toHaveCount(0);
  if (js) await noViolations(page);

  // A day that cannot be read is named beside its field and stays as it was typed.
  await open(page, info, "/results?from=2030-13-45&sort=views&dir=desc");
  const from = page.getByLabel("From (day)");
  await expect(from).toHaveValue("2030-13-45");
  await expect(from).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("[data-field=from]")).toContainText("“2030-13-45” is not a date");
  await expect(row).toBeVisible();
  if (js) await noViolations(page);
});

test("an offer's page says offers have no counters to chart", async ({ page }, info) => {
  await open(page, info, "/offers");
  const hrefs = await page.locator("main a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const detail = hrefs.filter((href) => /^\/offers\/\d+$/.test(href)).pop();
  expect(detail, "a link to an offer's page").toBeTruthy();
  await open(page, info, detail!);
  await expect(page.getByTestId("no-counters")).toContainText("no results to chart");
});
