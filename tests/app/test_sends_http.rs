//! "Send a test to me" through the composers' own forms, over HTTP as a browser posts them (with
//! JavaScript, and as a plain form without): an offer test goes to the sender's test user ids
//! alone (USER, whatever the form said) and leaves the draft as it was; without test ids it is
//! refused with the way to the Account page; a role that may not publish cannot send one. Once
//! sent, "Remove now" and the marks on the calendar and in the explainer are in
//! `test_sends_http/seen.rs`; the form as typed, kept for the composer a plain form comes back
//! to, in `test_sends_http/kept.rs`.

mod kept;
mod seen;

use crate::forms::post_plain;
use crate::marketing::{AD, OFFER, audit, drafts, json, with};
use crate::support::{ADMIN_PASSWORD, TestApp, page, spawn_app};
use crate::test_audience::keep;
use crate::undo::quiet_hits;
use serde_json::Value;
use watchers_dashboard::model::draft::new_draft_key;
use watchers_dashboard::model::staff::Role;
use watchers_dashboard::model::time::parse_iso;

/// Keeps `cookie`'s test audience: user ids one a line and a room.
async fn keep_audience(app: &TestApp, cookie: &str, user_ids: &str, room: &str) {
    let (status, body) = keep(app, cookie, user_ids, room).await;
    assert_eq!(status, 200, "{body}");
}

/// A started app and the admin's cookie, the admin keeping `user_ids` and `room` as their test
/// audience.
async fn admin_keeping(user_ids: &str, room: &str) -> (TestApp, String) {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    keep_audience(&app, &admin, user_ids, room).await;
    (app, admin)
}

/// The offer composer's form with draft `key`, its "Send a test to me" button pressed.
fn test_form(key: &str) -> Vec<(&str, &str)> {
    with(OFFER, &[("draft_key", key), ("intent", "test")])
}

/// Sends the offer composer's test as its JavaScript does (the answer comes in place, no
/// redirect); answers the answer's `TestSent`.
async fn send_test(app: &TestApp, cookie: &str) -> Value {
    let key = new_draft_key();
    let response = app
        .call(Some(cookie), "/api/offers/submit", &test_form(&key))
        .await;
    assert!(response.headers().get("location").is_none(), "no redirect");
    let (status, body) = json(response).await;
    assert_eq!(status, 200, "{body}");
    body["TestSent"].clone()
}

/// [`post_plain`], then the page it lands on with what the post did (empty when it goes
/// nowhere); answers the status, where it goes (the path alone) and that page.
async fn post_plainly(
    app: &TestApp,
    cookie: &str,
    path: &str,
    from: &str,
    form: &[(&str, &str)],
) -> (u16, String, String) {
    let (status, location, landed) = post_plain(app, cookie, path, from, form).await;
    let location = location
        .strip_prefix(&app.base_url)
        .unwrap_or(&location)
        .to_owned();
    let html = match landed {
        Some(landed) => page(app, &format!("{cookie}; {landed}"), &location).await,
        None => String::new(),
    };
    (status, location, html)
}

/// Offer `id` as the dashboard reads it (item and report), with the status.
async fn offer(app: &TestApp, cookie: &str, id: i64) -> (u16, Value) {
    let id = id.to_string();
    json(
        app.call(Some(cookie), "/api/offers/get", &[("id", id.as_str())])
            .await,
    )
    .await
}

