// Every form of the dashboard, without JavaScript: each submit shows how it went on the page it
// lands on, what it did in a notice (`role=status`) or why it was refused (`role=alert`) at the top,
// and next to its field where the page draws the field on the server; the address never carries
// the refusal (server_fn's `?__path=…&__err=…`). The forms follow one another as staff meet them
// (what one makes, the next uses), so the walk runs in order, in the `no-js` project only. Then a
// few of the same forms hydrated. With SCREENSHOTS set, each landing page is kept as
// `<form>-after.png` in the test's output folder.
//
// Not walked here: "Unlock" (it shows only for an account locked by failed sign-ins, which would
// lock this machine's address for every other spec), and the calendar's filters (calendar.spec.ts).
import { type Browser, type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { ADMIN, MODERATOR, type Person, statePath } from "./people";
import { jsEnabled, open } from "./support";

/// How a submit ended, as the page it lands on shows it: `LandedNote` (`data-testid=landed`)
/// unless the page says it itself (`testId`), with its role, and the refused field's own message.
type Outcome = {
  role?: "status" | "alert";
  text: string | RegExp;
  testId?: string;
  field?: [name: string, text: string | RegExp];
};

type Who = "admin" | "max" | "newcomer";

/// One form: where it is, how it is found and filled, the button that submits it, where the
/// browser lands and what it shows there; `after` reads what later steps need.
type Step = {
  name: string;
  as?: Who;
  at: () => string;
  form: (page: Page) => Locator;
  fill?: (form: Locator, page: Page) => Promise<void>;
  submit: string | RegExp;
  lands?: RegExp;
  outcome: Outcome;
  after?: (page: Page) => void;
};

const stamp = Date.now();
/// What the walk made, for the steps after.
const made = {
  staff: `f-${stamp}`,
  badge: `Forms ${stamp}`,
  badgeId: "",
  room: `forms-${stamp}`,
  roomName: `Forms room ${stamp}`,
  offer: `Forms offer ${stamp}`,
  draft: "",
  offerPage: "",
  deleted: "",
  snapshot: "",
};
const PASSWORD = ["first-long-password-1", "second-long-password-2", "third-long-password-3"];

const staffRow = (page: Page) => page.locator(`tr[data-username="${made.staff}"]`);
const rowForm = (page: Page, button: string) =>
  staffRow(page).locator("form").filter({ has: page.getByRole("button", { name: button, exact: true }) });
const field = (form: Locator, name: string) => form.locator(`[name='form[${name}]']`);
const path = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;

/// JavaScript off, as the project runs; one context a person, kept for the walk.
const contexts = new Map<Who, BrowserContext>();
async function tab(browser: Browser, who: Who): Promise<Page> {
  let context = contexts.get(who);
  if (!context) {
    const person: Person | undefined = { admin: ADMIN, max: MODERATOR, newcomer: undefined }[who];
    context = await browser.newContext({
      storageState: person ? statePath(person) : { cookies: [], origins: [] },
      javaScriptEnabled: false,
    });
    contexts.set(who, context);
  }
  return context.pages()[0] ?? context.newPage();
}

async function shot(page: Page, name: string) {
  if (process.env.SCREENSHOTS) {
    await page.screenshot({ path: test.info().outputPath(`${name}-after.png`), fullPage: true });
  }
}

async function expectOutcome(page: Page, outcome: Outcome) {
  const note = page.getByTestId(outcome.testId ?? "landed");
  await expect(note).toBeVisible();
  if (outcome.role) await expect(note).toHaveAttribute("role", outcome.role);
  await expect(note).toContainText(outcome.text);
  if (outcome.field) {
    const [name, text] = outcome.field;
    await expect(page.locator(`[data-field="${name}"]`).first()).toContainText(text);
  }
  expect(page.url()).not.toContain("__err");
  expect(page.url()).not.toContain("__path");
}

/// Opens the step's page as its person, fills and submits its form, and checks where it landed.
async function walk(browser: Browser, step: Step) {
  const page = await tab(browser, step.as ?? "admin");
  await page.goto(step.at());
  const form = step.form(page);
  await step.fill?.(form, page);
  await form.getByRole("button", { name: step.submit, exact: typeof step.submit === "string" }).click();
  if (step.lands) await expect(page).toHaveURL(step.lands);
  await expectOutcome(page, step.outcome);
  await shot(page, step.name);
  step.after?.(page);
  return page;
}

const staff: Step[] = [
  {
    name: "staff-add",
    at: () => "/staff",
    form: (page) => page.locator("section.panel", { hasText: "Add a member of staff" }).locator("form"),
    fill: async (form) => {
      await form.getByLabel("Username").fill(made.staff);
      await form.getByLabel("Role").selectOption("moderator");
      await form.getByLabel("Password (12+ characters)").fill(PASSWORD[0]);
    },
    submit: "Add",
    lands: /\/staff$/,
    outcome: { role: "status", text: `Added ${made.staff} as Moderator. Tell them their password in person.` },
  },
  {
    name: "staff-add-refused",
    at: () => "/staff",
    form: (page) => page.locator("section.panel", { hasText: "Add a member of staff" }).locator("form"),
    fill: async (form) => {
      await form.getByLabel("Username").fill("admin");
      await form.getByLabel("Password (12+ characters)").fill("a-good-long-password");
    },
    submit: "Add",
    lands: /\/staff$/,
    outcome: { role: "alert", text: "admin already exists.", field: ["username", "admin already exists."] },
  },
  {
    name: "staff-role",
    at: () => "/staff",
    form: (page) => rowForm(page, "Set role"),
    fill: async (form) => {
      await form.locator("select[name=role]").selectOption("marketing");
    },
    submit: "Set role",
    outcome: { role: "status", text: `Role changed: ${made.staff} is now Marketing.` },
  },
  {
    name: "staff-disable",
    at: () => "/staff",
    form: (page) => rowForm(page, "Disable"),
    submit: "Disable",
    outcome: { role: "status", text: `${made.staff} is disabled; their sessions have ended.` },
  },
  {
    name: "staff-enable",
    at: () => "/staff",
    form: (page) => rowForm(page, "Enable"),
    submit: "Enable",
    outcome: { role: "status", text: `${made.staff} can sign in again.` },
  },
  {
    name: "staff-reset-password",
    at: () => "/staff",
    form: (page) => rowForm(page, "Reset password"),
    fill: async (form) => {
      await form.getByLabel(`New password for ${made.staff}`).fill(PASSWORD[1]);
    },
    submit: "Reset password",
    outcome: { role: "status", text: `Password of ${made.staff} reset; their sessions have ended.` },
  },
  // The new member of staff signs in (wrongly first), changes their password, and signs out.
  {
    name: "sign-in-refused",
    as: "newcomer",
    at: () => "/login",
    form: (page) => page.locator("form[action='/auth/login']"),
    fill: async (form) => {
      await form.getByLabel("Username").fill(made.staff);
      await form.getByLabel("Password").fill("not-the-password");
    },
    submit: "Sign in",
    outcome: { testId: "login-error", role: "alert", text: "Wrong username or password." },
  },
  {
    name: "sign-in",
    as: "newcomer",
    at: () => "/login",
    form: (page) => page.locator("form[action='/auth/login']"),
    fill: async (form) => {
      await form.getByLabel("Username").fill(made.staff);
      await form.getByLabel("Password").fill(PASSWORD[1]);
    },
    submit: "Sign in",
    lands: /\/$/,
    outcome: { testId: "user-menu", text: made.staff },
  },
  {
    name: "account-refused",
    as: "newcomer",
    at: () => "/account",
    form: (page) => page.locator("main form"),
    fill: async (form) => {
      await form.getByLabel("Current password").fill("not-my-password-at-all");
      await form.getByLabel("New password").fill(PASSWORD[2]);
    },
    submit: "Change password",
    lands: /\/account$/,
    outcome: {
      role: "alert",
      text: "That is not your current password.",
      field: ["current", "That is not your current password."],
    },
  },
  {
    name: "account",
    as: "newcomer",
    at: () => "/account",
    form: (page) => page.locator("main form"),
    fill: async (form) => {
      await form.getByLabel("Current password").fill(PASSWORD[1]);
      await form.getByLabel("New password").fill(PASSWORD[2]);
    },
    submit: "Change password",
    lands: /\/account$/,
    outcome: { role: "status", text: "Your password has been changed." },
  },
  {
    name: "time-zone-refused",
    as: "newcomer",
    at: () => "/account",
    form: (page) => page.getByTestId("time-zone-form"),
    fill: async (form) => {
      await form.getByLabel("Time zone").fill("Mars/Olympus");
    },
    submit: "Save time zone",
    lands: /\/account$/,
    outcome: {
      role: "alert",
      text: "“Mars/Olympus” is not a time zone this dashboard knows",
      field: ["time_zone", "“Mars/Olympus” is not a time zone this dashboard knows"],
    },
  },
  {
    name: "time-zone",
    as: "newcomer",
    at: () => "/account",
    form: (page) => page.getByTestId("time-zone-form"),
    fill: async (form) => {
      await form.getByLabel("Time zone").fill("Asia/Tokyo");
    },
    submit: "Save time zone",
    lands: /\/account$/,
    outcome: { role: "status", text: "Your time zone has been saved: Asia/Tokyo." },
  },
  {
    name: "test-audience-refused",
    as: "newcomer",
    at: () => "/account",
    form: (page) => page.getByTestId("test-audience-form"),
    fill: async (form) => {
      await form.getByLabel("Test user ids (one per line)").fill(`tester-1\n${"x".repeat(201)}`);
      await form.getByLabel("Test room id").fill("forms-test-room");
    },
    submit: "Save test audience",
    lands: /\/account$/,
    outcome: {
      role: "alert",
      text: "cannot be a test user id",
      field: ["test_user_ids", "A user id is one line of at most 200 characters."],
    },
  },
  {
    name: "test-audience",
    as: "newcomer",
    at: () => "/account",
    form: (page) => page.getByTestId("test-audience-form"),
    fill: async (form) => {
      await form.getByLabel("Test user ids (one per line)").fill("tester-1\ntester-2");
      await form.getByLabel("Test room id").fill("forms-test-room");
    },
    submit: "Save test audience",
    lands: /\/account$/,
    outcome: { role: "status", text: "Your test audience has been saved: 2 user ids, room forms-test-room." },
  },
  {
    name: "sign-out",
    as: "newcomer",
    at: () => "/",
    form: (page) => page.locator("form[action='/auth/logout']"),
    submit: "Sign out",
    lands: /\/login/,
    outcome: { testId: "signed-out", text: "You have signed out." },
  },
];

const badges: Step[] = [
  {
    name: "badge-new",
    at: () => "/badges/new",
    form: (page) => page.locator("form.badge-form"),
    fill: async (form) => {
      await form.locator("#badge-text").fill(made.badge);
      await form.locator("#badge-tooltip").fill("Made by the forms walk");
      await form.locator("#badge-communication_title").fill("Hello");
      await form.locator("#badge-communication_text").fill("You have the forms badge.");
    },
    submit: "Create badge",
    lands: /\/badges\/\d+$/,
    outcome: { role: "status", text: "Badge created." },
    after: (page) => {
      made.badgeId = new URL(page.url()).pathname.split("/").pop() ?? "";
    },
  },
  {
    name: "badge-new-refused",
    at: () => "/badges/new",
    form: (page) => page.locator("form.badge-form"),
    fill: async (form) => {
      await form.locator("#badge-text").fill(made.badge);
      await form.locator("#badge-background_color").fill("blue");
      await form.locator("#badge-tooltip").fill("Refused");
      await form.locator("#badge-communication_title").fill("Hello");
      await form.locator("#badge-communication_text").fill("Refused.");
    },
    submit: "Create badge",
    lands: /\/badges\/new$/,
    outcome: { role: "alert", text: "hex colour" },
  },
  {
    name: "badge-edit",
    at: () => `/badges/${made.badgeId}/edit`,
    form: (page) => page.locator("form.badge-form"),
    fill: async (form) => {
      await form.locator("#badge-tooltip").fill("Edited by the forms walk");
    },
    submit: "Save changes",
    lands: /\/badges\/\d+$/,
    outcome: { role: "status", text: "Saved." },
  },
  {
    name: "badge-users",
    at: () => `/badges/${made.badgeId}`,
    form: (page) => page.getByTestId("badge-users").locator("form"),
    fill: async (form) => {
      await form.getByLabel("User ids").fill("f1, f2\nf3");
    },
    submit: "Send",
    lands: /\/badges\/\d+$/,
    outcome: { role: "status", text: /^Sent/ },
  },
  {
    name: "badge-users-refused",
    at: () => `/badges/${made.badgeId}`,
    form: (page) => page.getByTestId("badge-users").locator("form"),
    submit: "Send",
    lands: /\/badges\/\d+$/,
    outcome: { role: "alert", text: "Paste or upload at least one user id." },
  },
  {
    name: "badges-sort",
    at: () => "/badges",
    form: (page) => page.locator("form[action='/badges']"),
    fill: async (form) => {
      await form.getByLabel("Order").selectOption("id_asc");
    },
    submit: "Sort",
    lands: /\/badges\?order=id_asc$/,
    outcome: { testId: "badges-table", text: "" },
  },
  {
    name: "tagmango-new",
    at: () => "/badges/tagmango/new",
    form: (page) => page.locator("form.badge-form"),
    fill: async (form, page) => {
      await form.locator("#mango-name").fill(`Forms mango ${stamp}`);
      await form.locator("#mango-description").fill("Made by the forms walk");
      await page.getByLabel("When a member's points reach a threshold").check();
      await form.locator("#mango-points").fill("250");
    },
    submit: "Create badge",
    lands: /\/badges\/tagmango\/[0-9a-f]{24}\?notice=saved-automated$/,
    outcome: { testId: "saved-notice", role: "status", text: "may take a while" },
  },
];

/// A delete, then "Restore" from the list's notice: `noun` and `name` as the page names them.
function deleteAndRestore(noun: string, name: () => string, at: () => string, list: RegExp): Step[] {
  return [
    {
      name: `${noun}-delete`,
      at,
      form: (page) => page.locator("details form").filter({ has: page.getByRole("button", { name: /^Yes, delete/ }) }),
      fill: async (_form, page) => {
        await page.getByText(`Delete ${noun} “${name()}”…`).click();
      },
      submit: /^Yes, delete/,
      lands: list,
      outcome: { testId: "deleted-notice", role: "status", text: `Deleted ${noun} “${name()}”` },
      after: (page) => {
        made.deleted = path(page);
      },
    },
    {
      name: `${noun}-restore`,
      at: () => made.deleted,
      form: (page) => page.getByTestId("restore-form"),
      submit: new RegExp(`^Restore ${noun} `),
      lands: /\/deleted\/\d+$/,
      outcome: { role: "status", text: "Restored." },
      after: (page) => {
        made.snapshot = path(page);
      },
    },
  ];
}

const afterBadge: Step[] = [
  ...deleteAndRestore("badge", () => made.badge, () => `/badges/${made.badgeId}`, /\/badges\?deleted=\d+$/),
  {
    name: "badge-give-back-users",
    at: () => made.snapshot,
    form: (page) => page.getByTestId("known-users").locator("form"),
    submit: /^Give back the next \d+ users$/,
    lands: /\/deleted\/\d+$/,
    outcome: { role: "status", text: /^Sent: \d+ of \d+ known users given back\.$/ },
  },
];

const rooms: Step[] = [
  {
    name: "room-look-up",
    at: () => "/rooms",
    form: (page) => page.locator("main form").filter({ has: page.locator("input[name=room_id]") }),
    fill: async (form) => {
      await form.getByLabel("Look up a room by id").fill("main-stage");
    },
    submit: "Look up and add",
    lands: /\/rooms$/,
    outcome: { role: "status", text: "Room main-stage is on the list." },
  },
  {
    name: "room-look-up-refused",
    at: () => "/rooms",
    form: (page) => page.locator("main form").filter({ has: page.locator("input[name=room_id]") }),
    fill: async (form) => {
      await form.getByLabel("Look up a room by id").fill("no/such/room");
    },
    submit: "Look up and add",
    lands: /\/rooms$/,
    outcome: { role: "alert", text: "A room id is 1 to 128 characters", field: ["room_id", "A room id is"] },
  },
  {
    name: "room-new-refused",
    at: () => "/rooms/new",
    form: (page) => page.locator("main form"),
    fill: async (form) => {
      await field(form, "room_id").fill("no/such/room");
      await field(form, "name").fill(made.roomName);
      await field(form, "about").fill("Refused");
    },
    submit: "Create room",
    lands: /\/rooms\/new$/,
    outcome: { role: "alert", text: "A room id is 1 to 128 characters" },
  },
  {
    name: "room-new",
    at: () => "/rooms/new",
    form: (page) => page.locator("main form"),
    fill: async (form) => {
      await field(form, "room_id").fill(made.room);
      await field(form, "name").fill(made.roomName);
      await field(form, "about").fill("Made by the forms walk");
    },
    submit: "Create room",
    lands: new RegExp(`/rooms/${made.room}$`),
    outcome: { role: "status", text: "Room created." },
  },
  {
    name: "room-voice",
    at: () => `/rooms/${made.room}`,
    form: (page) => page.locator("form").filter({ has: page.getByRole("button", { name: "Switch voice on" }) }),
    submit: "Switch voice on",
    lands: new RegExp(`/rooms/${made.room}$`),
    outcome: { role: "status", text: "Voice switched on." },
  },
  {
    name: "room-status",
    at: () => `/rooms/${made.room}`,
    form: (page) => page.locator("form").filter({ has: page.getByRole("button", { name: "Set SOON" }) }),
    submit: "Set SOON",
    lands: new RegExp(`/rooms/${made.room}$`),
    outcome: { role: "status", text: "Status set to SOON." },
  },
  ...deleteAndRestore("room", () => made.roomName, () => `/rooms/${made.room}`, /\/rooms\?deleted=\d+$/),
];

const marketing: Step[] = [
  {
    name: "offer-draft",
    at: () => "/offers/new",
    form: (page) => page.locator("form.composer-form"),
    fill: async (form) => {
      await field(form, "title").fill(made.offer);
      await field(form, "text").fill("Only tonight in the chat");
      await field(form, "link_text").fill("Claim it");
      await field(form, "link").fill("javascript:alert(1)");
      await field(form, "bg_color").fill("#123456");
      await form.locator("[name='form[start][local]']").fill("2030-05-22T14:00:00");
    },
    submit: "Save draft",
    lands: /\/offers\/drafts\/[0-9a-f]{32}$/,
    outcome: { role: "status", text: "Draft saved" },
    after: (page) => {
      made.draft = path(page);
    },
  },
  {
    name: "offer-publish-refused",
    at: () => made.draft,
    form: (page) => page.locator("form.composer-form"),
    submit: "Publish",
    lands: /\/offers\/drafts\/[0-9a-f]{32}$/,
    outcome: { role: "alert", text: "http" },
  },
  {
    name: "offer-publish",
    at: () => made.draft,
    form: (page) => page.locator("form.composer-form"),
    fill: async (form) => {
      await field(form, "link").fill("https://www.watchers.io/");
    },
    submit: "Publish",
    lands: /\/offers\/\d+$/,
    outcome: { role: "status", text: "Published." },
    after: (page) => {
      made.offerPage = path(page);
    },
  },
  {
    name: "offer-explain",
    at: () => made.offerPage,
    form: (page) => page.getByTestId("explain-form"),
    fill: async (form) => {
      await form.getByLabel("User id").fill(`forms-user-${stamp}`);
    },
    submit: "Explain",
    outcome: { testId: "verdict", role: "status", text: /./ },
  },
  ...deleteAndRestore("offer", () => made.offer, () => made.offerPage, /\/offers\?deleted=\d+$/),
  {
    name: "advertisement-draft",
    at: () => "/advertisements/new",
    form: (page) => page.locator("form.composer-form"),
    fill: async (form) => {
      await form.locator("[name='form[langs][0][title]']").fill(`Forms advertisement ${stamp}`);
      await form.locator("[name='form[langs][0][text]']").fill("Watch with us");
      await form.locator("[name='form[langs][0][link]']").fill("https://watchers.io");
      await form.locator("[name='form[langs][0][link_text]']").fill("More");
      await field(form, "room_ids").fill("main-stage");
    },
    submit: "Save draft",
    lands: /\/advertisements\/drafts\/[0-9a-f]{32}$/,
    outcome: { role: "status", text: "Draft saved" },
  },
  {
    name: "exclusion",
    at: () => "/exclusions",
    form: (page) => page.locator("main form"),
    fill: async (form) => {
      await form.getByLabel("User id (unencrypted)").fill(`forms-fan-${stamp}`);
    },
    submit: "Exclude from marketing",
    lands: /\/exclusions$/,
    outcome: { role: "status", text: `User forms-fan-${stamp} is now excluded from marketing offers.` },
  },
  {
    name: "exclusion-refused",
    at: () => "/exclusions",
    form: (page) => page.locator("main form"),
    fill: async (form) => {
      await form.getByLabel("User id (unencrypted)").fill("x".repeat(201));
    },
    submit: "Exclude from marketing",
    lands: /\/exclusions$/,
    outcome: { role: "alert", text: "at most 200 characters", field: ["user_id", "at most 200 characters"] },
  },
  {
    name: "audit-filter",
    at: () => "/audit",
    form: (page) => page.locator("form[action='/audit']"),
    fill: async (form) => {
      await form.getByLabel("Area").selectOption("staff");
    },
    submit: "Filter",
    lands: /\/audit\?.*area=staff/,
    outcome: { testId: "audit-table", text: `added ${made.staff} as moderator` },
  },
];

test.describe("every form, without JavaScript", () => {
  test.describe.configure({ mode: "serial" });
  test.beforeEach(async ({}, info) => {
    test.skip(jsEnabled(info), "the walk runs once, in the no-js project");
  });
  test.afterAll(async () => {
    for (const context of contexts.values()) await context.close();
    contexts.clear();
  });

  const steps = (list: Step[]) => {
    for (const step of list) {
      test(step.name, async ({ browser }) => {
        await walk(browser, step);
      });
    }
  };
  steps([...staff, ...badges]);

  // The approval rules, and Approve pressed in a tab opened before someone else decided: the
  // request's page says it is no longer waiting, though its form is gone.
  test("approval-rules and a decision from an earlier tab", async ({ browser }) => {
    test.setTimeout(60_000);
    const rule = (on: boolean): Step => ({
      name: on ? "approval-rules" : "approval-rules-off",
      at: () => "/approvals",
      form: (page) => page.getByTestId("approval-rules").locator("form"),
      fill: async (form) => {
        const box = form.getByLabel("Replacing a badge's whole user list");
        if (on) await box.check();
        else await box.uncheck();
      },
      submit: "Save",
      lands: /\/approvals$/,
      outcome: { role: "status", text: "Saved." },
    });
    await walk(browser, rule(true));
    try {
      const asked = await walk(browser, {
        name: "badge-users-replace-waits",
        as: "max",
        at: () => `/badges/${made.badgeId}`,
        form: (page) => page.getByTestId("badge-users").locator("form"),
        fill: async (form) => {
          await form.getByLabel("What to do").selectOption("replace");
          await form.getByLabel("User ids").fill("r1 r2");
        },
        submit: "Send",
        lands: /\/approvals\/\d+$/,
        outcome: { role: "status", text: "Not sent yet: replacing a badge's whole user list" },
      });
      const request = path(asked);

      // Opened earlier, in another tab of the same administrator.
      const admin = contexts.get("admin")!;
      const earlier = await admin.newPage();
      await earlier.goto(request);
      await expect(earlier.getByTestId("decide-form")).toBeVisible();

      const decide = (reason: string | null, lands: Outcome): Step => ({
        name: reason === null ? "decide-refused" : "decide",
        at: () => request,
        form: (page) => page.getByTestId("decide-form"),
        fill: async (form) => {
          if (reason !== null) await form.getByLabel(/Reason/).fill(reason);
        },
        submit: "Reject",
        lands: /\/approvals\/\d+$/,
        outcome: lands,
      });
      await walk(
        browser,
        decide(null, { role: "alert", text: "Say why", field: ["reason", "Say why"] }),
      );
      await walk(browser, decide("Not this week", { role: "status", text: "Rejected." }));

      await earlier.getByRole("button", { name: "Approve and send" }).click();
      await expect(earlier).toHaveURL(new RegExp(`${request}$`));
      await expectOutcome(earlier, {
        role: "alert",
        text: "This request is no longer waiting: rejected.",
      });
      await expect(earlier.getByTestId("approval-state")).toHaveText("Rejected");
      await shot(earlier, "decide-earlier-tab");
      await earlier.close();

      // The requester reads the decision, so nothing is left unseen for other specs.
      const max = await tab(browser, "max");
      await max.goto(request);
      await expect(max.getByTestId("approval-state")).toHaveText("Rejected");
    } finally {
      await walk(browser, rule(false));
    }
  });

  // The badge, deleted and restored, then rooms and marketing.
  steps([...afterBadge, ...rooms, ...marketing]);
});

// Hydrated: a page outside an island posts as plain HTML all the same, and an island's success
// is followed to the page that says it; an island's refusal shows in place. (The approval rules'
// "Saved." hydrated is approvals.spec.ts's: saved here, they would race the walk's.)
test.describe("the same forms, hydrated", () => {
  test.use({ storageState: statePath(ADMIN) });
  test.beforeEach(async ({}, info) => {
    test.skip(!jsEnabled(info), "these run with JavaScript on");
  });

  test("adding a member of staff says so, or why not", async ({ page }, info) => {
    const name = `h-${stamp}`;
    await open(page, info, "/staff");
    const add = page.locator("section.panel", { hasText: "Add a member of staff" });
    await add.getByLabel("Username").fill(name);
    await add.getByLabel("Password (12+ characters)").fill(PASSWORD[0]);
    await add.getByRole("button", { name: "Add" }).click();
    await expectOutcome(page, { role: "status", text: `Added ${name} as Marketing.` });
    await add.getByLabel("Username").fill(name);
    await add.getByLabel("Password (12+ characters)").fill(PASSWORD[0]);
    await add.getByRole("button", { name: "Add" }).click();
    await expectOutcome(page, {
      role: "alert",
      text: `${name} already exists.`,
      field: ["username", "already exists"],
    });
  });

  test("a badge made in the editor island is followed to its page, which says so", async ({ page }, info) => {
    await open(page, info, "/badges/new");
    await page.locator("#badge-text").fill(`Hydrated ${stamp}`);
    await page.locator("#badge-tooltip").fill("Made hydrated");
    await page.locator("#badge-communication_title").fill("Hello");
    await page.locator("#badge-communication_text").fill("You have the hydrated badge.");
    await page.getByRole("button", { name: "Create badge" }).click();
    await expect(page).toHaveURL(/\/badges\/\d+$/);
    await expectOutcome(page, { role: "status", text: "Badge created." });
  });

  test("a room the island's form cannot make is refused next to its field, in place", async ({ page }, info) => {
    await open(page, info, "/rooms/new");
    await page.locator("input[name='form[room_id]']").fill("no/such/room");
    await page.locator("input[name='form[name]']").fill("Refused");
    await page.locator("textarea[name='form[about]']").fill("Refused");
    await page.getByRole("button", { name: "Create room" }).click();
    await expect(page.locator("[data-field=roomId]").first()).toContainText("A room id is 1 to 128 characters");
    await expect(page).toHaveURL(/\/rooms\/new$/);
    await expect(page.getByTestId("landed")).toHaveCount(0);
  });
});
