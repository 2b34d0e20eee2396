// Rooms in a real browser: schedule a room a few seconds ahead and see it go LIVE, switch its
// voice, find it on the agenda, delete it. Hydrated, the times are typed in Berlin time.
import { expect, test } from "@playwright/test";
import { MODERATOR, statePath } from "./people";
import { dayFrom, jsEnabled, open, readableBar } from "./support";

test.use({ storageState: statePath(MODERATOR), timezoneId: "Europe/Berlin" });

/// `YYYY-MM-DDTHH:MM:SS` of `date` as a clock in `timeZone` shows it.
function wallClock(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}`;
}

test("schedule a room seconds ahead, watch it go live, switch voice, delete it", async ({ page }, info) => {
  test.setTimeout(60_000);
  const roomId = `show-${info.project.name}-${Date.now()}`;
  const name = `Show ${info.project.name}`;
  await open(page, info, "/rooms/new");
  // With JavaScript the form takes the browser's time zone; without, it says the times are UTC.
  const zone = jsEnabled(info) ? "Europe/Berlin" : "UTC";
  await expect(page.getByTestId("time-zone")).toContainText(jsEnabled(info) ? "your time zone" : "UTC");
  const start = new Date(Date.now() + 8_000);
  const end = new Date(Date.now() + 3_600_000);
  await page.locator("input[name='form[room_id]']").fill(roomId);
  await page.locator("input[name='form[name]']").fill(name);
  await page.locator("textarea[name='form[about]']").fill("A test show");
  await page.locator("input[name='form[start][local]']").fill(wallClock(start, zone));
  await page.locator("input[name='form[end][local]']").fill(wallClock(end, zone));
  await page.getByRole("button", { name: "Create room" }).click();
  await expect(page).toHaveURL(new RegExp(`/rooms/${roomId}$`));
  await expect(page.getByTestId("room-status")).toHaveText("SOON");

  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("room-status")).toHaveText("LIVE", { timeout: 1_000 });
  }).toPass({ timeout: 20_000, intervals: [1_000] });

  await expect(page.getByTestId("room-voice")).toHaveText("off");
  await page.getByRole("button", { name: "Switch voice on" }).click();
  await expect(page.getByTestId("room-voice")).toHaveText("on");

  await open(page, info, "/rooms/agenda");
  await expect(page.getByTestId("calendar-now")).toHaveCount(1);
  // The room runs an hour from now: after 23:00 on the agenda's clock it crosses midnight and is
  // drawn as two bars, one per day (ending "→", continuing "←"). Each says LIVE.
  const bars = page.locator(`[data-testid="calendar-bar"][data-key="room:${roomId}"]`);
  await expect(bars.first()).toContainText("LIVE");
  for (const bar of await bars.all()) {
    await expect(bar).toContainText(name);
    await expect(bar).toContainText("LIVE");
  }

  await open(page, info, `/rooms/${roomId}`);
  await page.getByText(`Delete room “${name}”…`).click();
  await expect(page.locator("main")).toContainText("“Restore” brings the room back under its own room id");
  await page.getByRole("button", { name: `Yes, delete “${name}”` }).click();
  await expect(page).toHaveURL(/\/rooms\?deleted=\d+$/);
  await expect(page.locator(`tr[data-room-id="${roomId}"]`)).toHaveCount(0);

  // Restored under its own id, which is free again: the notice says so, and no new id.
  const notice = page.getByTestId("deleted-notice");
  await expect(notice).toContainText("“Restore” brings the room back under its own room id (or another free one you pick).");
  await expect(notice).not.toContainText("new id");
  await expect(notice.getByLabel("Room id")).toHaveValue(roomId);
  await notice.getByRole("button", { name: `Restore room “${name}”` }).click();
  await expect(page).toHaveURL(/\/deleted\/\d+$/);
  await expect(page.getByTestId("restore-state")).toContainText(`as room #${roomId}`);
  await open(page, info, "/rooms");
  await expect(page.locator(`tr[data-room-id="${roomId}"]`)).toHaveCount(1);
});

test("the agenda names a room a few minutes past midnight in full, on both its days", async ({ page }, info) => {
  test.setTimeout(60_000);
  // Hydrated, the form and the agenda take Berlin time; without JavaScript, UTC. Three days
  // ahead, whatever the time: both days are on the agenda (today and the next 7).
  const zone = jsEnabled(info) ? "Europe/Berlin" : "UTC";
  const [day, next] = [dayFrom(3, zone), dayFrom(4, zone)];
  const roomId = `late-${info.project.name}-${Date.now()}`;
  const name = `Late kick-off with extra time ${info.project.name}`;
  await open(page, info, "/rooms/new");
  await expect(page.getByTestId("time-zone")).toContainText(jsEnabled(info) ? "your time zone" : "UTC");
  await page.locator("input[name='form[room_id]']").fill(roomId);
  await page.locator("input[name='form[name]']").fill(name);
  await page.locator("textarea[name='form[about]']").fill("Kick-off at five to midnight");
  await page.locator("input[name='form[start][local]']").fill(`${day}T23:55:00`);
  await page.locator("input[name='form[end][local]']").fill(`${next}T00:10:00`);
  await page.getByRole("button", { name: "Create room" }).click();
  await expect(page).toHaveURL(new RegExp(`/rooms/${roomId}$`));

  if (jsEnabled(info)) {
    // The browser has told its zone, as after its first page that asked (`/zone.js`, which
    // calendar.spec.ts and zone.spec.ts follow): this test is about the names. In one full run
    // the agenda's request for /zone.js was aborted and the page stayed in UTC.
    await page.context().addCookies([{ name: "tz", value: zone, url: page.url() }]);
  }
  await open(page, info, "/rooms/agenda");
  await expect(page.getByTestId("calendar-zone")).toContainText(`Times in ${zone}`);
  // Not "Room · …": the room's whole name and status on each day, beside its sliver.
  for (const date of [day, next]) {
    const bar = page.locator(
      `[data-testid="calendar-day"][data-date="${date}"] [data-testid="calendar-bar"][data-key="room:${roomId}"]`,
    );
    await expect(bar).toHaveCount(1);
    await readableBar(page, bar, `${name} · SOON`);
  }
  await expect(page.locator(`[data-testid="calendar-bar"][data-key="room:${roomId}"]`)).toHaveCount(2);
});
