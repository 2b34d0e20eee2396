//! `make bench`: proxy overhead, server-rendered throughput, resident memory and bulk user
//! assignment, measured against the in-process sandbox. Prints a table and writes it under
//! `bench/results/`, and appends issue 31's figures with their goals to the summary file
//! (BENCH_SUMMARY). Not a test: it never fails on a budget (the WASM size check in the Makefile
//! does).
// Deep view types are monomorphised here in release builds, as in the binary.
#![recursion_limit = "512"]

#[path = "dashboard/profile.rs"]
mod profile;
#[path = "dashboard/summary.rs"]
mod summary;
#[path = "dashboard/wrk.rs"]
mod wrk;

use leptos::prelude::LeptosOptions;
use std::time::{Duration, Instant};
use watchers_dashboard::host::application::Application;
use watchers_dashboard::model::badge::BadgeOrder;
use watchers_dashboard::server::config::Config;
use watchers_dashboard::server::door::Pass;

const ADMIN_PASSWORD: &str = "bench-admin-password";

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn rss_kib() -> u64 {
    status_kib("VmRSS:")
}

/// The peak resident memory since the last reset (`/proc/self/clear_refs`).
fn peak_rss_kib() -> u64 {
    status_kib("VmHWM:")
}

fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Sends `request`, reads the whole (successful) answer and says how long that took.
async fn timed(request: reqwest::RequestBuilder) -> Duration {
    let t = Instant::now();
    let response = request.send().await.unwrap();
    assert!(response.status().is_success());
    response.bytes().await.unwrap();
    t.elapsed()
}

/// What a wrk row adds when some answers were neither 2xx nor 3xx (their speed is not the page's).
fn failed_note(load: &wrk::Load) -> String {
    if load.failed == 0 {
        String::new()
    } else {
        format!(" (**{} answers not 2xx/3xx**)", load.failed)
    }
}

