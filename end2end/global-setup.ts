// cargo-leptos starts the server and the tests at once: wait until /healthz answers, then sign
// in the three roles once and keep their cookies for the specs.
import { request, type FullConfig } from "@playwright/test";
import { ADMIN, MARKETING, MODERATOR, type Person, statePath } from "./tests/people";

async function waitForHealth(base: string) {
  const deadline = Date.now() + 60_000;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return;
      last = `status ${response.status}`;
    } catch (err) {
      last = String(err);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the dashboard did not answer ${base}/healthz within 60 s (${last})`);
}

async function signIn(base: string, person: Person) {
  const context = await request.newContext({ baseURL: base, maxRedirects: 0 });
  const response = await context.post("/auth/login", {
    form: { username: person.username, password: person.password, next: "/" },
  });
  if (response.status() !== 303) {
    throw new Error(`${person.username} could not sign in: ${response.status()}`);
  }
  return context;
}

export default async function globalSetup(config: FullConfig) {
  const base = config.projects[0].use.baseURL ?? "http://127.0.0.1:3000";
  await waitForHealth(base);
  const admin = await signIn(base, ADMIN);
  for (const person of [MARKETING, MODERATOR]) {
    const added = await admin.post("/api/staff/add", {
      form: { username: person.username, role: person.role, password: person.password },
      headers: { accept: "application/json" },
    });
    if (!added.ok() && !(await added.text()).includes("already exists")) {
      throw new Error(`cannot add ${person.username}: ${added.status()} ${await added.text()}`);
    }
  }
  await admin.storageState({ path: statePath(ADMIN) });
  await admin.dispose();
  for (const person of [MARKETING, MODERATOR]) {
    const context = await signIn(base, person);
    await context.storageState({ path: statePath(person) });
    await context.dispose();
  }
}
