// "Cancelled page loads" rows of `make bench` (issue 27, item 2): what signed-in page loads that
// their clients abandon do to the server.
//
// Outsiders found that page loads cancelled 0–30 ms after they were sent (half of them closed
// with a TCP reset) can leave a server worker deadlocked for good in Leptos's owner cleanup, and
// make workers panic now and then ("Tried to access a reactive value that has already been
// disposed", "called use_resolved_path outside a <Router>", "tried to use <A/> outside a
// <Router/>"). This script does the same to a running dashboard and reports what it did:
//
//   1. signs in as `admin` once (the sign-in is throttled per address after a few failures);
//   2. for CANCEL_SECONDS (default 180), CANCEL_LOOPS (default 32) loops each open a raw TCP
//      connection, send a signed-in `GET` for a random page with `Connection: close`, and after
//      a random 0–30 ms close it without reading the answer: half with `socket.destroy()` (a FIN,
//      or a reset when the answer has already arrived unread), half with
//      `socket.resetAndDestroy()` (always a TCP reset);
//   3. waits 2 s, loads every page once in full (each must answer 200; a 429, TagMango's rate
//      limit that the loads used up, is loaded again once its window has passed), reads /healthz
//      (stuck workers, when the server reports them), counts the panics in SERVER_LOG
//      (`panicked at`);
//   4. sends SIGTERM to SERVER_PID and measures how long the process takes to go (30 s at most).
//
// The pages: every GET page of the route table (src/app.rs) that needs no id, and one of each
// kind with an id, found from the links of the list pages (kinds with nothing to link to on the
// server's data, such as drafts on a fresh database, are named in the result).
//
// Prints a Markdown section and appends it to CANCEL_OUT when set. A missed goal is a result,
// not a failure: the exit status is non-zero only when the server cannot be reached or the
// sign-in fails. Variables: BASE_URL, E2E_ADMIN_PASSWORD, SERVER_LOG, SERVER_PID,
// CANCEL_SECONDS, CANCEL_OUT (and CANCEL_LOOPS).
import { appendFileSync, existsSync, readFileSync, readdirSync } from "node:fs";
import http from "node:http";
import net from "node:net";

const base = new URL(process.env.BASE_URL ?? "http://127.0.0.1:3021");
const host = base.hostname;
const port = Number(base.port || 80);
const password = process.env.E2E_ADMIN_PASSWORD;
const serverLog = process.env.SERVER_LOG;
const serverPid = Number(process.env.SERVER_PID) || null;
const seconds = Math.max(1, Number(process.env.CANCEL_SECONDS ?? 180) || 180);
const loops = Math.max(1, Number(process.env.CANCEL_LOOPS ?? 32) || 32);
const CANCEL_AFTER_MS = 30; // each load is closed a random 0–30 ms after it was sent
const CONNECT_TIMEOUT_MS = 2_000;
const PAGE_TIMEOUT_MS = 15_000; // the loads afterwards (the server itself gives up at 30 s)
const STOP_TIMEOUT_MS = 30_000;

// Every GET page of src/app.rs's route table that needs no id (/login included: a signed-in
// person can open it too).
const FIXED_PAGES = [
  "/",
  "/badges",
  "/badges/new",
  "/badges/deleted",
  "/badges/tagmango",
  "/badges/tagmango/new",
  "/offers",
  "/offers/new",
  "/offers/deleted",
  "/advertisements",
  "/advertisements/new",
  "/advertisements/deleted",
  "/results",
  "/exclusions",
  "/rooms",
  "/rooms/new",
  "/rooms/deleted",
  "/rooms/agenda",
  "/calendar",
  "/approvals",
  "/audit",
  "/staff",
  "/login",
  "/account",
];

// The routes with an id, each with the list pages whose links may name one. The edit pages are
// found as `<detail page>/edit` (see EDIT_OF).
const ID_ROUTES = [
  ["/badges/:id", /^\/badges\/\d+$/, ["/badges"]],
  ["/badges/tagmango/:key", /^\/badges\/tagmango\/(?!new$)[^/]+$/, ["/badges/tagmango"]],
  ["/offers/:id", /^\/offers\/\d+$/, ["/offers"]],
  ["/offers/drafts/:key", /^\/offers\/drafts\/[^/]+$/, ["/offers", "/offers/new"]],
  ["/advertisements/:id", /^\/advertisements\/\d+$/, ["/advertisements"]],
  ["/advertisements/drafts/:key", /^\/advertisements\/drafts\/[^/]+$/, ["/advertisements", "/advertisements/new"]],
  ["/rooms/:id", /^\/rooms\/(?!new$|deleted$|agenda$)[^/]+$/, ["/rooms"]],
  ["/approvals/:id", /^\/approvals\/[^/]+$/, ["/approvals"]],
  ["/deleted/:id", /^\/deleted\/[^/]+$/, ["/badges/deleted", "/offers/deleted", "/advertisements/deleted", "/rooms/deleted", "/audit"]],
];
const EDIT_OF = {
  "/badges/:id": "/badges/:id/edit",
  "/badges/tagmango/:key": "/badges/tagmango/:key/edit",
  "/offers/:id": "/offers/:id/edit",
  "/advertisements/:id": "/advertisements/:id/edit",
};

