// The workspace's crate edges, held against ARCHITECTURE.md: each package may depend on the
// packages of ours listed here and no other, and the pure ones on nothing that needs a server
// or a browser. Reads `cargo metadata` on stdin; prints each wrong edge and exits 1.
import { readFileSync } from "node:fs";

const ours = {
  "dashboard-model": [],
  "dashboard-error": ["dashboard-model"],
  "dashboard-sandbox": ["dashboard-model"],
  "dashboard-server": ["dashboard-model", "dashboard-error"],
  "dashboard-app": ["dashboard-model", "dashboard-error", "dashboard-server"],
  "watchers-dashboard": [
    "dashboard-app",
    "dashboard-model",
    "dashboard-error",
    "dashboard-sandbox",
    "dashboard-server",
  ],
  "dashboard-browser": ["dashboard-app"],
};
// Crates that tie a package to a server, a browser, a database or a platform.
const heavy = /^(leptos.*|axum|tokio|sqlx|reqwest|web-sys|wasm-bindgen)$/;
const pure = {
  "dashboard-model": heavy,
  // The error crosses the wire: Leptos' server-function error trait, and on the server what a
  // database error means; nothing that serves or calls out.
  "dashboard-error": /^(leptos_.*|axum|tokio|reqwest|web-sys|wasm-bindgen)$/,
  "dashboard-sandbox": /^(leptos.*|sqlx|reqwest|web-sys|wasm-bindgen)$/,
  // Beneath the pages: no router, no page metadata, nothing of the browser.
  "dashboard-server": /^(leptos_router|leptos_meta|web-sys|wasm-bindgen|js-sys)$/,
  // The pages call the server through its areas: no database, no platform client of their own.
  "dashboard-app": /^(sqlx|reqwest|tokio)$/,
};

const metadata = JSON.parse(readFileSync(0, "utf8"));
const problems = [];
const names = new Set(metadata.packages.map((p) => p.name));
for (const name of Object.keys(ours)) {
  if (!names.has(name)) problems.push(`${name}: listed in ARCHITECTURE.md but not a package of the workspace`);
}
for (const pkg of metadata.packages) {
  const allowed = ours[pkg.name];
  if (!allowed) {
    problems.push(`${pkg.name}: a package ARCHITECTURE.md does not name (add it there and here)`);
    continue;
  }
  for (const dep of pkg.dependencies) {
    if (dep.path && !allowed.includes(dep.name)) {
      problems.push(`${pkg.name} -> ${dep.name}: not an edge of the architecture`);
    }
    if (pure[pkg.name]?.test(dep.name) && dep.kind !== "dev") {
      problems.push(`${pkg.name} -> ${dep.name}: ${pkg.name} must stay free of it`);
    }
  }
}
for (const p of problems) console.log(`architecture: ${p}`);
process.exit(problems.length ? 1 : 0);
