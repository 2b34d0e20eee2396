// What the screenshot walks share: a new browser context signed in as `admin`, with or without
// JavaScript, at a viewport and in a time zone.
export async function signedIn(browser, base, password, { js, viewport = { width: 1280, height: 800 }, timezoneId }) {
  const context = await browser.newContext({ javaScriptEnabled: js, viewport, timezoneId });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return { context, page };
}
