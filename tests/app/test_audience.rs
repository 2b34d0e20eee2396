//! The test audience each person keeps on their account page (the Watchers user ids and room
//! "Send a test to me" sends to): saved and read back, refused by its field (as a plain form
//! without JavaScript too), cleared, kept per person, and audited.

use crate::marketing::{audit, json};
use crate::support::{ADMIN_PASSWORD, TestApp, set_cookie, spawn_app};
use serde_json::{Value, json as value};
use watchers_dashboard::model::staff::Role;

/// Keeps `cookie`'s test audience (user ids one a line, and a room) through the account page's
/// server function; answers its status and answer.
pub async fn keep(app: &TestApp, cookie: &str, user_ids: &str, room_id: &str) -> (u16, Value) {
    let form = [("test_user_ids", user_ids), ("test_room_id", room_id)];
    json(
        app.call(Some(cookie), "/api/auth/test-audience", &form)
            .await,
    )
    .await
}

async fn kept(app: &TestApp, cookie: &str) -> Value {
    let (_, me) = json(app.call(Some(cookie), "/api/auth/me", &[]).await).await;
    me["test_audience"].clone()
}

/// Posts the account page's form as a browser without JavaScript does; answers the page it
/// lands on, with what the post did.
async fn post_plainly(app: &TestApp, cookie: &str, user_ids: &str, room_id: &str) -> String {
    let posted = app
        .client
        .post(app.url("/api/auth/test-audience"))
        .header("cookie", cookie)
        .header("accept", "text/html")
        .header("referer", app.url("/account"))
        .form(&[("test_user_ids", user_ids), ("test_room_id", room_id)])
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status().as_u16(), 302);
    let back = posted.headers()["location"].to_str().unwrap().to_owned();
    let back = back.strip_prefix(&app.base_url).unwrap_or(&back).to_owned();
    assert_eq!(back, "/account", "the address stays clean");
    let landed = set_cookie(&posted, "watchers_landed").expect("the landed cookie");
    app.client
        .get(app.url(&back))
        .header("accept", "text/html")
        .header("cookie", format!("{cookie}; {landed}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_person_keeps_their_own_test_audience_and_a_change_is_audited() {
    let app = spawn_app(&[]).await;
    app.add_staff("zoe", Role::Moderator, "zoe-password-12345")
        .await;
    let zoe = app.sign_in("zoe", "zoe-password-12345").await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let empty = value!({ "user_ids": [], "room_id": null });
    assert_eq!(kept(&app, &zoe).await, empty, "none kept yet");

    // One a line (commas and spaces separate too), trimmed and unique; read back as kept.
    let (status, body) = keep(&app, &zoe, " fan-1\nfan-2, fan-1\n", " r-1 ").await;
    assert_eq!(status, 200, "{body}");
    let saved = value!({ "user_ids": ["fan-1", "fan-2"], "room_id": "r-1" });
    assert_eq!(body, saved);
    assert_eq!(kept(&app, &zoe).await, saved);
    // Hers alone.
    assert_eq!(kept(&app, &admin).await, empty);
    let (status, _) = keep(&app, &admin, "boss-1", "").await;
    assert_eq!(status, 200);
    assert_eq!(kept(&app, &zoe).await, saved, "another's save leaves hers");
    assert_eq!(
        kept(&app, &admin).await,
        value!({ "user_ids": ["boss-1"], "room_id": null })
    );
    // The account page shows what is kept in its fields.
    let html = app.get_as(&zoe, "/account").await.text().await.unwrap();
    assert!(html.contains("Your test audience"));
    assert!(
        html.contains("fan-1\nfan-2</textarea>"),
        "the user ids, one a line"
    );
    assert!(html.contains(r#"name="test_room_id" value="r-1""#));

    // Audited, for whoever saved it.
    let entries = audit(&app, &admin, "auth").await;
    let mine = |actor: &str| {
        entries
            .iter()
            .filter(|e| e["action"] == "set_test_audience" && e["actor"] == actor)
            .cloned()
            .collect::<Vec<_>>()
    };
    let hers = mine("zoe");
    assert_eq!(hers.len(), 1, "{entries:?}");
    assert_eq!(hers[0]["target"], "zoe");
    assert_eq!(hers[0]["outcome"], "ok");
    assert_eq!(hers[0]["summary"], "Test audience: 2 user ids, room r-1");
    assert_eq!(
        mine("admin")[0]["summary"],
        "Test audience: 1 user id, no room"
    );

    // Both emptied: cleared, and audited so.
    let (status, body) = keep(&app, &zoe, " \n ", " ").await;
    assert_eq!((status, &body), (200, &empty), "{body}");
    assert_eq!(kept(&app, &zoe).await, empty);
    let entries = audit(&app, &admin, "auth").await;
    assert!(
        entries.iter().any(|e| e["actor"] == "zoe"
            && e["action"] == "set_test_audience"
            && e["summary"] == "Test audience: cleared"),
        "{entries:?}"
    );

    // Signed out: refused.
    let (status, _) = json(
        app.call(
            None,
            "/api/auth/test-audience",
            &[("test_user_ids", "fan-1"), ("test_room_id", "")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_id_is_refused_by_its_field_and_nothing_is_kept() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    assert_eq!(keep(&app, &admin, "fan-1", "r-1").await.0, 200);
    let before = kept(&app, &admin).await;

    // A user id too long to be one.
    let long = "x".repeat(201);
    let (status, body) = keep(&app, &admin, &format!("fan-2\n{long}"), "r-2").await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["Invalid"]["field"], "test_user_ids");
    let message = body["Invalid"]["message"].as_str().unwrap();
    assert!(message.contains("cannot be a test user id"), "{message}");
    // A room id that cannot be one.
    let (status, body) = keep(&app, &admin, "fan-2", "no/such/room").await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["Invalid"]["field"], "test_room_id");
    // More than a handful.
    let many: Vec<String> = (1..=51).map(|i| format!("fan-{i}")).collect();
    let (status, body) = keep(&app, &admin, &many.join("\n"), "").await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["Invalid"]["field"], "test_user_ids");
    assert_eq!(kept(&app, &admin).await, before, "nothing kept");
    let entries = audit(&app, &admin, "auth").await;
    let saves = entries
        .iter()
        .filter(|e| e["action"] == "set_test_audience")
        .count();
    assert_eq!(saves, 1, "a refusal changes nothing, so is not audited");

    // The same without JavaScript: back to the account page, the message by the field.
    let html = post_plainly(&app, &admin, &format!("fan-2\n{long}"), "r-2").await;
    let by_field = html
        .split(r#"data-field="test_user_ids""#)
        .nth(1)
        .expect("a message by the field");
    assert!(
        by_field.contains("A user id is one line of at most 200 characters."),
        "{by_field}"
    );
    assert_eq!(kept(&app, &admin).await, before, "nothing kept");
    // And a save, which the page it lands on says.
    let html = post_plainly(&app, &admin, "fan-2\nfan-3", "r-2").await;
    assert!(
        html.contains("Your test audience has been saved: 2 user ids, room r-2."),
        "the landed note"
    );
    assert_eq!(
        kept(&app, &admin).await,
        value!({ "user_ids": ["fan-2", "fan-3"], "room_id": "r-2" })
    );
}
