//! What an operator watches: metrics on an address of their own, a request id on every answer
//! (a client's own only behind a trusted proxy) and on error pages, and log lines that carry it.

use crate::support::{ADMIN_PASSWORD, TestApp, spawn_app};
use watchers_dashboard::sandbox::FaultSettings;

/// The metrics text, its lines that name `metric`.
fn lines<'a>(text: &'a str, metric: &str) -> Vec<&'a str> {
    text.lines()
        .filter(|l| l.starts_with(metric) && !l.starts_with('#'))
        .collect()
}

/// Whether some line of `metric` holds every one of `labels` (`name="value"`).
fn has(text: &str, metric: &str, labels: &[&str]) -> bool {
    lines(text, metric)
        .iter()
        .any(|l| labels.iter().all(|label| l.contains(label)))
}

async fn scrape(app: &TestApp) -> String {
    let url = app
        .metrics_url
        .as_ref()
        .expect("DASHBOARD_METRICS_ADDR was set");
    let response = app.client.get(url).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    response.text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_are_served_on_their_own_address_never_on_the_public_port() {
    let app = spawn_app(&[("DASHBOARD_METRICS_ADDR", "127.0.0.1:0")]).await;
    let cookie = app.sign_in("admin", ADMIN_PASSWORD).await;
    assert_eq!(app.get_as(&cookie, "/badges").await.status(), 200);
    assert_eq!(app.get_as(&cookie, "/badges/1").await.status(), 200);
    let wrong = app
        .post_login(&app.client, "admin", "not-the-password", "/")
        .await;
    assert_eq!(wrong.status(), 401);
    let text = scrape(&app).await;
    assert!(
        has(
            &text,
            "dashboard_http_requests_total",
            &["route=\"/badges\"", "method=\"GET\"", "status=\"200\""]
        ),
        "{text}"
    );
    assert!(
        has(
            &text,
            "dashboard_http_request_duration_seconds_bucket",
            &["route=\"/badges\""]
        ),
        "a latency histogram: {text}"
    );
    assert!(
        has(
            &text,
            "dashboard_upstream_calls_total",
            &["platform=\"watchers\"", "outcome=\"ok\"", "endpoint=\"/"]
        ),
        "{text}"
    );
    assert!(
        has(
            &text,
            "dashboard_sign_in_refusals_total",
            &["reason=\"invalid\""]
        ),
        "{text}"
    );
    assert!(
        has(
            &text,
            "dashboard_cache_requests_total",
            &["cache=\"sessions\"", "result=\"hit\""]
        ),
        "{text}"
    );
    for gauge in [
        "dashboard_approvals_waiting",
        "dashboard_snapshots_kept",
        "dashboard_db_pool_connections",
    ] {
        assert!(!lines(&text, gauge).is_empty(), "{gauge}: {text}");
    }
    // Ids in upstream paths are folded into a template.
    assert!(
        has(
            &text,
            "dashboard_upstream_calls_total",
            &["endpoint=\"/external/badge/{id}\""]
        ),
        "{text}"
    );
    assert!(
        !lines(&text, "dashboard_upstream_calls_total")
            .iter()
            .any(|l| l.contains("endpoint=\"/external/badge/1")),
        "{text}"
    );
    // The public port has no metrics: signed out it is the sign-in wall, signed in not found.
    let public = app.get_as(&cookie, "/metrics").await;
    assert_ne!(public.status(), 200);
    assert!(
        !public
            .text()
            .await
            .unwrap()
            .contains("dashboard_http_requests_total")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_has_a_request_id_and_a_client_one_counts_only_behind_a_trusted_proxy() {
    let app = spawn_app(&[]).await;
    let id_of = |r: &reqwest::Response| {
        r.headers()
            .get("x-request-id")
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let first = app.client.get(app.url("/healthz")).send().await.unwrap();
    let second = app
        .client
        .get(app.url("/login"))
        .header("x-request-id", "chosen-by-the-client")
        .send()
        .await
        .unwrap();
    let (first, second) = (id_of(&first).unwrap(), id_of(&second).unwrap());
    assert_eq!(first.len(), 36, "a UUID: {first}");
    assert_ne!(first, second);
    assert_ne!(second, "chosen-by-the-client", "not behind a trusted proxy");

    let proxied = spawn_app(&[("DASHBOARD_TRUST_PROXY", "1")]).await;
    let kept = proxied
        .client
        .get(proxied.url("/login"))
        .header("x-request-id", "lb-7f3a:1")
        .send()
        .await
        .unwrap();
    assert_eq!(id_of(&kept).as_deref(), Some("lb-7f3a:1"));
    let junk = proxied
        .client
        .get(proxied.url("/login"))
        .header("x-request-id", "<script>")
        .send()
        .await
        .unwrap();
    assert_ne!(id_of(&junk).as_deref(), Some("<script>"));
}

/// A page whose data failed answers with the failure's status (never 200) and shows the
/// request's id to quote.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_error_page_has_its_failures_status_and_the_request_id() {
    let app = spawn_app(&[]).await;
    let cookie = app.sign_in("admin", ADMIN_PASSWORD).await;
    let sandbox = app.sandbox.clone().unwrap();
    sandbox.set_faults(FaultSettings {
        error_percent: 100,
        ..Default::default()
    });
    let response = app.get_as(&cookie, "/badges").await;
    sandbox.set_faults(FaultSettings::default());
    let status = response.status();
    let id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let retry = response.headers().get("retry-after").is_some();
    let body = response.text().await.unwrap();
    assert!(body.contains("not answering right now"), "{body}");
    assert_eq!(status, 503, "the page says how its data went");
    assert!(retry, "a 503 says when to try again");
    assert!(body.contains(&id), "the id to quote is on the page");
}

/// The real binary with `DASHBOARD_LOG_FORMAT=json`: every line is one JSON object, the line a
/// request logs carries that request's id, nothing secret is logged, and SIGTERM stops it at
/// once with success.
#[test]
fn json_log_lines_carry_the_request_id_and_sigterm_stops_the_binary() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let port = crate::support::free_port();
    // Port 1: nothing listens there, and no test's server can be given it (ports asked of the
    // system are 1024 and up). A port once free could be taken meanwhile by another test's
    // server, or be this server's own, and answer (502 instead of "not answering", 503).
    let dead = 1;
    let log = dir.path().join("server.log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_watchers-dashboard"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "info")
        .env("DASHBOARD_LOG_FORMAT", "json")
        .env("LEPTOS_OUTPUT_NAME", "watchers-dashboard")
        .env("LEPTOS_SITE_ROOT", "target/site")
        .env("LEPTOS_SITE_PKG_DIR", "pkg")
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("d.db").display()),
        )
        .env("WATCHERS_SANDBOX_FILE", ":memory:")
        // Live mode against a port nobody listens on: the badge list's upstream call fails and
        // says so in the log, from the task Leptos runs the page's data on.
        .env("WATCHERS_API_KEY", "canary-api-key-5b1f")
        .env("WATCHERS_BEARER_TOKEN", "canary-bearer-8e2c")
        .env("WATCHERS_BASE_URL", format!("http://127.0.0.1:{dead}"))
        .env("DASHBOARD_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let client = crate::support::client_from([127, 0, 0, 1]);
    let (id, page_id) = runtime.block_on(async {
        let deadline = Instant::now() + Duration::from_secs(30);
        while client.get(format!("{base}/healthz")).send().await.is_err() {
            assert!(Instant::now() < deadline, "the server did not start");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let url = format!("sqlite://{}", dir.path().join("d.db").display());
        let db = watchers_dashboard::server::db::connect(&url)
            .await
            .unwrap()
            .db;
        let app = crate::support::TestApp::remote(base.clone(), db);
        let refused = app
            .post_login(&client, "admin", "canary-password-4d2e", "/")
            .await;
        assert_eq!(refused.status(), 401);
        let id = refused.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_owned();
        let cookie = app.sign_in("admin", ADMIN_PASSWORD).await;
        let page = app.get_as(&cookie, "/badges").await;
        assert_eq!(page.status(), 503, "the upstream is down");
        let page_id = page.headers()["x-request-id"].to_str().unwrap().to_owned();
        (id, page_id)
    });
    let asked = Instant::now();
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            asked.elapsed() < Duration::from_secs(10),
            "still running 10 s after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status}");
    let text = std::fs::read_to_string(&log).unwrap();
    for secret in ["canary-password", "canary-api-key", "canary-bearer"] {
        assert!(!text.contains(secret), "a secret in the log: {secret}");
    }
    let mut found = false;
    let mut page_lines = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("not one JSON object a line ({e}): {line}"));
        let message = value["fields"]["message"].as_str().unwrap_or_default();
        let request_id = value["spans"]
            .as_array()
            .and_then(|spans| spans.iter().find(|s| s["name"] == "request"))
            .map(|s| s["request_id"].clone());
        if message.contains("sign-in failed") {
            assert_eq!(
                request_id,
                Some(serde_json::Value::from(id.as_str())),
                "{line}"
            );
            found = true;
        }
        // The page's data is read on a task Leptos spawns: its lines carry the page's id too
        // (the start-up health probe's lines belong to no request).
        if message.contains("upstream call failed")
            && request_id == Some(serde_json::Value::from(page_id.as_str()))
        {
            page_lines += 1;
        }
    }
    assert!(found, "no line for the refused sign-in: {text}");
    assert!(
        page_lines > 0,
        "no line of the page's failed upstream call with its id: {text}"
    );
}
