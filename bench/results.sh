#!/usr/bin/env bash
# "Results pages" rows of `make bench` (issue 30): how long the pages that draw advertisement
# results take when the database holds 90 days of readings, every 5 minutes, for 200
# advertisements (5,184,000 readings, the most DASHBOARD_AD_SAMPLE_DAYS keeps at the default
# period).
#
#   1. starts the release server once on an empty SQLite database (its migrations make the
#      tables) and stops it;
#   2. fills `ad_samples` with sqlite3: advertisements 1 to 200 (the sandbox's demo
#      advertisements among them, so their pages exist), a reading every 300 s for 90 days up to
#      now, counters growing, every 1,000th reading unreadable;
#   3. starts the server again (the sampler off, so nothing changes under the timing), signs in,
#      and times each page with curl, RUNS times:
#      the Results page over everything kept, over the last 7 days, and the first advertisement's
#      page on /advertisements (its chart and table), and its CSV.
#
# Prints a Markdown table and appends it to RESULTS_OUT when set. Variables: SERVER_BIN,
# RESULTS_ADDR (127.0.0.1:3098), RESULTS_DIR (target/bench-results), RUNS (5), E2E_ADMIN_PASSWORD;
# the server's own (LEPTOS_*, WATCHERS_SANDBOX_*) come from the Makefile.
set -euo pipefail
addr=${RESULTS_ADDR:-127.0.0.1:3098}
dir=${RESULTS_DIR:-target/bench-results}
runs=${RUNS:-5}
bin=${SERVER_BIN:-target/release/watchers-dashboard}
password=${E2E_ADMIN_PASSWORD:?set E2E_ADMIN_PASSWORD}
ads=200 days=90 period=300
rm -rf "$dir" && mkdir -p "$dir"
db="$dir/dashboard.db"
export DATABASE_URL="sqlite://$db" LEPTOS_SITE_ADDR="$addr" DASHBOARD_AD_SAMPLE_SECONDS=0 \
  DASHBOARD_BOOTSTRAP_ADMIN_PASSWORD="$password"

server=
trap '[ -z "$server" ] || kill "$server" 2>/dev/null || true' EXIT
start() {
  "$bin" >> "$dir/server.log" 2>&1 & server=$!
  for _ in $(seq 1 100); do
    curl -fso /dev/null "http://$addr/healthz" && return 0
    sleep 0.2
  done
  echo "the server did not start; its log:"; tail -n 30 "$dir/server.log"; exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=; }

start
stop
now=$(date +%s)
seed_started=$(date +%s.%N)
sqlite3 "$db" > /dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE
  ad(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM ad WHERE id < $ads),
  step(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM step WHERE n < $days * 86400 / $period - 1)
INSERT INTO ad_samples (ad_id, sampled_at, views, messages, label, sent_at)
SELECT ad.id,
       $now - ($days * 86400) + step.n * $period,
       CASE WHEN (ad.id * 7 + step.n) % 1000 = 0 THEN NULL ELSE step.n * (3 + ad.id % 5) END,
       CASE WHEN (ad.id * 7 + step.n) % 1000 = 0 THEN NULL ELSE 1 + step.n / 12 END,
       'Advertisement ' || ad.id,
       strftime('%Y-%m-%dT%H:%M:%SZ', $now - ($days * 86400), 'unixepoch')
FROM ad, step;
COMMIT;
SQL
seeded=$(sqlite3 "$db" "SELECT COUNT(*) FROM ad_samples")
seed_seconds=$(echo "$(date +%s.%N) - $seed_started" | bc)
size=$(du -m "$db" | cut -f1)

start
cookie=$(curl -s -o /dev/null -D - -X POST "http://$addr/auth/login" \
  -H "origin: http://$addr" --data-urlencode username=admin --data-urlencode "password=$password" \
  --data-urlencode next=/ | sed -n 's/^[Ss]et-[Cc]ookie: \(\(__Host-\)\?watchers_session=[^;]*\).*/\1/p')
[ -n "$cookie" ] || { echo "admin could not sign in"; exit 1; }

ad=$(curl -s -H "cookie: $cookie" "http://$addr/advertisements" | grep -o 'href="/advertisements/[0-9]*"' | head -n1 | grep -o '[0-9]*')
[ -n "$ad" ] || { echo "no advertisement to open on /advertisements"; exit 1; }
week_ago=$(date -u -d @$((now - 7 * 86400)) +%Y-%m-%d)
today=$(date -u -d @"$now" +%Y-%m-%d)
table="| page (90 days × 200 ads, $seeded readings, ${size} MB) | status | bytes | min s | median s | max s |
|---|---|---|---|---|---|"
for path in "/results" "/results?from=$week_ago&to=$today" "/advertisements/$ad" "/advertisements/$ad/results.csv"; do
  times=()
  for _ in $(seq 1 "$runs"); do
    line=$(curl -s -o "$dir/page" -w '%{http_code} %{size_download} %{time_total}' -H "cookie: $cookie" "http://$addr$path")
    times+=("${line##* }")
    status=${line%% *}; rest=${line#* }; bytes=${rest%% *}
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -g)
  min=$(echo "$sorted" | head -n1); max=$(echo "$sorted" | tail -n1)
  median=$(echo "$sorted" | sed -n "$(((runs + 1) / 2))p")
  table+="
| \`$path\` | $status | $bytes | $min | $median | $max |"
done
out="## Results pages (issue 30)

Seeded in ${seed_seconds%.*} s. Each page loaded $runs times in a row, signed in, on $(nproc) cores.

$table
"
echo "$out"
[ -z "${RESULTS_OUT:-}" ] || echo "$out" >> "$RESULTS_OUT"
