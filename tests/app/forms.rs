//! A form posted without JavaScript: what it did, or why it was refused, reaches the page it lands
//! on (in a cookie of a minute that only that page takes), and the address carries no `__err`.

use crate::support::{ADMIN_PASSWORD, TestApp, set_cookie, spawn_app};

const HTML: &str = "text/html,application/xhtml+xml,*/*;q=0.8";

/// Posts `form` to server function `path` as a browser's plain form on page `from`; answers the
/// status, the redirect's address and the landed cookie (`name=value`).
pub async fn post_plain(
    app: &TestApp,
    cookie: &str,
    path: &str,
    from: &str,
    form: &[(&str, &str)],
) -> (u16, String, Option<String>) {
    let response = app
        .client
        .post(app.url(path))
        .form(form)
        .header("accept", HTML)
        .header("referer", app.url(from))
        .header("cookie", cookie)
        .send()
        .await
        .expect("POST");
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let landed = set_cookie(&response, "watchers_landed");
    (response.status().as_u16(), location, landed)
}

/// The page at `path` as a browser asks for it, with `cookies`; answers its HTML and whether the
/// answer forgets the landed cookie.
async fn page(app: &TestApp, cookies: &str, path: &str) -> (String, bool) {
    let response = app
        .client
        .get(app.url(path))
        .header("accept", HTML)
        .header("cookie", cookies)
        .send()
        .await
        .expect("GET");
    let forgets = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|c| c.starts_with("watchers_landed=;") && c.contains("Max-Age=0"));
    (response.text().await.expect("body"), forgets)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plain_form_says_on_its_page_what_it_did_or_why_not() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let add = [
        ("username", "ann"),
        ("role", "moderator"),
        ("password", "a-good-long-password"),
    ];

    let (status, location, landed) =
        post_plain(&app, &admin, "/api/staff/add", "/staff", &add).await;
    assert_eq!(status, 302);
    assert!(location.ends_with("/staff"), "{location}");
    let landed = landed.expect("what it did goes with the redirect");
    // Another page leaves it for its own.
    let (home, forgets) = page(&app, &format!("{admin}; {landed}"), "/").await;
    assert!(!home.contains("data-testid=\"landed\"") && !forgets);
    let (html, forgets) = page(&app, &format!("{admin}; {landed}"), "/staff").await;
    assert!(
        html.contains("Added ann as Moderator. Tell them their password in person."),
        "{html}"
    );
    assert!(html.contains("role=\"status\" data-testid=\"landed\""));
    assert!(forgets, "the page takes it once");
    // Without it, nothing is said again.
    let (again, _) = page(&app, &admin, "/staff").await;
    assert!(!again.contains("data-testid=\"landed\""));

    // Refused: at the top and by its field; the address is the page's own.
    let (status, location, landed) =
        post_plain(&app, &admin, "/api/staff/add", "/staff", &add).await;
    assert_eq!(status, 302);
    assert!(location.ends_with("/staff"), "{location}");
    assert!(!location.contains("__err") && !location.contains("__path"));
    let landed = landed.expect("why it was refused goes with the redirect");
    let (html, _) = page(&app, &format!("{admin}; {landed}"), "/staff").await;
    assert!(
        html.contains("role=\"alert\" data-testid=\"landed\""),
        "{html}"
    );
    assert!(html.contains("data-field=\"username\""));
    assert!(html.contains("ann already exists."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_function_called_from_script_keeps_nothing_unless_it_sends_the_browser_on() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let landed = |response: &reqwest::Response| {
        response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|c| c.starts_with("watchers_landed="))
    };
    // Refused in place: the script shows it; nothing goes on to another page.
    let refused = app
        .call(
            Some(&admin),
            "/api/staff/add",
            &[("username", "a"), ("role", "admin"), ("password", "short")],
        )
        .await;
    assert_eq!(refused.status(), 422);
    assert!(!landed(&refused));
    assert!(!refused.headers().contains_key("x-dashboard-done"));
    // Done, and the script follows the redirect to the page that says so.
    let excluded = app
        .call(
            Some(&admin),
            "/api/exclusions/set",
            &[("user_id", "fan-7"), ("excluded", "true")],
        )
        .await;
    assert_eq!(excluded.status(), 200);
    assert!(excluded.headers().contains_key("serverfnredirect"));
    assert!(landed(&excluded));
    assert!(!excluded.headers().contains_key("x-dashboard-done"));
}
