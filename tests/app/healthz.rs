//! `GET /healthz` says what runs where, and nothing secret.

use crate::support::{TestApp, postgres_app_with_a_switch, postgres_run, spawn_app};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_reports_sandbox_mode_region_and_version() {
    let app = spawn_app(&[]).await;
    let response = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["mode"], "sandbox");
    assert_eq!(
        body["tagmango"]["mode"], "sandbox",
        "TagMango has a mode of its own"
    );
    assert_eq!(body["region"], "eu");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
    assert!(body["upstream"]["answered_recently"].is_boolean());
    let backend = if postgres_run() { "postgres" } else { "sqlite" };
    assert_eq!(body["database"]["backend"], backend);
    assert_eq!(body["database"]["answering"], true);
}

/// A replica that loses its database answers 503, so the load balancer takes it out, and 200
/// again once the database is back (PostgreSQL run).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_is_503_while_the_database_does_not_answer() {
    if !postgres_run() {
        eprintln!("skipped: runs in the PostgreSQL run (TEST_DATABASE=postgres)");
        return;
    }
    let (app, switch) = postgres_app_with_a_switch().await;
    switch.allow(false).await;
    let body = health_once(&app, |b| b["database"]["answering"] == false).await;
    assert_eq!(body["status"], "database unavailable", "{body}");
    let status = app
        .client
        .get(app.url("/healthz"))
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 503);
    switch.allow(true).await;
    let body = health_once(&app, |b| b["database"]["answering"] == true).await;
    assert_eq!(body["status"], "ok", "{body}");
}

/// Polls `/healthz` (for up to 5 s) until `done` holds; answers the last body.
async fn health_once(app: &TestApp, done: impl Fn(&Value) -> bool) -> Value {
    let mut body = Value::Null;
    for _ in 0..50 {
        body = app
            .client
            .get(app.url("/healthz"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if done(&body) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_says_whether_the_upstream_answered_recently() {
    let app = spawn_app(&[]).await;
    // The app probes the upstream once at start; poll until the probe has been answered.
    let body = health_once(&app, |b| b["upstream"]["answered_recently"] == true).await;
    assert_eq!(body["upstream"]["answered_recently"], true, "{body}");
    assert_eq!(body["upstream"]["last_failure"], Value::Null);
    assert!(app.sandbox.as_ref().expect("sandbox mode").hits() >= 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_reports_an_unreachable_upstream() {
    // Live mode pointed at a port nobody listens on.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let app = spawn_app(&[
        ("WATCHERS_API_KEY", "k"),
        ("WATCHERS_BEARER_TOKEN", "t"),
        ("WATCHERS_BASE_URL", &dead),
    ])
    .await;
    let body = health_once(&app, |b| b["upstream"]["last_failure"] != Value::Null).await;
    assert_eq!(body["status"], "ok", "the dashboard itself is up");
    assert_eq!(body["upstream"]["answered_recently"], false);
    assert_eq!(body["upstream"]["last_failure"], "connect", "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_in_live_mode_names_the_region_and_hides_the_credentials() {
    let app = spawn_app(&[
        ("WATCHERS_API_KEY", "canary-api-key-7f3a"),
        ("WATCHERS_BEARER_TOKEN", "canary-bearer-9c1d"),
        ("WATCHERS_REGION", "us"),
        ("WATCHERS_BASE_URL", "http://127.0.0.1:9"),
    ])
    .await;
    let (status, body) = app.get_text("/healthz").await;
    assert_eq!(status, 200);
    let json: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["mode"], "live");
    assert_eq!(json["region"], "us");
    assert!(!body.contains("canary"), "{body}");
}
