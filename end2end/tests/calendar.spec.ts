// The calendar and "why won't it show?" in a real browser. The viewer's browser is in Tokyo:
// hydrated, it tells the page its zone; without JavaScript the page cannot know it, and the viewer
// (who chose none on their account page: zone.spec.ts does) reads UTC.
// The sandbox's demo data plants a clash: a GLOBAL offer running this week beside an offer for
// room main-stage.
import { expect, type Locator, type Page, test } from "@playwright/test";
import { MARKETING, statePath } from "./people";
import { dayFrom, jsEnabled, open, readableBar } from "./support";

test.use({ storageState: statePath(MARKETING), timezoneId: "Asia/Tokyo" });

// A clash warning reads as its sentence; the rule's name follows it, quietly.
async function sentenceFirst(clash: Locator, rule: string) {
  await expect(clash).toHaveText(new RegExp(`^\\s*[A-Z].*\\.\\s+${rule}\\s*$`, "s"));
  await expect(clash.locator(".rule-name")).toHaveText(rule);
}

async function zoneIsShown(page: Page, js: boolean) {
  const zone = page.getByTestId("calendar-zone");
  if (js) {
    await expect(zone).toContainText("Asia/Tokyo (UTC+09:00)");
    return;
  }
  // Without JavaScript the page cannot know the browser's zone: UTC, and where to choose one.
  await expect(zone).toContainText("Times in UTC");
  await expect(zone.getByRole("link", { name: "Choose your time zone" })).toHaveAttribute("href", "/account");
  await expect(page.getByLabel("Time zone")).toHaveCount(0);
}

test("find the calendar, see the week in my zone and the clash, move to a day and a month, filter", async ({
  page,
}, info) => {
  await open(page, info, "/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calendar" }).click();
  await expect(page).toHaveURL(/\/calendar$/);
  const js = jsEnabled(info);
  await zoneIsShown(page, js);
  await expect(page.getByTestId("calendar-day")).toHaveCount(7);

  // The planted clash, in one sentence with its rule's name after it, quietly, and both offers
  // marked on the list.
  const clash = page.getByTestId("clash").filter({ hasText: "Double odds tonight" }).first();
  await expect(clash).toHaveAttribute("data-rule", "overlapping-offers");
  await expect(clash).toContainText("run at the same time for everyone (one is global): chat users may see both at once.");
  await sentenceFirst(clash, "overlapping-offers");
  const offerRow = page.getByTestId("calendar-row").filter({ hasText: "Double odds tonight" });
  await expect(offerRow).toContainText("Clash, see above");
  // Times in the list: Tokyo, with UTC beside (UTC alone without JavaScript).
  await expect(offerRow).toContainText(js ? /\d{4}-\d\d-\d\d \d\d:\d\d JST \(.*UTC\)/ : /\d{4}-\d\d-\d\d \d\d:\d\d UTC/);

  await page.getByTestId("calendar-nav").getByRole("link", { name: "Day", exact: true }).click();
  await expect(page.getByTestId("calendar-day")).toHaveCount(1);
  await page.getByTestId("calendar-nav").getByRole("link", { name: "Month", exact: true }).click();
  expect(await page.getByTestId("calendar-day").count()).toBeGreaterThanOrEqual(28);
  await expect(page.getByTestId("calendar-zone")).toContainText(js ? "Asia/Tokyo" : "Times in UTC");

  // Rooms only: the offers and advertisements leave the view.
  await page.getByLabel("Offers").uncheck();
  await page.getByLabel("Advertisements").uncheck();
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/kind=room/);
  await expect(page.getByTestId("calendar-row").filter({ hasText: "Double odds tonight" })).toHaveCount(0);
  for (const key of await page.getByTestId("calendar-row").evaluateAll((els) => els.map((e) => e.getAttribute("data-key")))) {
    expect(key).toMatch(/^room:/);
  }

  // Each item links to its page.
  await open(page, info, "/calendar?kinds=offer");
  await page.getByTestId("calendar-row").filter({ hasText: "Double odds tonight" }).getByRole("link").click();
  await expect(page).toHaveURL(/\/offers\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Double odds tonight");
});

