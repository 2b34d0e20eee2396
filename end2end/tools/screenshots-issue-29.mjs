// Screenshots for issue 29's items 1, 3, 7 and 9, the same walk for a build from before and one
// from after (the builds of 6a40f92 and of the commit that adds this), at 1280×800 unless named.
// From end2end/: node tools/screenshots-issue-29.mjs http://127.0.0.1:3000 <admin password> ../docs/screenshots/issue-29/after
import { chromium } from "playwright";
import { mkdirSync } from "node:fs";
import { signedIn } from "./sign-in.mjs";

const [base, password, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});

const session = (js, viewport) =>
  signedIn(browser, base, password, { js, viewport, timezoneId: "Asia/Tokyo" });

const shot = (page, name, fullPage = false) => page.screenshot({ path: `${out}/${name}.png`, fullPage });

// Item 1: without JavaScript, the calendar, the account page and the offer composer's times.
{
  const { context, page } = await session(false);
  await page.goto(`${base}/calendar`);
  await shot(page, "item1-calendar-nojs");
  await page.goto(`${base}/account`);
  await shot(page, "item1-account-nojs", true);
  await page.goto(`${base}/offers/new`);
  const when = page.locator("legend", { hasText: "When" }).first();
  await when.scrollIntoViewIfNeeded();
  await shot(page, "item1-offer-composer-nojs");
  await context.close();
}

// Item 1 with JavaScript: the account page (the browser's zone offered) and the composer.
{
  const { context, page } = await session(true);
  await page.goto(`${base}/account`);
  await page.waitForLoadState("networkidle");
  await shot(page, "item1-account-js", true);
  await page.goto(`${base}/offers/new`);
  await page.waitForLoadState("networkidle");
  await page.locator("[name='form[start][local]']").fill("2030-05-22T21:00");
  await page.locator("legend", { hasText: "When" }).first().scrollIntoViewIfNeeded();
  await shot(page, "item1-offer-composer-js");
  await context.close();
}

// Item 3: the calendar and the rooms agenda, hydrated.
{
  const { context, page } = await session(true);
  await page.goto(`${base}/calendar`);
  await page.waitForLoadState("networkidle");
  await shot(page, "item3-calendar", true);
  await page.goto(`${base}/rooms/agenda`);
  await page.waitForLoadState("networkidle");
  await shot(page, "item3-rooms-agenda", true);
  await context.close();
}

// Item 7: Staff → Add without JavaScript, and the page it lands on.
{
  const { context, page } = await session(false);
  await page.goto(`${base}/staff`);
  const form = page.locator("form", { has: page.getByRole("button", { name: "Add", exact: true }) });
  await form.locator("[name=username]").fill(`shot-${Date.now().toString(36)}`);
  await form.locator("[name=password]").fill("screenshot-password-1");
  await form.getByRole("button", { name: "Add", exact: true }).click();
  await page.waitForLoadState("load");
  await shot(page, "item7-staff-added-nojs");
  await context.close();
}

// Item 9: the advertisement composer, scrolled to "When and where", at laptop and phone sizes.
for (const [name, viewport] of [
  ["laptop-1280x800", { width: 1280, height: 800 }],
  ["phone-390x844", { width: 390, height: 844 }],
]) {
  const { context, page } = await session(true, viewport);
  await page.goto(`${base}/advertisements/new`);
  await page.waitForLoadState("networkidle");
  const field = page.locator("[name='form[room_ids]']");
  await field.scrollIntoViewIfNeeded();
  await field.fill("room-1");
  await shot(page, `item9-ad-composer-${name}`);
  await context.close();
}
await browser.close();
console.log(`written to ${out}`);
