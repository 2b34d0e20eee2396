//! Sessions over real HTTP: the cookie, a new id at sign-in, idle and absolute expiry (on the
//! server's clock, moved on by the test), and changes to an account reaching its live sessions.

use crate::support::{ADMIN_PASSWORD, session_cookie, spawn_app};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use watchers_dashboard::host::serve::HEADER_READ_TIMEOUT;
use watchers_dashboard::model::staff::Role;
use watchers_dashboard::server::auth::accounts::OUT_OF_PROCESS_SECONDS;
use watchers_dashboard::server::auth::session::{ABSOLUTE_SECONDS, IDLE_MINUTES};
use watchers_dashboard::server::auth::staff;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_cookie_is_strict_and_changes_at_sign_in() {
    let app = spawn_app(&[]).await;
    let response = app
        .post_login(&app.client, "admin", ADMIN_PASSWORD, "/")
        .await;
    let header = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(header.starts_with("watchers_session="), "{header}");
    for part in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(header.contains(part), "{part} in {header}");
    }
    assert!(!header.contains("Secure"), "plain-http development mode");
    let first = session_cookie(&response).unwrap();
    let again = app
        .client
        .post(app.url("/auth/login"))
        .header("cookie", &first)
        .form(&[
            ("username", "admin"),
            ("password", ADMIN_PASSWORD),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    let second = session_cookie(&again).expect("a new cookie at sign-in");
    assert_ne!(first, second, "the session id changes at sign-in");
    assert_eq!(
        app.get_as(&first, "/").await.status(),
        303,
        "the old session id is refused after signing in again"
    );
    assert_eq!(app.get_as(&second, "/").await.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_https_the_cookie_is_secure_and_host_prefixed() {
    let app = spawn_app(&[("DASHBOARD_PUBLIC_URL", "https://dashboard.example")]).await;
    let response = app
        .post_login(&app.client, "admin", ADMIN_PASSWORD, "/")
        .await;
    let header = response.headers()["set-cookie"].to_str().unwrap();
    assert!(header.starts_with("__Host-watchers_session="), "{header}");
    assert!(header.contains("Secure"));
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains",
        "HSTS when the public address is https"
    );
    let plain = spawn_app(&[]).await;
    let (_, _) = plain.get_text("/healthz").await;
    let answer = plain
        .client
        .get(plain.url("/healthz"))
        .send()
        .await
        .unwrap();
    assert!(!answer.headers().contains_key("strict-transport-security"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_out_password_change_and_disabling_end_sessions_on_the_server() {
    let app = spawn_app(&[]).await;
    app.add_staff("mia", Role::Marketing, "mia-password-1234")
        .await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;

    let mia_a = app.sign_in("mia", "mia-password-1234").await;
    let mia_b = app.sign_in("mia", "mia-password-1234").await;
    assert_eq!(app.get_as(&mia_a, "/").await.status(), 200);
    let changed = app
        .call(
            Some(&mia_a),
            "/api/auth/change-password",
            &[
                ("current", "mia-password-1234"),
                ("new_password", "mia-new-password-99"),
            ],
        )
        .await;
    assert_eq!(changed.status(), 200, "{:?}", changed.text().await);
    assert_eq!(
        app.get_as(&mia_b, "/").await.status(),
        303,
        "the other session ended"
    );
    // The session that changed the password continues (under a new id).
    let mia_a = session_cookie(&changed).unwrap_or(mia_a);
    assert_eq!(app.get_as(&mia_a, "/").await.status(), 200);

    let disabled = app
        .call(
            Some(&admin),
            "/api/staff/set-disabled",
            &[("username", "mia"), ("disabled", "true")],
        )
        .await;
    assert_eq!(disabled.status(), 200);
    assert_eq!(
        app.get_as(&mia_a, "/").await.status(),
        303,
        "disabling ended it"
    );
    let refused = app
        .post_login(&app.client, "mia", "mia-new-password-99", "/")
        .await;
    assert_eq!(refused.status(), 401);

    assert_eq!(app.sign_out(&admin).await.status(), 303);
    assert_eq!(
        app.get_as(&admin, "/").await.status(),
        303,
        "signed out on the server"
    );
}

/// A role change and a password reset by an admin take effect on a live session's very next
/// server-function call; the session id from before sign-in is refused after it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn role_changes_and_resets_reach_live_sessions_at_once() {
    let app = spawn_app(&[]).await;
    app.add_staff("mia", Role::Marketing, "mia-password-1234")
        .await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let mia = app.sign_in("mia", "mia-password-1234").await;
    let drafts = |cookie: String| {
        let app = &app;
        async move {
            app.call(Some(&cookie), "/api/drafts/list", &[("kind", "offer")])
                .await
                .status()
                .as_u16()
        }
    };
    assert_eq!(
        drafts(mia.clone()).await,
        200,
        "marketing may list offer drafts"
    );
    let demoted = app
        .call(
            Some(&admin),
            "/api/staff/set-role",
            &[("username", "mia"), ("role", "moderator")],
        )
        .await;
    assert_eq!(demoted.status(), 200);
    assert_eq!(
        drafts(mia.clone()).await,
        403,
        "the next call sees the new role"
    );
    let reset = app
        .call(
            Some(&admin),
            "/api/staff/reset-password",
            &[("username", "mia"), ("password", "mia-reset-password-1")],
        )
        .await;
    assert_eq!(reset.status(), 200);
    assert_eq!(drafts(mia).await, 401, "a reset ends the session at once");

    // The cookie a visitor held before signing in is not the session after it.
    let before = app.client.get(app.url("/login")).send().await.unwrap();
    let anonymous = session_cookie(&before);
    let signed_in = app.sign_in("admin", ADMIN_PASSWORD).await;
    if let Some(anonymous) = anonymous {
        assert_ne!(anonymous, signed_in, "a new id at sign-in");
        assert_eq!(app.get_as(&anonymous, "/").await.status(), 303);
    }
}

/// A made-up session id sent at sign-in is not the session after it, and stays refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_planted_session_id_is_replaced_at_sign_in() {
    let app = spawn_app(&[]).await;
    let planted = "watchers_session=AAAAAAAAAAAAAAAAAAAAAA";
    let response = app
        .client
        .post(app.url("/auth/login"))
        .header("cookie", planted)
        .form(&[
            ("username", "admin"),
            ("password", ADMIN_PASSWORD),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let issued = session_cookie(&response).expect("a cookie at sign-in");
    assert_ne!(issued, planted);
    assert_eq!(app.get_as(planted, "/").await.status(), 303);
    let me = app.call(Some(planted), "/api/auth/me", &[]).await;
    assert_eq!(
        me.text().await.unwrap(),
        "null",
        "nobody is signed in under it"
    );
    assert_eq!(app.get_as(&issued, "/").await.status(), 200);
}

/// 30 minutes without a request end a session; a request within them keeps it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_idle_for_thirty_minutes_ends() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let idle = IDLE_MINUTES * 60;
    for _ in 0..3 {
        app.clock.advance(idle - 60);
        assert_eq!(
            app.get_as(&admin, "/").await.status(),
            200,
            "used within 30 minutes: still signed in"
        );
    }
    app.clock.advance(idle + 1);
    let call = app
        .call(Some(&admin), "/api/drafts/list", &[("kind", "offer")])
        .await;
    assert_eq!(
        call.status(),
        401,
        "idle too long: the server function refuses"
    );
    let page = app.get_as(&admin, "/badges").await;
    assert_eq!(page.status(), 303);
    assert_eq!(page.headers()["location"], "/login?next=%2Fbadges");
    let signed_in_again = app.sign_in("admin", ADMIN_PASSWORD).await;
    assert_eq!(app.get_as(&signed_in_again, "/").await.status(), 200);
}

/// 12 hours after sign-in a session ends however busy it is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_ends_twelve_hours_after_sign_in_however_busy() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let step = 20 * 60;
    let mut elapsed = 0;
    // Up to 20 minutes short of 12 hours: the real clock moves on a little during the test too.
    while elapsed + step < ABSOLUTE_SECONDS {
        app.clock.advance(step);
        elapsed += step;
        let me = app.call(Some(&admin), "/api/auth/me", &[]).await;
        assert_ne!(
            me.text().await.unwrap(),
            "null",
            "signed in after {elapsed} s"
        );
    }
    app.clock.advance(ABSOLUTE_SECONDS - elapsed + 1);
    let me = app.call(Some(&admin), "/api/auth/me", &[]).await;
    assert_eq!(me.text().await.unwrap(), "null", "past 12 hours");
    assert_eq!(app.get_as(&admin, "/").await.status(), 303);
}

/// A change made outside the server (the `user` command writes the database itself) reaches a
/// live session within the time the server trusts the accounts it holds in memory.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_from_the_command_line_reaches_a_live_session_soon() {
    let app = spawn_app(&[]).await;
    app.add_staff("mia", Role::Marketing, "mia-password-1234")
        .await;
    let mia = app.sign_in("mia", "mia-password-1234").await;
    let drafts = || app.call(Some(&mia), "/api/drafts/list", &[("kind", "offer")]);
    assert_eq!(drafts().await.status(), 200);
    assert!(staff::set_disabled(&app.db, "mia", true).await.unwrap());
    let deadline = tokio::time::Instant::now() + Duration::from_secs(OUT_OF_PROCESS_SECONDS + 2);
    loop {
        let status = drafts().await.status();
        if status == 401 {
            break;
        }
        assert_eq!(status, 200);
        assert!(
            tokio::time::Instant::now() < deadline,
            "still signed in {OUT_OF_PROCESS_SECONDS} s after being disabled elsewhere"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// A client that sends its headers and never finishes them is disconnected.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_slow_to_send_its_headers_is_disconnected() {
    let app = spawn_app(&[]).await;
    let address = app.base_url.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        .await
        .unwrap();
    let mut rest = Vec::new();
    let closed = tokio::time::timeout(
        HEADER_READ_TIMEOUT + Duration::from_secs(10),
        stream.read_to_end(&mut rest),
    )
    .await;
    assert!(closed.is_ok(), "the connection is still open");
    let answer = String::from_utf8_lossy(&rest);
    assert!(
        rest.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "{answer}"
    );
    // A prompt client on a fresh connection is served as ever.
    assert_eq!(app.get_text("/healthz").await.0, 200);
}