test("an untitled image offer is named by its template and id, a sent advertisement is a point, short bars read", async ({
  page,
}, info) => {
  test.setTimeout(60_000);
  // Hydrated, the composers take Tokyo time; without JavaScript, UTC. The calendar is asked for
  // the same zone, and for a week in the past: a Wednesday 7 to 13 days ago, whatever the time.
  const zone = jsEnabled(info) ? "Asia/Tokyo" : "UTC";
  const back = 7 + ((new Date(`${dayFrom(0, zone)}T12:00:00Z`).getUTCDay() + 4) % 7);
  const [wednesday, thursday] = [dayFrom(-back, zone), dayFrom(1 - back, zone)];

  // An image offer with no title, from 23:55 to 00:10: a sliver on each of two days.
  await open(page, info, "/offers/new");
  await page.locator("input[name='form[template]'][value='11']").check();
  await page.locator("[name='form[pic]']").fill(new URL("/sandbox/offer-pitch.svg", page.url()).href);
  await page.locator("[name='form[link]']").fill("https://www.watchers.io/");
  await page.locator("input[name='form[start][local]']").fill(`${wednesday}T23:55:00`);
  await page.locator("input[name='form[end][local]']").fill(`${thursday}T00:10:00`);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page).toHaveURL(/\/offers\/\d+$/);
  const offer = new URL(page.url()).pathname.split("/").pop();

  // An advertisement with no title, sent on Wednesday at noon, with no delete time.
  await open(page, info, "/advertisements/new");
  await page.locator("[name='form[langs][0][text]']").fill("Watch the replay with us");
  await page.locator("input[name='form[send][local]']").fill(`${wednesday}T12:00:00`);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page).toHaveURL(/\/advertisements\/\d+$/);
  const ad = new URL(page.url()).pathname.split("/").pop();

  await open(page, info, `/calendar?view=week&date=${wednesday}&tz=${encodeURIComponent(zone)}`);
  await expect(page.getByTestId("calendar-zone")).toContainText(`Times in ${zone}`);
  await expect(page.getByTestId("calendar-day")).toHaveCount(7);
  // The issue's pictures, before and after: SCREENSHOTS=1 npx playwright test calendar.
  if (process.env.SCREENSHOTS) {
    await page.screenshot({ path: test.info().outputPath("calendar-after.png"), fullPage: true });
  }
  const bars = (key: string, date?: string) =>
    page.locator(
      `${date ? `[data-testid="calendar-day"][data-date="${date}"] ` : ""}[data-testid="calendar-bar"][data-key="${key}"]`,
    );
  const row = (key: string) => page.locator(`[data-testid="calendar-row"][data-key="${key}"]`);

  // The offer by what people recognise: its template and id. Late on Wednesday its label sits
  // before its sliver, early on Thursday after it; each says it whole.
  const name = `Image offer (template 11) #${offer}`;
  await expect(bars(`offer:${offer}`)).toHaveCount(2);
  await expect(bars(`offer:${offer}`, wednesday)).toHaveAttribute("data-label", "before");
  await readableBar(page, bars(`offer:${offer}`, wednesday), name);
  await expect(bars(`offer:${offer}`, thursday)).toHaveAttribute("data-label", "after");
  await readableBar(page, bars(`offer:${offer}`, thursday), name);
  await expect(row(`offer:${offer}`).getByRole("link")).toHaveText(`${name} (offer)`);

  // The advertisement: once, a point at its send time on Wednesday, not a bar across the week.
  await expect(bars(`advertisement:${ad}`)).toHaveCount(1);
  const point = bars(`advertisement:${ad}`, wednesday);
  await expect(point).toHaveAttribute("data-shape", "point");
  await readableBar(page, point, `Advertisement #${ad} · SENT`);
  await expect(point).toHaveAttribute("title", /, at \d{4}-\d\d-\d\d 12:00 /);
  await expect(row(`advertisement:${ad}`)).toContainText("12:00");
});

