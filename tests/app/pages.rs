//! The server-rendered shell: complete HTML without JavaScript, a real 404, the shell server function.

use crate::support::{ADMIN_PASSWORD, spawn_app};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn home_page_renders_the_shell_with_badge_region_and_navigation() {
    let app = spawn_app(&[]).await;
    let cookie = app.sign_in("admin", ADMIN_PASSWORD).await;
    let response = app.get_as(&cookie, "/").await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("Watchers Dashboard"));
    assert!(html.contains(">SANDBOX<"), "mode badge missing: {html}");
    assert!(html.contains("EU · Europe"), "region missing");
    assert!(html.contains("data-testid=\"user-menu\""));
    for href in [
        "/badges",
        "/offers",
        "/advertisements",
        "/exclusions",
        "/rooms",
        "/audit",
        "/staff",
    ] {
        assert!(
            html.contains(&format!("href=\"{href}\"")),
            "no link to {href}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_mode_shows_live_badge_and_never_the_credentials() {
    let app = spawn_app(&[
        ("WATCHERS_API_KEY", "canary-api-key-7f3a"),
        ("WATCHERS_BEARER_TOKEN", "canary-bearer-9c1d"),
        ("WATCHERS_REGION", "za"),
        // Never the real host: these machines reach no network, and tests stay on loopback.
        ("WATCHERS_BASE_URL", "http://127.0.0.1:9"),
    ])
    .await;
    let (_, html) = app.get_text("/login").await;
    assert!(html.contains(">LIVE<"));
    assert!(html.contains("ZA · Africa"));
    assert!(!html.contains("canary"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_address_answers_404_with_a_page() {
    let app = spawn_app(&[]).await;
    let cookie = app.sign_in("admin", ADMIN_PASSWORD).await;
    let response = app.get_as(&cookie, "/no/such/page").await;
    assert_eq!(response.status(), 404);
    let html = response.text().await.unwrap();
    assert!(html.contains("Page not found"));
    assert!(html.contains("Watchers Dashboard"), "404 keeps the shell");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shell_info_server_function_answers_over_http() {
    let app = spawn_app(&[("WATCHERS_REGION", "hk")]).await;
    let response = app
        .client
        .post(app.url("/api/system/shell-info"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["mode"], "sandbox");
    assert_eq!(body["region"], "hk");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_send_anonymous_visitors_to_sign_in_and_back() {
    let app = spawn_app(&[]).await;
    let (status, _) = app.get_text("/audit?person=ann").await;
    assert_eq!(status, 303);
    let response = app
        .client
        .get(app.url("/audit?person=ann"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.headers()["location"],
        "/login?next=%2Faudit%3Fperson%3Dann"
    );
    let (status, html) = app.get_text("/login?next=%2Faudit").await;
    assert_eq!(status, 200);
    assert!(html.contains("action=\"/auth/login\""));
    assert!(
        html.contains("value=\"/audit\""),
        "next is carried in the form"
    );
}
