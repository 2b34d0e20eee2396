//! The server-rendered shell: complete HTML without JavaScript, a real 404, the shell server function.

use crate::support::spawn_app;
use serde_json::Value;

#[tokio::test]
async fn home_page_renders_the_shell_with_badge_region_and_navigation() {
    let app = spawn_app(&[]).await;
    let (status, html) = app.get_text("/").await;
    assert_eq!(status, 200);
    assert!(html.contains("Watchers Dashboard"));
    assert!(html.contains(">SANDBOX<"), "mode badge missing: {html}");
    assert!(html.contains("EU · Europe"), "region missing");
    for href in ["/badges", "/offers", "/advertisements", "/rooms", "/audit"] {
        assert!(
            html.contains(&format!("href=\"{href}\"")),
            "no link to {href}"
        );
    }
}

#[tokio::test]
async fn live_mode_shows_live_badge_and_never_the_credentials() {
    let app = spawn_app(&[
        ("WATCHERS_API_KEY", "canary-api-key-7f3a"),
        ("WATCHERS_BEARER_TOKEN", "canary-bearer-9c1d"),
        ("WATCHERS_REGION", "za"),
        // Never the real host: these machines reach no network, and tests stay on loopback.
        ("WATCHERS_BASE_URL", "http://127.0.0.1:9"),
    ])
    .await;
    let (_, html) = app.get_text("/badges").await;
    assert!(html.contains(">LIVE<"));
    assert!(html.contains("ZA · Africa"));
    assert!(!html.contains("canary"));
}

#[tokio::test]
async fn unknown_address_answers_404_with_a_page() {
    let app = spawn_app(&[]).await;
    let (status, html) = app.get_text("/no/such/page").await;
    assert_eq!(status, 404);
    assert!(html.contains("Page not found"));
    assert!(html.contains("Watchers Dashboard"), "404 keeps the shell");
}

#[tokio::test]
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
