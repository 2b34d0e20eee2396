// Lighthouse rows of `make bench`: what a signed-in admin's browser gets on a cold load.
//
// Signs in as `admin` against a running dashboard (BASE_URL, E2E_ADMIN_PASSWORD), then audits
// /badges, one badge's page, /offers/new, one offer's page, /advertisements/new, the TagMango
// editor (one TagMango badge's edit page), /rooms/agenda and /calendar with the mobile preset
// (Lighthouse's default: Moto G Power, simulated slow 4G) and the desktop preset, performance and
// accessibility, each in a fresh Chromium (new profile, empty cache). The pages with an id are the
// first linked from their list page (the sandbox's demo data has them from the start). Prints a
// Markdown table and a goals line per row, appended to LH_OUT too when set; when BENCH_SUMMARY
// names a file, appends the lowest mobile performance score over the pages to it as a row of
// `make bench`'s summary table. LH_RUNS=N takes the median of N runs (default 1); CHROMIUM_PATH
// picks the browser (default /usr/bin/chromium).
//
// A missed goal is a result, not a failure: the exit status is non-zero only when the sign-in
// fails, a page is not the signed-in page, a page with an id has none linked, or Lighthouse cannot
// run.
import { appendFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

// Lighthouse (and the chrome-launcher it brings) is installed in end2end/ by `make deps-node`.
const require = createRequire(new URL("../end2end/package.json", import.meta.url));
const load = (name) => import(pathToFileURL(require.resolve(name)).href);
const { default: lighthouse } = await load("lighthouse");
const { default: desktopConfig } = await load("lighthouse/core/config/desktop-config.js");
const chromeLauncher = await load("chrome-launcher");

const base = (process.env.BASE_URL ?? "http://127.0.0.1:3020").replace(/\/$/, "");
const password = process.env.E2E_ADMIN_PASSWORD;
const runs = Math.max(1, Number(process.env.LH_RUNS ?? 1) || 1);
const chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PRESETS = { mobile: undefined, desktop: desktopConfig }; // undefined: Lighthouse's default
const JS_WASM_GOAL = 120_000; // every page with islands (issue 31)
const MOBILE_PERFORMANCE_GOAL = 95; // on every page (issue 31)

function fail(message) {
  console.error(`bench/lighthouse.mjs: ${message}`);
  process.exit(1);
}

// `make bench` starts the server just before this script.
async function waitForHealth() {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) fail(`${base}/healthz did not answer within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// The sign-in form's POST, as a browser sends it: the server refuses a state-changing request
// whose Origin is not its own (src/server/security.rs). Success is a 303 with the session cookie.
async function signIn() {
  const response = await fetch(`${base}/auth/login`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: new URL(base).origin },
    body: new URLSearchParams({ username: "admin", password, next: "/" }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => /session=/.test(c));
  const to = response.headers.get("location") ?? "";
  if (response.status !== 303 || !cookie || to.startsWith("/login")) {
    fail(`admin could not sign in at ${base}/auth/login: status ${response.status} ${to}`);
  }
  return cookie;
}

// A page with an id: the first link of `list` (fetched as the signed-in admin) that `pattern`
// matches; the pattern matches the whole `href="..."` and captures the path as its first group.
async function firstLinked(list, pattern, what, cookie) {
  const response = await fetch(`${base}${list}`, { headers: { cookie }, redirect: "manual" });
  if (response.status !== 200) fail(`${list} with the session cookie answered ${response.status}`);
  const path = (await response.text()).match(pattern)?.[1];
  if (!path) fail(`${list} links no ${what}`);
  return path;
}

// JS and WASM as the cold load transferred them (the WASM arrives by fetch(), not as a Script).
const isCode = (r) =>
  r.resourceType === "Script" ||
  /\.(m?js|wasm)$/.test(new URL(r.url).pathname) ||
  /wasm|javascript/.test(r.mimeType ?? "");

async function audit(path, preset, cookie) {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const version = await fetch(`http://127.0.0.1:${chrome.port}/json/version`).then((r) => r.json());
    const flags = {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      // The session cookie on every request, so the audited page is the signed-in one.
      extraHeaders: { Cookie: cookie },
    };
    const lhr = (await lighthouse(`${base}${path}`, flags, PRESETS[preset]))?.lhr;
    if (!lhr) throw new Error("Lighthouse returned no result");
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const final = new URL(lhr.finalDisplayedUrl).pathname;
    if (final !== path) throw new Error(`ended on ${final}, not the signed-in page`);
    const a = lhr.audits;
    const score = (c) => {
      if (lhr.categories[c].score == null) throw new Error(`no ${c} score`);
      return Math.round(lhr.categories[c].score * 100);
    };
    for (const id of ["largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"]) {
      if (!Number.isFinite(a[id].numericValue)) throw new Error(`no ${id}: ${a[id].errorMessage}`);
    }
    return {
      perf: score("performance"),
      a11y: score("accessibility"),
      lcp: a["largest-contentful-paint"].numericValue / 1000,
      tbt: a["total-blocking-time"].numericValue,
      cls: a["cumulative-layout-shift"].numericValue,
      bytes: a["total-byte-weight"].numericValue,
      code: a["network-requests"].details.items
        .filter(isCode)
        .reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
      about: `Lighthouse ${lhr.lighthouseVersion}, ${version.Browser}, benchmarkIndex ${Math.round(lhr.environment.benchmarkIndex)}`,
    };
  } finally {
    await chrome.kill();
  }
}

