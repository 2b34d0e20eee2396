// Screenshots of issue 30's new pages and parts, at 1280×800 (whole pages where named): the
// Account page's test audience and "Test sends" panel, the composers' "Send a test to me", a test
// marked in the offers list, on its own page with the explainer and in the calendar, an
// advertisement's results (chart and table) and the Results page. Run against a dashboard that
// reads the counters every few seconds (DASHBOARD_AD_SAMPLE_SECONDS=2, as the e2e servers do).
// From end2end/: node tools/screenshots-issue-30.mjs http://127.0.0.1:3010 <admin password> ../docs/screenshots/issue-30
import { chromium } from "playwright";
import { mkdirSync } from "node:fs";
import { signedIn } from "./sign-in.mjs";

const [base, password, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});

const session = (js) => signedIn(browser, base, password, { js, timezoneId: "Europe/Berlin" });

const shot = (page, name, fullPage = false) => page.screenshot({ path: `${out}/${name}.png`, fullPage });
const field = (page, name) => page.locator(`[name='form[${name}]']`);
const stamp = Date.now();
const title = `Weekend double odds ${stamp}`;

// The test audience, then a test sent from the offer composer (hydrated).
{
  const { context, page } = await session(true);
  await page.goto(`${base}/account`);
  await page.getByLabel("Test user ids (one per line)").fill("admin-phone-1\nadmin-phone-2");
  await page.getByLabel("Test room id").fill("main-stage");
  await page.getByRole("button", { name: "Save test audience" }).click();
  await page.getByTestId("landed").waitFor();
  await page.goto(`${base}/offers/new`);
  await page.waitForLoadState("networkidle");
  await field(page, "title").fill(title);
  await field(page, "text").fill("Twice the points on every correct pick, this weekend only");
  await field(page, "link_text").fill("Play now");
  await field(page, "link").fill("https://www.watchers.io/");
  await page.getByLabel("Everyone in some rooms (ROOM)").check();
  await field(page, "room_ids").fill("main-stage");
  await page.getByRole("button", { name: "Send a test to me" }).scrollIntoViewIfNeeded();
  await shot(page, "offer-composer-send-a-test");
  await page.getByRole("button", { name: "Send a test to me" }).click();
  await page.getByTestId("submit-note").filter({ hasText: "Sent a test" }).waitFor();
  await shot(page, "offer-composer-test-sent");
  await page.reload();
  await page.getByTestId("test-sends").scrollIntoViewIfNeeded();
  await shot(page, "offer-composer-test-sends-panel");
  await page.goto(`${base}/advertisements/new`);
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Send a test to me" }).scrollIntoViewIfNeeded();
  await shot(page, "advertisement-composer-send-a-test");
  await context.close();
}

// Without JavaScript: the Account page with the panel, the list, the test's own page and its
// explainer, the calendar.
{
  const { context, page } = await session(false);
  await page.goto(`${base}/account`);
  await shot(page, "account-test-audience-and-test-sends", true);
  await page.goto(`${base}/offers`);
  await shot(page, "offers-list-test-marked");
  await page.getByRole("link", { name: title }).first().click();
  await page.waitForURL(/\/offers\/\d+$/);
  await page.goto(`${page.url()}?user=admin-phone-1`);
  await shot(page, "test-offer-page-with-explainer", true);
  await page.goto(`${base}/calendar`);
  await shot(page, "calendar-test-marked", true);
  await context.close();
}

// An advertisement with readings, and the Results page.
{
  const { context, page } = await session(true);
  await page.goto(`${base}/advertisements/new`);
  await page.waitForLoadState("networkidle");
  const fill = (key, value) => page.locator(`[name='form[langs][0][${key}]']`).fill(value);
  await fill("title", `Final tonight ${stamp}`);
  await fill("text", "Watch the final with us");
  await fill("link", "https://watchers.io");
  await fill("link_text", "Join");
  await page.locator("[name='form[room_ids]']").fill("main-stage");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.waitForURL(/\/advertisements\/\d+$/);
  const ad = page.url();
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(2_000);
    await page.goto(ad);
    if ((await page.getByTestId("reading-row").count()) >= 5) break;
  }
  await page.locator("details[data-testid=readings] > summary").click();
  await page.getByTestId("ad-results").scrollIntoViewIfNeeded();
  await shot(page, "advertisement-results", true);
  await page.goto(`${base}/results`);
  await page.waitForLoadState("networkidle");
  await shot(page, "results-page", true);
  await page.goto(`${base}/results?sort=views&dir=desc&from=2030-13-45`);
  await shot(page, "results-page-bad-date");
  await context.close();
}

await browser.close();
