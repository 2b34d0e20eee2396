// Signing in and out in a real browser, with and without JavaScript.
import { expect, test } from "@playwright/test";
import { ADMIN, MARKETING, MODERATOR, statePath } from "./people";
import { open } from "./support";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a page sends you to sign in, a wrong password keeps the username, the right one brings you back", async ({ page }, info) => {
    await page.goto("/rooms");
    await expect(page).toHaveURL(/\/login\?next=%2Frooms$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    await page.getByLabel("Username").fill("mia");
    await page.getByLabel("Password").fill("not-her-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toHaveText("Wrong username or password.");
    await expect(page.getByLabel("Username")).toHaveValue("mia");
    await page.getByLabel("Password").fill(MARKETING.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/rooms");
    await expect(page.getByTestId("user-menu")).toContainText("mia");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByTestId("signed-out")).toBeVisible();
    await open(page, info, "/");
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("marketing", () => {
  test.use({ storageState: statePath(MARKETING) });

  test("sees no admin sections and is refused the staff page", async ({ page }, info) => {
    await open(page, info, "/");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Badges" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "User exclusions" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Staff" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
    await open(page, info, "/staff");
    await expect(page.getByRole("alert")).toContainText("Your role does not allow this action.");
  });
});

test.describe("moderator", () => {
  test.use({ storageState: statePath(MODERATOR) });

  test("is refused the audit log, and the navigation offers no exclusions to change", async ({ page }, info) => {
    await open(page, info, "/audit");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Rooms" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "User exclusions" })).toHaveCount(0);
    await expect(page.getByRole("alert")).toContainText("Your role does not allow this action.");
  });
});

test.describe("admin", () => {
  test.use({ storageState: statePath(ADMIN) });

  test("adds a member of staff and finds the change in the audit log", async ({ page }, info) => {
    const username = `new-${info.project.name}`;
    await open(page, info, "/staff");
    const add = page.locator("section.panel", { hasText: "Add a member of staff" });
    await add.getByLabel("Username").fill(username);
    await add.getByLabel("Role").selectOption("moderator");
    await add.getByLabel("Password (12+ characters)").fill("a-good-long-password");
    await add.getByRole("button", { name: "Add" }).click();
    const row = page.locator(`tr[data-username="${username}"]`);
    await expect(row).toBeVisible();
    await expect(row.locator("select[name=role]")).toHaveValue("moderator");

    await open(page, info, "/audit?area=staff");
    const table = page.getByTestId("audit-table");
    await expect(table).toContainText(`added ${username} as moderator`);
    await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
      "href",
      /\/audit\.csv\?person=&area=staff/,
    );
  });
});