// Each figure's median over the runs (taken apart, so a row may mix runs when LH_RUNS > 1).
function median(results) {
  const pick = (key) => {
    const sorted = results.map((r) => r[key]).sort((x, y) => x - y);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const keys = ["perf", "a11y", "lcp", "tbt", "cls", "bytes", "code"];
  return { ...Object.fromEntries(keys.map((k) => [k, pick(k)])), about: results[0].about };
}

const n = (x) => Math.round(x).toLocaleString("en-US");
const goal = (label, ok, value) => `${label} ${ok ? "PASS" : "MISS"} (${value})`;

if (!password) fail("E2E_ADMIN_PASSWORD is not set");
if (!existsSync(chromePath)) fail(`no Chromium at ${chromePath} (make deps-chromium)`);
await waitForHealth();
const cookie = await signIn();
const pages = [
  "/badges",
  await firstLinked("/badges", /href="(\/badges\/\d+)"/, "badge's page", cookie),
  "/offers/new",
  await firstLinked("/offers", /href="(\/offers\/\d+)"/, "offer's page", cookie),
  "/advertisements/new",
  // The TagMango editor: a TagMango badge's edit page (the list links each badge's page).
  `${await firstLinked("/badges/tagmango", /href="(\/badges\/tagmango\/(?!new")[^"/?#]+)"/, "TagMango badge's page", cookie)}/edit`,
  "/rooms/agenda",
  "/calendar",
];

const rows = [];
for (const path of pages) {
  for (const preset of Object.keys(PRESETS)) {
    const results = [];
    for (let i = 1; i <= runs; i++) {
      console.error(`lighthouse: ${path} ${preset}, run ${i} of ${runs}`);
      // A failed run is tried once more: a trace sometimes comes back incomplete (NO_NAVSTART).
      const failed = (err) => fail(`Lighthouse on ${path} (${preset}): ${err?.message ?? err}`);
      const again = (err) => {
        console.error(`lighthouse: ${path} ${preset} failed (${err?.message ?? err}), once more`);
        return audit(path, preset, cookie);
      };
      results.push(await audit(path, preset, cookie).catch(again).catch(failed));
    }
    rows.push({ path, preset, ...median(results) });
  }
}

const lines = [
  `Lighthouse, signed in as admin, cold load (fresh profile and cache), ${runs === 1 ? "one run" : `median of ${runs} runs`} per row; ` +
    `mobile: Moto G Power on simulated slow 4G, desktop: the desktop preset (${rows[0].about}):`,
  "",
  "| page | preset | performance | accessibility | LCP | TBT | CLS | transferred | JS+WASM transferred |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map(
    (r) =>
      `| ${r.path} | ${r.preset} | ${r.perf} | ${r.a11y} | ${r.lcp.toFixed(2)} s | ${n(r.tbt)} ms | ` +
      `${r.cls.toFixed(3)} | ${n(r.bytes)} B | ${n(r.code)} B |`,
  ),
  "",
  "Goals:",
  "",
  ...rows.map((r) =>
    [
      `- ${r.path} ${r.preset}: ` + goal("JS+WASM ≤ 120 kB", r.code <= JS_WASM_GOAL, `${n(r.code)} B`),
      ...(r.preset === "mobile"
        ? [goal(`performance ≥ ${MOBILE_PERFORMANCE_GOAL}`, r.perf >= MOBILE_PERFORMANCE_GOAL, r.perf)]
        : []),
      goal("LCP ≤ 2.5 s", r.lcp <= 2.5, `${r.lcp.toFixed(2)} s`),
      goal("TBT ≤ 200 ms", r.tbt <= 200, `${n(r.tbt)} ms`),
      goal("accessibility = 100", r.a11y === 100, r.a11y),
    ].join(" · "),
  ),
];
const text = lines.join("\n") + "\n";
process.stdout.write(text);
if (process.env.LH_OUT) appendFileSync(process.env.LH_OUT, `\n${text}`);

// The summary row: the lowest mobile performance score, the page it was on, and the pages under
// the goal.
if (process.env.BENCH_SUMMARY) {
  const mobile = rows.filter((r) => r.preset === "mobile");
  const lowest = mobile.reduce((a, r) => (r.perf < a.perf ? r : a));
  const under = mobile.filter((r) => r.perf < MOBILE_PERFORMANCE_GOAL).map((r) => r.path);
  const measured =
    `${lowest.perf} (${lowest.path}); ` +
    (under.length ? `under the goal: ${under.join(", ")}` : `all ${mobile.length} pages at or above`);
  const met = under.length === 0 ? "yes" : "**no**";
  appendFileSync(
    process.env.BENCH_SUMMARY,
    `| Lighthouse mobile performance, lowest over ${mobile.length} pages (cold load, signed in) | ${measured} | ≥ ${MOBILE_PERFORMANCE_GOAL} on every page | ${met} |\n`,
  );
}
