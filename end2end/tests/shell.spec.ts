// The app shell: header, navigation, 404, health check, hydration and dark mode.
import { expect, test } from "@playwright/test";
import { ADMIN, statePath } from "./people";
import { jsEnabled, open } from "./support";

test.use({ storageState: statePath(ADMIN) });

const sections = [
  { link: "Badges", path: "/badges" },
  { link: "Offers", path: "/offers" },
  { link: "Advertisements", path: "/advertisements" },
  { link: "User exclusions", path: "/exclusions" },
  { link: "Rooms", path: "/rooms" },
];

test("header names the product, the sandbox mode, the region and who is signed in", async ({ page }, info) => {
  await open(page, info, "/");
  const header = page.locator("header.app-header");
  await expect(header.getByRole("link", { name: "Watchers Dashboard" })).toBeVisible();
  await expect(page.getByTestId("mode-badge")).toHaveText("SANDBOX");
  await expect(page.getByTestId("region")).toHaveText("EU · Europe");
  await expect(page.getByTestId("user-menu")).toContainText("admin");
  await expect(page.getByTestId("user-menu")).toContainText("Admin");
  await expect(page).toHaveTitle("Overview · Watchers Dashboard");
});

test("navigation reaches every section and marks the current one", async ({ page }, info) => {
  await open(page, info, "/");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const { link, path } of sections) {
    await nav.getByRole("link", { name: link, exact: true }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(link);
    await expect(nav.getByRole("link", { name: link, exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
  }
});

test("an unknown address gets a real 404 page inside the shell", async ({ page }, info) => {
  const response = await open(page, info, "/this/does/not/exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByTestId("mode-badge")).toHaveText("SANDBOX");
  await page.getByRole("link", { name: "Go to the overview" }).click();
  await expect(page).toHaveURL("/");
});

test("only the islands run in the browser, and only when JavaScript does", async ({ page }, info) => {
  // A page without islands loads no script at all.
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (/\.(js|wasm)$/.test(new URL(r.url()).pathname)) scripts.push(r.url());
  });
  await open(page, info, "/rooms");
  expect(await page.locator("leptos-island").count()).toBe(0);
  expect(scripts).toEqual([]);
  // A page with an island fetches the main WASM once (its preload hint does so even without
  // JavaScript) and, when JavaScript runs, its own island's chunks and no other island's; the
  // island then marks itself running.
  await open(page, info, "/rooms/new");
  expect(await page.locator("leptos-island").count()).toBe(1);
  const main = scripts.filter((s) => /\/watchers-dashboard\.[^/]+\.wasm$/.test(s));
  expect(main).toHaveLength(1);
  const split = scripts.filter((s) => /\/split_[^/]+\.wasm$/.test(s));
  if (jsEnabled(info)) {
    await expect(page.locator("html")).toHaveAttribute("data-islands-ready", "1");
    expect(split.length).toBe(1);
    expect(split[0]).toContain("split_live_form_loader");
  } else {
    await expect(page.locator("html")).not.toHaveAttribute("data-islands-ready");
    expect(split).toEqual([]);
  }
});

test("dark mode follows prefers-color-scheme", async ({ page }, info) => {
  await page.emulateMedia({ colorScheme: "light" });
  await open(page, info, "/");
  const root = page.locator("html");
  await expect(root).toHaveCSS("background-color", "rgb(246, 247, 251)");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(root).toHaveCSS("background-color", "rgb(15, 17, 23)");
  await expect(root).toHaveCSS("color", "rgb(231, 233, 240)");
});

test("healthz answers JSON without secrets", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", mode: "sandbox", region: "eu" });
  expect(typeof body.version).toBe("string");
});