/// Starts the dashboard on `db` with its own in-process sandbox (the read cache as configured by
/// default, or `read_cache_ms`); answers its address and its Watchers client.
async fn start(
    db: &str,
    read_cache_ms: Option<&str>,
) -> (
    std::net::SocketAddr,
    watchers_dashboard::server::upstream::WatchersClient,
) {
    let mut vars = vec![
        ("WATCHERS_SANDBOX_FILE", ":memory:".to_owned()),
        ("DATABASE_URL", db.to_owned()),
        (
            "DASHBOARD_BOOTSTRAP_ADMIN_PASSWORD",
            ADMIN_PASSWORD.to_owned(),
        ),
        // No advertisement sampler reading the sandbox in the middle of a measurement.
        ("DASHBOARD_AD_SAMPLE_SECONDS", "0".to_owned()),
    ];
    if let Some(ms) = read_cache_ms {
        vars.push(("DASHBOARD_READ_CACHE_MS", ms.to_owned()));
    }
    let config =
        Config::from_lookup(|k| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()))
            .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let site = concat!(env!("CARGO_MANIFEST_DIR"), "/target/site");
    let options = LeptosOptions::builder()
        .output_name("watchers-dashboard")
        .site_root(site)
        .build();
    let app = Application::build(config, options, listener).await.unwrap();
    let addr = app.address();
    let upstream = app.state().upstream.clone();
    tokio::spawn(async move { app.run_until_stopped(std::future::pending()).await.unwrap() });
    (addr, upstream)
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    // BENCH_DATABASE_URL (an empty database, e.g. PostgreSQL) measures another store than the
    // default new SQLite file.
    let db = std::env::var("BENCH_DATABASE_URL")
        .ok()
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| format!("sqlite://{}", dir.path().join("bench.db").display()));
    let store_url = db.clone();
    // The pages' server, with the read cache as deployed; and a second one on the same database
    // with it off, so the proxy figures time a real upstream call, not a copy in memory.
    let (addr, _) = start(&db, None).await;
    let (proxy_addr, upstream) = start(&db, Some("0")).await;
    // The bare handler to compare server rendering with, and a bare forwarding hop (no session,
    // no server-function machinery) that shows what one more HTTP hop costs on its own.
    let bare = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let bare_addr = bare.local_addr().unwrap();
    let hop_upstream = upstream.clone();
    tokio::spawn(async move {
        let app = axum::Router::new()
            .route("/", axum::routing::get(|| async { "ok" }))
            .route(
                "/hop",
                axum::routing::post(move || {
                    let upstream = hop_upstream.clone();
                    async move {
                        let badges = upstream
                            .list_badges(20, 0, BadgeOrder::IdDesc)
                            .await
                            .unwrap();
                        axum::Json(badges)
                    }
                }),
            );
        axum::serve(bare, app).await.unwrap()
    });
    let base = format!("http://{addr}");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let login = client
        .post(format!("{base}/auth/login"))
        .form(&[
            ("username", "admin"),
            ("password", ADMIN_PASSWORD),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    let cookie = login.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let idle_rss = rss_kib();

    // 1. Proxy overhead: list badges through a server function vs the same client, direct.
    let proxy_base = format!("http://{proxy_addr}");
    let list_fn = || {
        client
            .post(format!("{proxy_base}/api/badges/list"))
            .header("cookie", &cookie)
            .header("accept", "application/json")
            .form(&[("page", "0"), ("order", "id_desc")])
    };
    for _ in 0..100 {
        timed(list_fn()).await;
        upstream
            .list_badges(20, 0, BadgeOrder::IdDesc)
            .await
            .unwrap();
    }
    // Interleaved, so that the three see the same machine: the server function, the client
    // called directly, and a bare forwarding hop (no session, no server-function machinery)
    // through the same client: what the server function costs over one more HTTP hop.
    let hop_url = format!("http://{bare_addr}/hop");
    let (mut via, mut direct, mut hop) = (vec![], vec![], vec![]);
    for _ in 0..100 {
        timed(client.post(&hop_url)).await;
    }
    for _ in 0..1000 {
        via.push(timed(list_fn()).await);
        let t = Instant::now();
        upstream
            .list_badges(20, 0, BadgeOrder::IdDesc)
            .await
            .unwrap();
        direct.push(t.elapsed());
        hop.push(timed(client.post(&hop_url)).await);
    }
    via.sort();
    direct.sort();
    hop.sort();

    // The session check alone: a server function that reads no upstream.
    let mut me = vec![];
    for _ in 0..1000 {
        let me_fn = client
            .post(format!("{base}/api/auth/me"))
            .header("cookie", &cookie)
            .header("accept", "application/json");
        me.push(timed(me_fn).await);
    }
    me.sort();
    let (hop50, hop99, me50) = (
        percentile(&hop, 0.5),
        percentile(&hop, 0.99),
        percentile(&me, 0.5),
    );
    let (v50, v99, d50, d99) = (
        percentile(&via, 0.5),
        percentile(&via, 0.99),
        percentile(&direct, 0.5),
        percentile(&direct, 0.99),
    );

    // 2. Server-rendered throughput of the badge list, signed in, against the sign-in page signed
    // out (Leptos's own floor here: no session, no upstream call), one right after the other, and
    // against a bare handler; 3. memory under load.
    let badges = wrk::run(&format!("{base}/badges"), 50, Some(cookie.as_str()), &[]);
    let login_page = wrk::run(&format!("{base}/login"), 50, None, &[]);
    let ssr_rps = badges.rps;
    // Profiled in a run of its own: sampling costs throughput.
    let ((), ssr_profile) = profile::sample(|| {
        wrk::run(&format!("{base}/badges"), 50, Some(cookie.as_str()), &[]);
    });
    let bare_rps = wrk::run(
        &format!("http://{bare_addr}/"),
        50,
        Some(cookie.as_str()),
        &[],
    )
    .rps;
    // And the session-only server function under load: what a server function costs before any
    // upstream call.
    let post = dir.path().join("post.lua");
    std::fs::write(
        &post,
        "wrk.method = \"POST\"\nwrk.headers[\"Accept\"] = \"application/json\"\n",
    )
    .unwrap();
    let post = post.to_string_lossy().into_owned();
    let ((), fn_profile) = profile::sample(|| {
        wrk::run(
            &format!("{base}/api/auth/me"),
            10,
            Some(cookie.as_str()),
            &["-s", &post],
        );
    });
    let sampler = tokio::spawn(async {
        let mut peak = 0;
        for _ in 0..50 {
            peak = peak.max(rss_kib());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        peak
    });
    let loaded_url = format!("{base}/badges");
    let cookie_for_load = cookie.clone();
    let _ = tokio::task::spawn_blocking(move || {
        wrk::run(&loaded_url, 100, Some(cookie_for_load.as_str()), &[])
    })
    .await;
    let loaded_rss = sampler.await.unwrap();

    // 4. 10,000 user ids onto a badge: through the dashboard (20 chunks) vs the sandbox directly.
    let ids: Vec<String> = (0..10_000).map(|n| format!("bench-user-{n}")).collect();
    let t = Instant::now();
    for (i, chunk) in ids.chunks(500).enumerate() {
        let r = client
            .post(format!("{base}/api/badges/users"))
            .header("cookie", &cookie)
            .header("accept", "application/json")
            .form(&[
                ("id", "1"),
                ("mode", "add"),
                ("ids", &chunk.join("\n")),
                ("chunk", &i.to_string()),
            ])
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success());
    }
    let through = t.elapsed();
    let t = Instant::now();
    for chunk in ids.chunks(500) {
        upstream
            .add_badge_users(Pass::outside_the_door(), 2, chunk)
            .await
            .unwrap();
    }
    let alone = t.elapsed();

    // 5. 200 wrong sign-ins at the same moment, from 200 addresses (so the per-address throttle
    // lets each through to a password check): the peak resident memory they cost. Each Argon2
    // check holds 19 MiB; the checks run one per CPU at a time.
    let _ = std::fs::write("/proc/self/clear_refs", "5"); // resets the peak (VmHWM)
    let before_burst = rss_kib();
    let mut burst = tokio::task::JoinSet::new();
    for n in 0..200u32 {
        let url = format!("{base}/auth/login");
        burst.spawn(async move {
            let client = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .local_address(std::net::IpAddr::from([
                    127,
                    1,
                    (n / 250) as u8,
                    (n % 250 + 1) as u8,
                ]))
                .build()
                .unwrap();
            let form = [
                ("username", "admin"),
                ("password", "not-the-password"),
                ("next", "/"),
            ];
            client
                .post(url)
                .form(&form)
                .send()
                .await
                .map(|r| r.status().as_u16())
                .unwrap_or(0)
        });
    }
    let statuses = burst.join_all().await;
    let burst_peak = peak_rss_kib();
    let refused_busy = statuses.iter().filter(|s| **s == 429).count();
    let checked = statuses.iter().filter(|s| **s == 401).count();

    // Whether the server still answers after the loads (wrk ends its connections mid-request):
    // a stuck worker shows here rather than as a bench that never ends.
    let alive = tokio::time::timeout(
        Duration::from_secs(5),
        client.get(format!("{base}/healthz")).send(),
    )
    .await
    .is_ok_and(|r| r.is_ok_and(|r| r.status().is_success()));
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let store = if store_url.starts_with("postgres") {
        "PostgreSQL (BENCH_DATABASE_URL)"
    } else {
        "SQLite (a new file)"
    };
    let ssr_ratio = badges.rps / login_page.rps.max(1.0);
    let proxy_ratio = ms(v50) / ms(hop50);
    let bulk_ratio = ms(through) / ms(alone);
    let ssr_clean = badges.failed == 0 && login_page.failed == 0;
    summary::append(&[
        summary::row(
            "SSR `/badges` signed in, 50 connections (wrk)",
            &format!(
                "{} req/s{}",
                summary::thousands(badges.rps),
                failed_note(&badges)
            ),
            "≥ 8,000 req/s",
            ssr_clean && badges.rps >= 8000.0,
        ),
        summary::row(
            "SSR `/badges` p99, 50 connections",
            &format!("{:.2} ms", ms(badges.p99)),
            "≤ 10 ms",
            ssr_clean && !badges.p99.is_zero() && ms(badges.p99) <= 10.0,
        ),
        summary::row(
            "SSR `/badges` ÷ `/login` signed out (Leptos's floor), same run",
            &format!(
                "{ssr_ratio:.2} ({} ÷ {} req/s; p99 {:.2} ÷ {:.2} ms)",
                summary::thousands(badges.rps),
                summary::thousands(login_page.rps),
                ms(badges.p99),
                ms(login_page.p99)
            ),
            "≥ 0.75",
            ssr_clean && ssr_ratio >= 0.75,
        ),
        summary::row(
            "server function ÷ bare forwarding hop, p50",
            &format!("{proxy_ratio:.2} ({:.3} ÷ {:.3} ms)", ms(v50), ms(hop50)),
            "≤ 1.15",
            proxy_ratio <= 1.15,
        ),
        summary::row(
            "10,000 user ids through the dashboard ÷ sandbox alone",
            &format!("{bulk_ratio:.2} ({:.0} ÷ {:.0} ms)", ms(through), ms(alone)),
            "≤ 3",
            bulk_ratio <= 3.0,
        ),
    ]);
    let rows = [
        format!("| database | {store} | | |"),
        format!(
            "| proxy p50 (server fn / bare forwarding hop, same client) | {:.3} ms / {:.3} ms | ratio {:.2} | goal ≤ 1.15 |",
            ms(v50),
            ms(hop50),
            proxy_ratio
        ),
        format!(
            "| proxy p99 (server fn / bare forwarding hop, same client) | {:.3} ms / {:.3} ms | ratio {:.2} | |",
            ms(v99),
            ms(hop99),
            ms(v99) / ms(hop99)
        ),
        format!(
            "| proxy p50 (server fn / direct) | {:.3} ms / {:.3} ms | ratio {:.2} | budget ≤ 1.05 |",
            ms(v50),
            ms(d50),
            ms(v50) / ms(d50)
        ),
        format!(
            "| proxy p99 (server fn / direct) | {:.3} ms / {:.3} ms | ratio {:.2} | budget ≤ 1.10 |",
            ms(v99),
            ms(d99),
            ms(v99) / ms(d99)
        ),
        format!(
            "| session-only server fn `auth/me` p50 | {:.3} ms | | |",
            ms(me50)
        ),
        format!(
            "| SSR /badges vs bare axum, 50 conns | {ssr_rps:.0} / {bare_rps:.0} req/s | ratio {:.3} | budget ≥ 0.25 |",
            ssr_rps / bare_rps.max(1.0)
        ),
        format!(
            "| SSR /badges (signed in) / /login (signed out, Leptos's floor), 50 conns, same run | {:.0}{} / {:.0}{} req/s | ratio {ssr_ratio:.2} | goal ≥ 8,000 req/s, ratio ≥ 0.75 |",
            badges.rps,
            failed_note(&badges),
            login_page.rps,
            failed_note(&login_page)
        ),
        format!(
            "| SSR p99 /badges / /login, 50 conns | {:.2} ms / {:.2} ms | | goal ≤ 10 ms |",
            ms(badges.p99),
            ms(login_page.p99)
        ),
        format!(
            "| resident memory idle / 100 conns | {} / {} KiB | | |",
            idle_rss, loaded_rss
        ),
        format!(
            "| 200 concurrent wrong sign-ins: peak resident memory (before) | {:.1} MiB ({:.1} MiB) | {checked} checked, {refused_busy} refused busy | goal < 200 MiB |",
            burst_peak as f64 / 1024.0,
            before_burst as f64 / 1024.0
        ),
        format!(
            "| server answers /healthz after all the loads | {} | | |",
            if alive { "yes" } else { "**no**" }
        ),
        format!(
            "| 10,000 user ids (20 × 500) dashboard / sandbox alone | {:.0} ms / {:.0} ms | ratio {:.2} | goal ≤ 3 |",
            ms(through),
            ms(alone),
            bulk_ratio
        ),
    ];
    let table = format!(
        "| measure | value | ratio | budget |\n| --- | --- | --- | --- |\n{}\n\n\
         Where the CPU goes while the server renders /badges (this process: dashboard and \
         in-process sandbox; wrk runs apart):\n\n{ssr_profile}\n\
         Where the CPU goes while the server answers the session-only server function \
         `auth/me` (10 connections):\n\n{fn_profile}",
        rows.join("\n")
    );
    print!("{table}");
    let out =
        std::env::var("BENCH_OUT").unwrap_or_else(|_| "bench/results/latest-runtime.md".into());
    std::fs::write(out, table).unwrap();
    // Do not wait for the runtime's workers: one stuck in a render (see the row above) would
    // keep the process from ending.
    std::process::exit(0);
}