test("why won't it show: blocked for an excluded user, would show for another", async ({ page }, info) => {
  const excluded = `u-quiet-${info.project.name}-${Date.now()}`;
  await open(page, info, "/exclusions");
  // Hydrated, the page first learns the zone and shows itself again: type after that.
  if (jsEnabled(info)) await expect(page.getByTestId("exclusions-zone")).toContainText("Asia/Tokyo");
  await page.getByLabel("User id (unencrypted)").fill(excluded);
  await page.getByRole("button", { name: "Exclude from marketing" }).click();
  await expect(page.getByTestId("exclusions").getByRole("row").filter({ hasText: excluded })).toContainText("Excluded");

  await open(page, info, "/offers");
  await page.getByRole("link", { name: /Double odds tonight/ }).first().click();
  await expect(page).toHaveURL(/\/offers\/\d+$/);
  // The offer's page names its clash too, the sentence first.
  await expect(page.getByTestId("clash").first()).toHaveAttribute("data-rule", "overlapping-offers");
  await sentenceFirst(page.getByTestId("clash").first(), "overlapping-offers");

  const explainer = page.getByTestId("explainer");
  await explainer.getByLabel("User id").fill(excluded);
  await explainer.getByRole("button", { name: "Explain" }).click();
  await expect(page).toHaveURL(/\?user=/);
  await expect(page.getByTestId("verdict")).toHaveText("Blocked by: marketing exclusion.");
  await expect(page.getByTestId("check").filter({ hasText: "Marketing exclusion" })).toHaveAttribute("data-mark", "block");
  await expect(page.getByTestId("check").filter({ hasText: "Audience" })).toHaveAttribute("data-mark", "pass");
  // What was asked stays in the form.
  await expect(page.getByTestId("explainer").getByLabel("User id")).toHaveValue(excluded);

  await page.getByTestId("explainer").getByLabel("User id").fill("u-fan");
  await page.getByTestId("explainer").getByRole("button", { name: "Explain" }).click();
  await expect(page.getByTestId("verdict")).toContainText("Would show");
  await expect(page.getByTestId("check").filter({ hasText: "Time window" })).toHaveAttribute("data-mark", "pass");
});

test("why won't it show: a room the registry does not hold is looked up, and Now asks for now", async ({
  page,
}, info) => {
  // The seeded GLOBAL offer, running now: only the room and the moment decide it.
  await open(page, info, "/calendar?kinds=offer");
  await page.getByTestId("calendar-row").filter({ hasText: "Double odds tonight" }).getByRole("link").click();
  await expect(page).toHaveURL(/\/offers\/\d+$/);
  const explainer = page.getByTestId("explainer");
  const check = (name: string) => page.getByTestId("check").filter({ hasText: name });

  // tomorrow-preview is a room of the sandbox's Watchers that nothing here created or looked up:
  // it is asked of Watchers and judged by its schedule (it starts tomorrow), not called unknown to
  // the registry. (The second project's run finds it in the registry: the same answer.)
  await explainer.getByLabel("User id").fill("u-fan");
  await explainer.getByLabel("Room id").fill("tomorrow-preview");
  await explainer.getByRole("button", { name: "Explain" }).click();
  await expect(check("Room status")).toContainText("tomorrow-preview is SOON then: nobody is chatting there.");
  await expect(check("Room status")).toHaveAttribute("data-mark", "block");
  await expect(page.getByTestId("verdict")).toHaveText("Blocked by: room status.");

  // A room Watchers does not have: blocked, and said so.
  const ghost = `no-such-room-${info.project.name}`;
  await explainer.getByLabel("Room id").fill(ghost);
  await explainer.getByRole("button", { name: "Explain" }).click();
  await expect(check("Room status")).toContainText(`Room ${ghost} does not exist in Watchers.`);
  await expect(check("Room status")).toHaveAttribute("data-mark", "block");

  // A moment chosen stays in its field; "Now" asks for now whatever it says, and empties it, so
  // the next question is for now too.
  await explainer.getByLabel("Room id").fill("");
  await explainer.getByLabel("Moment").fill("2000-01-01T12:00");
  await explainer.getByRole("button", { name: "Explain" }).click();
  await expect(check("Time window")).toHaveAttribute("data-mark", "block");
  await expect(explainer.getByLabel("Moment")).toHaveValue(/^2000-01-01T12:00/);
  await explainer.getByRole("button", { name: "Now" }).click();
  await expect(page).toHaveURL(/[?&]now=1/);
  await expect(check("Time window")).toHaveAttribute("data-mark", "pass");
  await expect(page.getByTestId("asked-for")).toContainText("Asked for now, ");
  await expect(explainer.getByLabel("Moment")).toHaveValue("");
  await expect(page.getByTestId("verdict")).toContainText("Would show");
});

test("the composer warns of a clash before publishing", async ({ page }, info) => {
  await open(page, info, "/advertisements/new");
  await page.locator("input[name='form[send][local]']").fill("2031-01-02T10:00");
  await page.locator("input[name='form[delete][local]']").fill("2031-01-01T10:00");
  if (!jsEnabled(info)) {
    // Without JavaScript the check runs when the page is drawn again: on the saved draft.
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(/\/advertisements\/drafts\//);
  }
  const clash = page.getByTestId("clash");
  await expect(clash).toHaveAttribute("data-rule", "delete-before-send");
  await expect(clash).toContainText("This advertisement is deleted");
  await sentenceFirst(clash, "delete-before-send");
  await expect(page.getByTestId("clashes")).toContainText("Clashes if published");
});
