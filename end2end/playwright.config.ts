// Playwright: every spec runs twice, hydrated and with JavaScript off, in Debian's Chromium.
import { defineConfig } from "@playwright/test";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "./tests",
  globalSetup: "./global-setup.ts",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  // In CI a test that fails is run once more, and Playwright reports it as flaky (the list ends
  // with its name): one CI run in about twenty saw a walk fail once under load that passed in
  // every run here. A failure that repeats still fails the run.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3000",
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  // The approval rules are shared by everyone on the server: approvals.spec.ts turns them on, so
  // it runs after every other spec (which publish GLOBAL offers and delete LIVE rooms at once),
  // and its two runs one after the other.
  projects: [
    { name: "hydrated", use: { javaScriptEnabled: true }, testIgnore: /approvals\.spec\.ts/ },
    { name: "no-js", use: { javaScriptEnabled: false }, testIgnore: /approvals\.spec\.ts/ },
    {
      name: "approvals-hydrated",
      use: { javaScriptEnabled: true },
      testMatch: /approvals\.spec\.ts/,
      dependencies: ["hydrated", "no-js"],
    },
    {
      name: "approvals-no-js",
      use: { javaScriptEnabled: false },
      testMatch: /approvals\.spec\.ts/,
      dependencies: ["approvals-hydrated"],
    },
  ],
});
