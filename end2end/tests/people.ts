// The staff the browser tests sign in as; global-setup creates them and keeps their sessions.
import * as path from "node:path";

export type Person = { username: string; password: string; role: string };

export const ADMIN: Person = {
  username: "admin",
  password: process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password-1",
  role: "admin",
};
export const MARKETING: Person = { username: "mia", password: "mia-e2e-password-1", role: "marketing" };
export const MODERATOR: Person = { username: "max", password: "max-e2e-password-1", role: "moderator" };

export const statePath = (person: Person) =>
  path.join(__dirname, "..", ".auth", `${person.username}.json`);