function fail(message) {
  console.error(`bench/cancelled.mjs: ${message}`);
  process.exit(1);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const n = (x) => Math.round(x).toLocaleString("en-US");

// One whole request through node:http (a connection of its own), the answer read in full.
function request(path, { method = "GET", headers = {}, body, timeout = PAGE_TIMEOUT_MS } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host, port, path, method, agent: false, headers: { connection: "close", ...headers } },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.setTimeout(timeout, () => req.destroy(new Error(`no answer within ${timeout / 1000} s`)));
    req.on("error", reject);
    req.end(body);
  });
}

// `make bench` starts the server just before this script.
async function waitForHealth() {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await request("/healthz", { timeout: 2_000 }).then((r) => r.status === 200, () => false);
    if (ok) return;
    if (Date.now() > deadline) fail(`${base.origin}/healthz did not answer 200 within 60 s`);
    await sleep(250);
  }
}

// The sign-in form's POST, as a browser sends it (the server refuses a state-changing request
// whose Origin is not its own). Success is a 303 with the session cookie; its `name=value` is kept.
async function signIn() {
  const body = new URLSearchParams({ username: "admin", password, next: "/" }).toString();
  const response = await request("/auth/login", {
    method: "POST",
    headers: {
      origin: base.origin,
      "content-type": "application/x-www-form-urlencoded",
      "content-length": Buffer.byteLength(body),
    },
    body,
  }).catch((err) => fail(`${base.origin}/auth/login cannot be reached: ${err.message}`));
  const cookie = (response.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .find((c) => /^(__Host-)?watchers_session=/.test(c));
  const to = response.headers.location ?? "";
  if (response.status !== 303 || !cookie || to.startsWith("/login")) {
    fail(`admin could not sign in at ${base.origin}/auth/login: status ${response.status} ${to}`);
  }
  return cookie;
}

// The fixed pages plus one page of each kind with an id, and the kinds none was found for.
async function findPages(cookie) {
  const links = new Map(); // list page -> its links' paths
  const linksOf = async (path) => {
    if (!links.has(path)) {
      const r = await request(path, { headers: { cookie } }).catch((err) => fail(`${path}: ${err.message}`));
      if (r.status !== 200) fail(`${path} with the session cookie answered ${r.status}, not the signed-in page`);
      const hrefs = [...r.body.matchAll(/href="(\/[^"?#]*)/g)].map((m) => m[1].replace(/&amp;/g, "&"));
      links.set(path, hrefs);
    }
    return links.get(path);
  };
  const found = [];
  const missing = [];
  for (const [route, pattern, lists] of ID_ROUTES) {
    let page;
    for (const list of lists) {
      page = (await linksOf(list)).find((href) => pattern.test(href));
      if (page) break;
    }
    if (page) {
      found.push(page);
      if (EDIT_OF[route]) found.push(`${page}/edit`);
    } else {
      missing.push(route, ...(EDIT_OF[route] ? [EDIT_OF[route]] : []));
    }
  }
  return { pages: [...FIXED_PAGES, ...found], missing };
}

// The cancelled loads: CANCEL_LOOPS loops until the deadline, each load on a connection of its
// own, never read. Connections refused or not made within 2 s are counted apart.
async function cancelLoads(pages, cookie, deadline) {
  const counts = { started: 0, destroyed: 0, reset: 0, failed: 0 };
  const requests = pages.map((path) =>
    Buffer.from(
      `GET ${path} HTTP/1.1\r\nHost: ${base.host}\r\nUser-Agent: bench/cancelled.mjs\r\n` +
        `Accept: text/html\r\nAccept-Encoding: br, gzip\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`,
    ),
  );
  const once = () =>
    new Promise((resolve) => {
      const socket = net.connect({ host, port });
      let sent = false;
      const timer = setTimeout(() => socket.destroy(new Error("connect timeout")), CONNECT_TIMEOUT_MS);
      socket.on("error", () => {
        // Resets and refusals once the load is sent are expected; before, the load failed.
        if (sent) return;
        clearTimeout(timer);
        counts.failed++;
        setTimeout(resolve, 10); // not a busy loop when the server is gone
      });
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.write(requests[Math.floor(Math.random() * requests.length)]);
        sent = true;
        counts.started++;
        const reset = Math.random() < 0.5;
        setTimeout(() => {
          if (reset) {
            counts.reset++;
            if (!socket.destroyed) socket.resetAndDestroy();
          } else {
            counts.destroyed++;
            socket.destroy();
          }
          resolve();
        }, Math.random() * CANCEL_AFTER_MS);
      });
    });
  const loop = async () => {
    while (Date.now() < deadline) await once();
  };
  await Promise.all(Array.from({ length: loops }, loop));
  return counts;
}

// Every page once, in full, 4 at a time: the status of each (or why there was none). A 429 is
// TagMango's documented rate limit (120 requests in 10 s), which the cancelled loads used up and
// the dashboard keeps to: those pages are loaded once more when the window has passed (Retry-After,
// else 10 s; 30 s at most), and the result says which they were.
async function loadEvery(pages, cookie) {
  const load = (path) =>
    request(path, { headers: { cookie, accept: "text/html" } }).then(
      (r) => ({ status: String(r.status), retryAfter: Number(r.headers["retry-after"]) || null }),
      (err) => ({ status: err.message, retryAfter: null }),
    );
  const results = new Map();
  const queue = [...pages];
  const worker = async () => {
    for (let path; (path = queue.shift()) !== undefined; ) results.set(path, await load(path));
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const limited = pages.filter((path) => results.get(path).status === "429");
  let waited = 0;
  if (limited.length) {
    waited = Math.min(30, Math.max(10, ...limited.map((path) => results.get(path).retryAfter ?? 0)));
    await sleep(waited * 1000);
    for (const path of limited) results.set(path, { ...(await load(path)), after429: true });
  }
  return { answers: pages.map((path) => [path, results.get(path)]), limited, waited };
}

// /healthz's status, and the stuck workers when the answer counts them. The shapes understood:
// `"stuck_workers": n`, `"workers": {"stuck": n | [...]}`, or `"workers": [{"stuck": true}, …]`
// (or `"status": "stuck"` per worker); `"requests_in_flight": n` is shown too when present.
async function health() {
  const r = await request("/healthz", { timeout: 10_000 }).catch((err) => ({ status: null, error: err.message }));
  if (r.status === null) return { status: `no answer (${r.error})`, stuck: null };
  let json;
  try {
    json = JSON.parse(r.body);
  } catch {
    return { status: String(r.status), stuck: null };
  }
  const count = (v) => (Array.isArray(v) ? v.length : Number.isFinite(v) ? v : null);
  let stuck = count(json?.stuck_workers);
  const workers = json?.workers;
  if (stuck === null && Array.isArray(workers)) {
    stuck = workers.filter((w) => w?.stuck === true || w?.status === "stuck").length;
  } else if (stuck === null && workers && typeof workers === "object") {
    stuck = count(workers.stuck);
  }
  const inFlight = Number.isFinite(json?.requests_in_flight) ? json.requests_in_flight : null;
  return { status: String(r.status), stuck, inFlight };
}

// Rust's panic message: `thread '…' panicked at src/…:1:2:` and the message on the next line
// (older Rust and some loggers put it on the same line, after a quote or a comma).
function panics() {
  if (!serverLog || !existsSync(serverLog)) return { count: null, messages: new Map() };
  // eslint-disable-next-line no-control-regex
  const lines = readFileSync(serverLog, "utf8").replace(/\x1b\[[0-9;]*m/g, "").split("\n");
  const messages = new Map();
  let count = 0;
  lines.forEach((line, i) => {
    const at = line.indexOf("panicked at");
    if (at < 0) return;
    count++;
    const rest = line.slice(at + "panicked at".length).replace(/^ [^ ]*?:\d+:\d+:?/, "").trim();
    const message = (rest.replace(/^[,:'"\s]+/, "") || (lines[i + 1] ?? "")).trim().slice(0, 160);
    messages.set(message, (messages.get(message) ?? 0) + 1);
  });
  return { count, messages };
}

// Whether the process is there (a zombie waiting for its parent to reap it counts as gone).
function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true; // no /proc: kill(pid, 0) decides
  }
}

// The threads of a process that did not stop, by name, with what the kernel says they wait in.
function threadsOf(pid) {
  try {
    const byName = new Map();
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
      let wchan = "";
      try {
        wchan = readFileSync(`/proc/${pid}/task/${tid}/wchan`, "utf8").trim();
      } catch {}
      const key = wchan && wchan !== "0" ? `${name} (in ${wchan})` : name;
      byName.set(key, (byName.get(key) ?? 0) + 1);
    }
    return [...byName].map(([k, c]) => (c > 1 ? `${k} ×${c}` : k)).join(", ");
  } catch {
    return "";
  }
}

// Whether something accepts a connection at BASE_URL's address now.
function accepts() {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1_000, () => (socket.destroy(), resolve(false)));
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

// SIGTERM, then the seconds until the process is gone (null: still there after 30 s).
async function stopServer(pid) {
  const start = Date.now();
  try {
    process.kill(pid, "SIGTERM");
  } catch (err) {
    return { seconds: null, unmeasured: true, note: `could not signal pid ${pid}: ${err.code ?? err.message}` };
  }
  while (Date.now() - start < STOP_TIMEOUT_MS) {
    if (!alive(pid)) {
      // A pid that is not the server's (say, a shell around it) would go and leave it running.
      if (await accepts()) {
        return { seconds: null, unmeasured: true, note: `pid ${pid} is gone, but ${base.host} still accepts connections: SERVER_PID is not the server's` };
      }
      return { seconds: (Date.now() - start) / 1000 };
    }
    await sleep(50);
  }
  return { seconds: null, note: `did not stop within ${STOP_TIMEOUT_MS / 1000} s; threads left: ${threadsOf(pid)}` };
}

if (!password) fail("E2E_ADMIN_PASSWORD is not set");
await waitForHealth();
const cookie = await signIn();
const { pages, missing } = await findPages(cookie);

console.error(`cancelled loads: ${loops} loops for ${seconds} s over ${pages.length} pages`);
const started = Date.now();
const counts = await cancelLoads(pages, cookie, started + seconds * 1000);
const ranFor = (Date.now() - started) / 1000;
console.error(`cancelled loads: ${n(counts.started)} sent, ${n(counts.failed)} connections failed`);

await sleep(2_000);
const { answers, limited, waited } = await loadEvery(pages, cookie);
const notOk = answers.filter(([, r]) => r.status !== "200");
const healthNow = await health();
const panicked = panics();
const stop = serverPid ? await stopServer(serverPid) : { seconds: null, note: "SERVER_PID not set" };

const stuckCell =
  healthNow.stuck !== null
    ? `${healthNow.stuck} (/healthz ${healthNow.status}` +
      (healthNow.inFlight !== null
        ? `, ${healthNow.inFlight} request${healthNow.inFlight === 1 ? "" : "s"} in flight, its own included)`
        : ")")
    : `not reported (/healthz ${healthNow.status}, no worker count in its answer)`;
const panicCell = panicked.count === null ? `not counted (no log at ${serverLog ?? "SERVER_LOG unset"})` : n(panicked.count);
const stopCell =
  stop.seconds !== null ? `${stop.seconds.toFixed(2)} s` : stop.unmeasured || !serverPid ? "not measured" : "did not stop";
const lines = [
  "## Cancelled page loads",
  "",
  `Signed in as admin, ${loops} loops for ${seconds} s each opened a connection, sent a GET for one of ` +
    `${pages.length} pages with the session cookie and closed it 0–${CANCEL_AFTER_MS} ms later unread ` +
    `(half \`destroy()\`, half \`resetAndDestroy()\`, a TCP reset); 2 s later every page was loaded once ` +
    `in full, /healthz read, the server's log searched for panics, and the server sent SIGTERM.` +
    (missing.length ? ` No page was linked for ${missing.join(", ")}.` : ""),
  "",
  "| measure | result | goal |",
  "| --- | --- | --- |",
  `| loads cancelled | ${n(counts.started)} over ${ranFor.toFixed(0)} s, ${pages.length} pages ` +
    `(${n(counts.destroyed)} closed, ${n(counts.reset)} reset${counts.failed ? `, ${n(counts.failed)} connections failed` : ""}) | |`,
  `| panics in the log | ${panicCell} | 0 |`,
  `| stuck workers | ${stuckCell} | 0 |`,
  `| pages answering afterwards | ${answers.length - notOk.length} of ${answers.length}` +
    (limited.length ? ` (${limited.length} of them 429 at first, TagMango's rate limit: loaded again ${waited} s later)` : "") +
    " | all |",
  `| stop on SIGTERM | ${stopCell} | a few seconds |`,
];
if (panicked.count) {
  lines.push("", "Panics, by message:", "");
  for (const [message, c] of [...panicked.messages].sort((a, b) => b[1] - a[1])) {
    lines.push(`- ${c} × \`${message.replace(/`/g, "'")}\``);
  }
}
if (notOk.length) {
  lines.push("", "Pages not answering 200 afterwards:", "");
  for (const [path, r] of notOk) lines.push(`- ${path}: ${r.status}${r.after429 ? " (429 before)" : ""}`);
}
if (stop.note) lines.push("", `SIGTERM: ${stop.note}.`);
const text = lines.join("\n") + "\n";
process.stdout.write(text);
if (process.env.CANCEL_OUT) appendFileSync(process.env.CANCEL_OUT, `\n${text}`);
