// One time zone per person: chosen on the account page from a searchable list of every IANA zone
// (the browser's zone offered in one click before any choice), then the calendar, a composer and
// an offer's page all show that zone's times with UTC beside; without JavaScript too. The browser
// is in Berlin and the person chooses Tokyo, so the choice is seen to win. Each run signs in as a
// person of its own, so the zone it saves touches no other spec. Times are fixed dates in a zone
// without summer time, so the run does not depend on the time of day.
import { expect, type Page, request, test, type TestInfo } from "@playwright/test";
import { ADMIN, statePath } from "./people";
import { jsEnabled, open } from "./support";

test.use({ timezoneId: "Europe/Berlin" });

const TOKYO = "Asia/Tokyo (UTC+09:00)";

async function screenshot(page: Page, info: TestInfo, name: string) {
  if (process.env.SCREENSHOTS) {
    await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
  }
}

/// A marketing person of this run's own, added by the administrator, signed in through the form.
async function signInAsNewPerson(page: Page, baseURL: string, info: TestInfo) {
  const username = `tz-${info.project.name}-${Date.now().toString(36)}`;
  const password = "zone-e2e-password-1";
  const admin = await request.newContext({ baseURL, storageState: statePath(ADMIN) });
  const added = await admin.post("/api/staff/add", {
    form: { username, role: "marketing", password },
    headers: { accept: "application/json" },
  });
  expect(added.ok(), await added.text()).toBeTruthy();
  await admin.dispose();
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-menu")).toContainText(username);
}

test("choose Asia/Tokyo on the account page: the calendar, a composer and an offer's page show Tokyo with UTC beside", async ({
  page,
  baseURL,
}, info) => {
  test.setTimeout(60_000);
  const js = jsEnabled(info);
  await signInAsNewPerson(page, baseURL ?? "http://127.0.0.1:3000", info);
  // The account page is behind the person's name in the header.
  await page.locator("a.user-menu__name").click();
  await expect(page).toHaveURL(/\/account$/);
  const inUse = page.getByTestId("time-zone-now");
  if (js) {
    // First visit: the page asks the browser and offers its zone in one click.
    await expect(page.getByTestId("browser-zone").getByRole("button")).toHaveText(
      "Use Europe/Berlin (your browser's zone)",
    );
    await expect(inUse).toContainText("your browser's, Europe/Berlin (UTC+0");
  } else {
    // Without JavaScript the browser cannot tell its zone: UTC until one is chosen.
    await expect(inUse).toContainText("your times are shown in UTC");
    await expect(page.getByTestId("browser-zone")).toHaveCount(0);
  }
  await screenshot(page, info, "zone-before");

  // A name that is no zone: refused by the field, nothing saved.
  const field = page.getByLabel("Time zone");
  await field.fill("Mars/Olympus");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.locator("[data-field='time_zone']")).toContainText(
    "“Mars/Olympus” is not a time zone this dashboard knows",
  );
  await expect(inUse).not.toContainText("Your times are shown in");

  // The list to search holds every zone; Tokyo, chosen, is used from now on.
  await expect(page.locator("#time-zones option[value='Asia/Tokyo']")).toHaveCount(1);
  expect(await page.locator("#time-zones option").count()).toBeGreaterThan(300);
  await page.getByLabel("Time zone").fill("Asia/Tokyo");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(inUse).toContainText(`Your times are shown in ${TOKYO}, with UTC beside them`);
  await expect(page.locator("[data-field='time_zone']")).toHaveCount(0);
  await expect(page.getByTestId("browser-zone")).toHaveCount(0);
  await screenshot(page, info, "zone-after");

  // The calendar: Tokyo, with no zone to type; the seeded offer of this week in Tokyo, UTC beside.
  await open(page, info, "/calendar");
  await expect(page.getByTestId("calendar-zone")).toContainText(`Times in ${TOKYO}`);
  await expect(page.getByTestId("calendar-filters").getByLabel("Time zone")).toHaveCount(0);
  const row = page.getByTestId("calendar-row").filter({ hasText: "Double odds tonight" }).first();
  await expect(row).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d JST \((\d{4}-\d\d-\d\d )?\d\d:\d\d UTC\)/);
  await screenshot(page, info, "zone-after-calendar");

  // A composer: it says Tokyo, and a time typed there is read in Tokyo, with or without JavaScript.
  const title = `Tokyo offer ${info.project.name} ${Date.now()}`;
  await open(page, info, "/offers/new");
  await expect(page.getByTestId("time-zone")).toContainText(
    `Times are in your time zone, ${TOKYO}, with UTC beside each`,
  );
  const input = (name: string) => page.locator(`[name='form[${name}]']`);
  await input("title").fill(title);
  await input("text").fill("Only tonight in the chat");
  await input("link_text").fill("Claim it");
  await input("link").fill("https://www.watchers.io/");
  await page.locator("[name='form[start][local]']").fill("2030-05-22T21:00");
  if (js) {
    // UTC beside the field as it is typed.
    await expect(page.getByTestId("utc").first()).toHaveText("= 2030-05-22 12:00:00 UTC");
  }
  await screenshot(page, info, "zone-after-composer");
  await page.getByRole("button", { name: "Publish", exact: true }).click();

  // The offer's page: its start in Tokyo, UTC beside.
  await expect(page).toHaveURL(/\/offers\/\d+$/);
  await expect(page.locator("h1")).toContainText(title);
  await expect(page.getByTestId("start")).toHaveText("2030-05-22 21:00 JST (12:00 UTC)");
  await screenshot(page, info, "zone-after-offer");
});