/// `cookie`'s own tests of `kind`, as the "Test sends" panel lists them.
async fn tests_of(app: &TestApp, cookie: &str, kind: &str) -> Vec<Value> {
    let (status, body) = json(
        app.call(Some(cookie), "/api/test-sends/list", &[("kind", kind)])
            .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body.as_array().cloned().unwrap_or_default()
}

/// The row of item `id` in a list page's HTML (`data-offer-id`, `data-ad-id`).
fn row<'a>(html: &'a str, attribute: &str, id: i64) -> &'a str {
    let start = html
        .find(&format!("{attribute}=\"{id}\""))
        .unwrap_or_else(|| panic!("no row for {id}"));
    let rest = &html[start..];
    &rest[..rest.find("</tr>").unwrap_or(rest.len())]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_offer_test_goes_to_the_senders_test_users_alone_and_leaves_the_draft() {
    let (app, admin) = admin_keeping("fan-1\nfan-2", "main-stage").await;
    // A draft that reaches everyone, saved first.
    let key = new_draft_key();
    let saved = with(
        OFFER,
        &[
            ("draft_key", key.as_str()),
            ("intent", "draft"),
            ("form[audience]", "GLOBAL"),
        ],
    );
    let (status, _) = json(app.call(Some(&admin), "/api/offers/submit", &saved).await).await;
    assert_eq!(status, 200);
    let draft_page = format!("/offers/drafts/{key}");
    let draft = || async {
        json(
            app.call(Some(&admin), "/api/offers/get-draft", &[("key", &key)])
                .await,
        )
        .await
        .1
    };
    let before = draft().await;

    // The same composer's form, changed and sent as a test without JavaScript: the browser comes
    // back to the composer, which says what was sent and when it goes.
    let test = with(
        &test_form(&key),
        &[
            ("form[audience]", "GLOBAL"),
            ("form[title]", "Try-out of tonight"),
        ],
    );
    let (status, location, html) =
        post_plainly(&app, &admin, "/api/offers/submit", &draft_page, &test).await;
    assert_eq!(status, 302);
    assert!(
        location.starts_with(&format!("{draft_page}?kept=")),
        "back to the composer, the form kept: {location}"
    );
    assert!(
        html.contains("value=\"Try-out of tonight\""),
        "the title as typed, not as saved"
    );
    assert!(
        html.contains(
            "Sent a test of “Try-out of tonight” to your 2 test users; it will be removed at "
        ),
        "the landed note: {html}"
    );
    assert!(html.contains("data-testid=\"test-sends\""), "the panel");

    // The draft is as it was: not saved again, not published, not removed.
    let after = draft().await;
    assert_eq!(after, before, "the draft is untouched");
    assert_eq!(after["form"]["title"], "Double odds tonight");

    // Upstream: USER at the test ids only, from now, whatever the form said.
    let sent = tests_of(&app, &admin, "offer").await;
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0]["label"], "Try-out of tonight");
    assert_eq!(sent[0]["by"], "admin");
    let id = sent[0]["upstream_id"].as_i64().expect("its offer's id");
    let (status, got) = offer(&app, &admin, id).await;
    assert_eq!(status, 200, "{got}");
    assert_eq!(got["item"]["type"], "USER", "never GLOBAL: {got}");
    assert_eq!(got["item"]["title"], "Try-out of tonight");
    let start = got["item"]["startTime"].as_str().and_then(parse_iso);
    let now = chrono::Utc::now();
    assert!(
        start.is_some_and(|s| (s - now).num_minutes().abs() <= 2),
        "starts now, not when the form said: {got}"
    );
    assert!(got["item"]["endTime"].as_str().is_some(), "it ends");
    // GET does not answer the ids an offer was sent to: the sandbox shows what it keeps.
    let stored = app
        .sandbox
        .as_ref()
        .expect("the in-process sandbox")
        .stored_offer(id)
        .expect("the test offer is kept upstream");
    assert_eq!(
        stored.external_user_ids,
        ["fan-1", "fan-2"],
        "the test ids only"
    );
    assert!(stored.external_room_ids.is_empty(), "no room: {stored:?}");

    // Audited as a test send, and marked as a test in the list (the seeded offers are not).
    let entries = audit(&app, &admin, "offers").await;
    assert!(
        entries.iter().any(|e| e["action"] == "test send"),
        "{entries:?}"
    );
    let list = page(&app, &admin, "/offers").await;
    assert!(row(&list, "data-offer-id", id).contains("data-testid=\"test-mark\""));
    assert_eq!(
        list.matches("data-testid=\"test-mark\"").count(),
        1,
        "only the test"
    );
    // And on its own page.
    let own = page(&app, &admin, &format!("/offers/{id}")).await;
    assert!(own.contains("data-testid=\"test-send-note\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_test_ids_a_test_is_refused_and_the_account_page_named() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let before = quiet_hits(&app).await;
    let key = new_draft_key();
    let form = test_form(&key);
    let (status, body) = json(app.call(Some(&admin), "/api/offers/submit", &form).await).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["Invalid"]["field"], "test_audience");
    let message = body["Invalid"]["message"].as_str().unwrap();
    assert!(message.contains("Account page"), "{message}");
    let sandbox = app.sandbox.as_ref().unwrap();
    assert_eq!(sandbox.hits(), before, "nothing reached Watchers");
    assert!(
        drafts(&app, &admin, "offer").await.is_empty(),
        "no draft kept either"
    );

    // Without JavaScript: back to the composer, which says why, and says what to set where.
    let (status, location, html) =
        post_plainly(&app, &admin, "/api/offers/submit", "/offers/new", &form).await;
    assert_eq!(status, 302);
    assert!(location.starts_with("/offers/new?kept="), "{location}");
    assert!(
        html.contains("role=\"alert\" data-testid=\"landed\""),
        "{html}"
    );
    assert!(html.contains(message), "the refusal at the top");
    assert!(html.contains("data-testid=\"test-send-unset\""));
    assert!(html.contains("href=\"/account#test-audience\""));
    assert!(!html.contains("data-testid=\"send-test\""), "no button");

    // An offer test needs user ids: a room alone does not make one.
    keep_audience(&app, &admin, "", "main-stage").await;
    let (status, _) = json(app.call(Some(&admin), "/api/offers/submit", &form).await).await;
    assert_eq!(status, 422);
    // With ids the composer offers the button.
    keep_audience(&app, &admin, "fan-1", "").await;
    let composer = page(&app, &admin, "/offers/new").await;
    assert!(composer.contains("data-testid=\"send-test\""));
    assert!(composer.contains("value=\"test\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_role_that_may_not_publish_cannot_send_a_test() {
    let app = spawn_app(&[]).await;
    let max = app.staff_signed_in("max", Role::Moderator).await;
    keep_audience(&app, &max, "fan-1", "main-stage").await;
    let before = quiet_hits(&app).await;
    let key = new_draft_key();
    let r = app
        .call(Some(&max), "/api/offers/submit", &test_form(&key))
        .await;
    assert_eq!(r.status(), 403);
    let ad_test = with(AD, &[("draft_key", key.as_str()), ("intent", "test")]);
    let r = app
        .call(Some(&max), "/api/advertisements/submit", &ad_test)
        .await;
    assert_eq!(r.status(), 403);
    let sandbox = app.sandbox.as_ref().unwrap();
    assert_eq!(sandbox.hits(), before, "nothing reached Watchers");
    assert!(tests_of(&app, &max, "offer").await.is_empty());
    // Their account page shows no test panel.
    let account = page(&app, &max, "/account").await;
    assert!(!account.contains("data-testid=\"test-sends\""));
}
