// The badge, offer and advertisement pages against a sandbox in loose mode (a live API that
// drifted from its documents): every readable record shows, the unreadable one is marked with
// its id, and the detail pages read the loose shapes. `make test-e2e` starts a second server on
// a loose sandbox for this spec (LOOSE_BASE_URL).
import { expect, test } from "@playwright/test";
import { ADMIN } from "./people";
import { open } from "./support";

const base = process.env.LOOSE_BASE_URL;
test.skip(!base, "needs the loose-mode server that make test-e2e starts");
test.use({ baseURL: base, storageState: { cookies: [], origins: [] } });

test.beforeAll(async ({ request }) => {
  await expect
    .poll(async () => (await request.get(`${base}/healthz`).catch(() => null))?.status(), {
      timeout: 60_000,
    })
    .toBe(200);
});

test.beforeEach(async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username").fill(ADMIN.username);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
});

for (const [path, readable, odd] of [
  ["/badges", "VIP", "Drifted"],
  ["/offers", "Double odds tonight", "Drifted offer"],
  ["/advertisements", "Season pass", "900001"],
]) {
  test(`${path} shows every readable record and marks the one it cannot read`, async ({ page }, info) => {
    await open(page, info, path);
    await expect(page.getByText(readable).first()).toBeVisible();
    await expect(page.getByText(odd).first()).toBeVisible();
    const unreadable = page.getByTestId("unreadable-row");
    await expect(unreadable).toHaveCount(1);
    await expect(unreadable).toContainText("900002 could not be read");
    await expect(unreadable.getByText("As it came from the API")).toBeVisible();
  });
}

test("detail pages read the loose shapes", async ({ page }, info) => {
  await open(page, info, "/advertisements/10");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Advertisement");
  await open(page, info, "/offers");
  await page.getByRole("link", { name: "Drifted offer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Drifted offer");
  await expect(page.getByTestId("look-as-sent")).toContainText("{not json");
});
