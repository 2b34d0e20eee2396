// What a browser downloads for the islands, from the release site's /pkg: every page with islands
// loads the base (the main WASM, its JS and the split loader) and, per island, that island's
// chunks (from cargo-leptos' split manifest). Raw, gzip -9 and brotli -q 11 bytes as a Markdown
// table; exits 1 when the largest page (base + its island's chunks) is over the limit: the 150 kB
// budget in `make bench`, the growth ratchet (WASM_LIMIT_LABEL=ratchet) in `make test`.
// Beside the base and each page, issue 31's goals (brotli: the base ≤ 50 kB, every page with
// islands ≤ 120 kB) with PASS or MISS; a missed goal is a result, never the exit status. When
// BENCH_SUMMARY names a file, the largest page and the base are appended to it as rows of
// `make bench`'s summary table (`| figure | measured | goal | met |`).
import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const pkg = process.argv[2] ?? "target/site/pkg";
const limit = Number(process.env.WASM_BUDGET_BYTES ?? 150000);
const label = process.env.WASM_LIMIT_LABEL ?? "budget";
const PAGE_GOAL = 120_000; // brotli bytes, base + the island's chunks (issue 31)
const BASE_GOAL = 50_000; // brotli bytes, the base every page with islands loads (issue 31)
const files = readdirSync(pkg);

// Each file is compressed once: the islands share most of their chunks.
const measured = new Map();
function sizes(name) {
  if (!measured.has(name)) {
    const bytes = readFileSync(join(pkg, name));
    measured.set(name, {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return measured.get(name);
}
const sum = (list) =>
  list.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
const row = (name, s, goal = "") => console.log(`| ${name} | ${s.raw} | ${s.gzip} | ${s.brotli} | ${goal} |`);
const n = (x) => x.toLocaleString("en-US");
const goal = (what, bytes, most) => `${what} ≤ ${n(most)}: ${bytes <= most ? "PASS" : "MISS"}`;

const base = files.filter((f) => /^(watchers-dashboard\..*\.(wasm|js)|__wasm_split\..*\.js)$/.test(f));
if (!base.some((f) => f.endsWith(".wasm"))) {
  console.error(`no built WASM under ${pkg}`);
  process.exit(1);
}
console.log("| loaded by | raw | gzip | brotli | goal (brotli) |");
console.log("| --- | --- | --- | --- | --- |");
const baseSizes = sum(base.map(sizes));
for (const f of base) row(f, sizes(f));
row("**every page with islands**", baseSizes, goal("base", baseSizes.brotli, BASE_GOAL));

const manifestFile = files.find((f) => /^__wasm_split_manifest\..*\.json$/.test(f) || f === "__wasm_split_manifest.json");
const manifest = manifestFile ? JSON.parse(readFileSync(join(pkg, manifestFile), "utf8")) : {};
let largest = { name: "the base alone", total: baseSizes.brotli };
let pages = 0;
let over = 0;
for (const [island, chunks] of Object.entries(manifest)) {
  const own = sum(chunks.map((c) => sizes(`${c}.wasm`)));
  const name = island.replace(/_loader_\d+$/, "");
  const total = baseSizes.brotli + own.brotli;
  row(`${name}: ${chunks.length} chunks (page total ${total} brotli)`, own, goal("page", total, PAGE_GOAL));
  pages += 1;
  if (total > PAGE_GOAL) over += 1;
  if (total > largest.total) largest = { name, total };
}
const all = sum(files.filter((f) => /\.(wasm|js)$/.test(f)).map(sizes));
row("all JS and WASM files", all);
console.log(
  `| **largest page: ${largest.name}** | | | **${largest.total}** (${label} ${limit}) | ${goal("page", largest.total, PAGE_GOAL)} |`,
);
if (process.env.BENCH_SUMMARY) {
  const met = (ok) => (ok ? "yes" : "**no**");
  const overText = pages === 0 ? "no island in the split manifest" : `${over} of ${pages} pages with islands over`;
  appendFileSync(
    process.env.BENCH_SUMMARY,
    `| JS+WASM brotli, largest page with islands (${largest.name}: base + its chunks) | ${n(largest.total)} B; ${overText} | ≤ ${n(PAGE_GOAL)} B on every page | ${met(largest.total <= PAGE_GOAL)} |\n` +
      `| JS+WASM brotli, the base every page with islands loads | ${n(baseSizes.brotli)} B | ≤ ${n(BASE_GOAL)} B | ${met(baseSizes.brotli <= BASE_GOAL)} |\n`,
  );
}
if (largest.total > limit) {
  console.error(`JS+WASM of the largest page over the ${label}: ${largest.total} > ${limit} bytes (brotli)`);
  process.exit(1);
}
