//! Sign-in, throttling, lockout, CSRF, security headers and limits, over real HTTP.

use crate::support::{ADMIN_PASSWORD, client_from, spawn_app};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_user_and_wrong_password_get_the_same_answer_and_keep_the_username() {
    let app = spawn_app(&[]).await;
    let wrong = app
        .post_login(&app.client, "admin", "not-the-password", "/")
        .await;
    let unknown = app
        .post_login(&app.client, "nobody", "not-the-password", "/")
        .await;
    assert_eq!(
        (wrong.status().as_u16(), unknown.status().as_u16()),
        (401, 401)
    );
    let wrong = wrong.text().await.unwrap();
    let unknown = unknown.text().await.unwrap();
    assert!(wrong.contains("Wrong username or password."));
    assert!(unknown.contains("Wrong username or password."));
    assert!(
        unknown.contains("value=\"nobody\""),
        "the username typed is kept"
    );
    assert!(
        !wrong.contains("not-the-password"),
        "the password is never echoed"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_wrong_passwords_back_to_back_the_sixth_to_tenth_are_429() {
    let app = spawn_app(&[]).await;
    let mut statuses = vec![];
    for _ in 0..10 {
        let response = app
            .post_login(&app.client, "admin", "wrong-password!", "/")
            .await;
        if response.status() == 429 {
            assert!(response.headers().contains_key("retry-after"));
        }
        statuses.push(response.status().as_u16());
    }
    assert_eq!(statuses, [401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    // Another address is not throttled.
    let other = client_from([127, 0, 0, 9]);
    let response = app.post_login(&other, "admin", ADMIN_PASSWORD, "/").await;
    assert_eq!(response.status(), 303);
    // 15 minutes on, the address may try again (its window starts afresh), and an address
    // whose window has passed is forgotten when another one's starts.
    let elsewhere = client_from([127, 0, 0, 10]);
    let response = app
        .post_login(&elsewhere, "admin", "wrong-password!", "/")
        .await;
    assert_eq!(response.status(), 401);
    app.clock.advance(15 * 60 + 1);
    let response = app
        .post_login(&app.client, "admin", "wrong-password!", "/")
        .await;
    assert_eq!(response.status(), 401, "a new window");
    let addresses: Vec<String> = sqlx::query_scalar("SELECT address FROM sign_in_throttle")
        .fetch_all(&app.db)
        .await
        .unwrap();
    assert_eq!(addresses, ["127.0.0.1"], "127.0.0.10's window had passed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_passwords_from_elsewhere_never_lock_the_real_person_out() {
    let app = spawn_app(&[]).await;
    for ip in [[127, 0, 0, 2], [127, 0, 0, 3]] {
        let client = client_from(ip);
        for _ in 0..5 {
            let response = app
                .post_login(&client, "admin", "wrong-password!", "/")
                .await;
            assert_eq!(response.status(), 401);
        }
    }
    let fresh = client_from([127, 0, 0, 4]);
    let response = app.post_login(&fresh, "admin", ADMIN_PASSWORD, "/").await;
    assert_eq!(
        response.status(),
        303,
        "the lock is per username and address"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_username_locked_from_an_address_is_unlocked_by_an_admin() {
    let app = spawn_app(&[]).await;
    // Ten attempts in a row from 127.0.0.5 (as after a restart, past the address throttle).
    sqlx::query("INSERT INTO login_attempts (username, address, failures) VALUES ('admin', '127.0.0.5', 10)")
        .execute(&app.db)
        .await
        .unwrap();
    let locked = client_from([127, 0, 0, 5]);
    let response = app.post_login(&locked, "admin", ADMIN_PASSWORD, "/").await;
    assert_eq!(
        response.status(),
        429,
        "locked even with the right password"
    );
    assert!(response.headers().contains_key("retry-after"));
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Too many failed sign-ins for this username")
    );
    let elsewhere = client_from([127, 0, 0, 6]);
    let cookie = app.sign_in_from(&elsewhere, "admin", ADMIN_PASSWORD).await;
    let staff = app.call(Some(&cookie), "/api/staff/list", &[]).await;
    let staff: Value = staff.json().await.unwrap();
    assert_eq!(staff[0]["locked"], true, "{staff}");
    let unlocked = app
        .call(Some(&cookie), "/api/staff/unlock", &[("username", "admin")])
        .await;
    assert_eq!(unlocked.status(), 200);
    let response = app.post_login(&locked, "admin", ADMIN_PASSWORD, "/").await;
    assert_eq!(response.status(), 303, "unlocked");
    let entries = app
        .call(
            Some(&cookie),
            "/api/audit/list",
            &[("page", "0"), ("filter[area]", "staff")],
        )
        .await;
    let entries: Value = entries.json().await.unwrap();
    assert_eq!(entries["entries"][0]["action"], "unlock");
}

/// Sixty wrong passwords at the same moment from one address: each is counted before its
/// password is checked, so only the first few are checked and the rest are refused with 429.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_concurrent_wrong_sign_ins_are_mostly_refused_unchecked() {
    let app = spawn_app(&[]).await;
    let url = app.url("/auth/login");
    let mut attempts = tokio::task::JoinSet::new();
    for _ in 0..60 {
        let (client, url) = (app.client.clone(), url.clone());
        attempts.spawn(async move {
            let form = [
                ("username", "admin"),
                ("password", "wrong-password!"),
                ("next", "/"),
            ];
            client
                .post(url)
                .form(&form)
                .send()
                .await
                .expect("attempt")
                .status()
                .as_u16()
        });
    }
    let statuses: Vec<u16> = attempts.join_all().await;
    let checked = statuses.iter().filter(|s| **s == 401).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    assert!(
        (1..=10).contains(&checked),
        "checked {checked}: {statuses:?}"
    );
    assert_eq!(checked + refused, 60, "{statuses:?}");
    let failures: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in' AND summary = 'wrong username or password'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(
        failures as usize, checked,
        "only the checked ones reached a password check"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overlong_username_is_refused_before_any_database_work() {
    let app = spawn_app(&[]).await;
    let long = "a".repeat(65);
    let response = app
        .post_login(&app.client, &long, "whatever-password", "/")
        .await;
    assert_eq!(response.status(), 401);
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM login_attempts")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(rows, 0, "nothing was counted in the database");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn next_is_followed_only_to_local_paths() {
    let app = spawn_app(&[]).await;
    for (next, expected) in [
        ("/audit?area=auth", "/audit?area=auth"),
        ("//evil.example/x", "/"),
        ("https://evil.example", "/"),
    ] {
        let response = app
            .post_login(&app.client, "admin", ADMIN_PASSWORD, next)
            .await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], expected, "next={next}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_state_changes_are_refused() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let host = app.base_url.trim_start_matches("http://").to_owned();
    let send = |headers: Vec<(&'static str, String)>| {
        let mut request = app
            .client
            .post(app.url("/api/staff/list"))
            .header("cookie", &admin)
            .header("accept", "application/json")
            .form(&[("x", "")]);
        for (name, value) in headers {
            request = request.header(name, value);
        }
        request.send()
    };
    let evil = send(vec![("origin", "http://evil.example".into())])
        .await
        .unwrap();
    assert_eq!(evil.status(), 403);
    let cross = send(vec![("sec-fetch-site", "cross-site".into())])
        .await
        .unwrap();
    assert_eq!(cross.status(), 403);
    // A sibling subdomain, an opaque origin and another port of this host are other sites too.
    let port = host.rsplit(':').next().unwrap().parse::<u16>().unwrap();
    for headers in [
        vec![("sec-fetch-site", "same-site".into())],
        vec![("origin", "null".into())],
        vec![(
            "origin",
            format!("http://127.0.0.1:{}", port.wrapping_add(1)),
        )],
    ] {
        let refused = send(headers.clone()).await.unwrap();
        assert_eq!(refused.status(), 403, "{headers:?}");
    }
    // Signing out is a state change too: a cross-site sign-out is refused, the session stays.
    let logout = app
        .client
        .post(app.url("/auth/logout"))
        .header("cookie", &admin)
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), 403);
    assert_eq!(
        app.get_as(&admin, "/").await.status(),
        200,
        "still signed in"
    );
    let same = send(vec![
        ("origin", format!("http://{host}")),
        ("sec-fetch-site", "same-origin".into()),
    ])
    .await
    .unwrap();
    assert_eq!(same.status(), 200);
    let login = app
        .client
        .post(app.url("/auth/login"))
        .header("origin", "http://evil.example")
        .form(&[("username", "admin"), ("password", ADMIN_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 403, "login CSRF is refused too");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_carry_a_nonce_policy_and_the_security_headers() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let response = app.get_as(&admin, "/").await;
    let headers = response.headers().clone();
    let csp = headers["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("'wasm-unsafe-eval'") && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|r| r.split('\'').next())
        .expect("a nonce");
    let html = response.text().await.unwrap();
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "scripts carry the nonce"
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "same-origin");
    assert_eq!(
        headers["cache-control"], "no-store",
        "pages are never cached"
    );
    assert!(
        headers["permissions-policy"]
            .to_str()
            .unwrap()
            .contains("camera=()")
    );
    assert!(
        csp.contains("connect-src 'self';"),
        "no websockets outside `make watch`: {csp}"
    );
    let answer = app.call(Some(&admin), "/api/auth/me", &[]).await;
    assert_eq!(
        answer.headers()["cache-control"],
        "no-store",
        "server functions neither"
    );
    let csv = app.get_as(&admin, "/audit.csv").await;
    assert_eq!(
        csv.headers()["cache-control"],
        "no-store",
        "nor the audit export"
    );
    let asset = app
        .client
        .get(app.url("/favicon.svg"))
        .send()
        .await
        .unwrap();
    assert_ne!(
        asset
            .headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap()),
        Some("no-store"),
        "static assets may be cached"
    );
    let other = app.get_as(&admin, "/").await;
    assert_ne!(
        other.headers()["content-security-policy"],
        headers["content-security-policy"],
        "a fresh nonce per page"
    );
}

/// A body over the limit is refused with 413 before anything reads it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_over_the_limit_is_answered_413() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let ids = "user-0123456789\n".repeat(70_000);
    let response = app
        .call(
            Some(&admin),
            "/api/badges/users",
            &[("id", "1"), ("mode", "add"), ("ids", ids.as_str())],
        )
        .await;
    assert_eq!(response.status(), 413);
    let login = app
        .client
        .post(app.url("/auth/login"))
        .form(&[("username", "admin"), ("password", ids.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 413);
}
