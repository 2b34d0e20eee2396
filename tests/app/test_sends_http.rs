//! "Send a test to me" through the composers' own forms, over HTTP as a browser posts them (with
//! JavaScript, and as a plain form without): an offer test goes to the sender's test user ids
//! alone (USER, whatever the form said) and leaves the draft as it was; without test ids it is
//! refused with the way to the Account page; "Remove now" takes it down upstream (one's own only);
//! the lists, the calendar and the explainer mark it, and it clashes with nothing; a role that may
//! not publish cannot send one.

use crate::marketing::{OFFER, audit, json, with};
use crate::support::{ADMIN_PASSWORD, TestApp, set_cookie, spawn_app};
use serde_json::Value;
use watchers_dashboard::model::draft::new_draft_key;
use watchers_dashboard::model::staff::Role;
use watchers_dashboard::model::time::parse_iso;

const HTML: &str = "text/html,application/xhtml+xml,*/*;q=0.8";

/// Keeps `cookie`'s test audience: user ids one a line and a room.
async fn keep_audience(app: &TestApp, cookie: &str, user_ids: &str, room: &str) {
    let form = [("test_user_ids", user_ids), ("test_room_id", room)];
    let (status, body) = json(
        app.call(Some(cookie), "/api/auth/test-audience", &form)
            .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
}

/// Posts `form` to server function `path` as a browser's plain form on page `from` does (no
/// JavaScript); answers the status, where it goes, and the page it lands on with what the post
/// did (empty when it goes nowhere).
async fn post_plainly(
    app: &TestApp,
    cookie: &str,
    path: &str,
    from: &str,
    form: &[(&str, &str)],
) -> (u16, String, String) {
    let posted = app
        .client
        .post(app.url(path))
        .form(form)
        .header("accept", HTML)
        .header("referer", app.url(from))
        .header("cookie", cookie)
        .send()
        .await
        .expect("POST");
    let status = posted.status().as_u16();
    let location = posted
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let location = location
        .strip_prefix(&app.base_url)
        .unwrap_or(&location)
        .to_owned();
    let Some(landed) = set_cookie(&posted, "watchers_landed") else {
        return (status, location, String::new());
    };
    let html = app
        .client
        .get(app.url(&location))
        .header("accept", HTML)
        .header("cookie", format!("{cookie}; {landed}"))
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
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
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    keep_audience(&app, &admin, "fan-1\nfan-2", "main-stage").await;
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
    let (_, before) = json(
        app.call(Some(&admin), "/api/offers/get-draft", &[("key", &key)])
            .await,
    )
    .await;

    // The same composer's form, changed and sent as a test without JavaScript: the browser comes
    // back to the composer, which says what was sent and when it goes.
    let test = with(
        OFFER,
        &[
            ("draft_key", key.as_str()),
            ("intent", "test"),
            ("form[audience]", "GLOBAL"),
            ("form[title]", "Try-out of tonight"),
        ],
    );
    let (status, location, html) =
        post_plainly(&app, &admin, "/api/offers/submit", &draft_page, &test).await;
    assert_eq!(status, 302);
    assert_eq!(location, draft_page, "back to the composer");
    assert!(
        html.contains(
            "Sent a test of “Try-out of tonight” to your 2 test users; it will be removed at "
        ),
        "the landed note: {html}"
    );
    assert!(html.contains("data-testid=\"test-sends\""), "the panel");

    // The draft is as it was: not saved again, not published, not removed.
    let (_, after) = json(
        app.call(Some(&admin), "/api/offers/get-draft", &[("key", &key)])
            .await,
    )
    .await;
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
    let list = app.get_as(&admin, "/offers").await.text().await.unwrap();
    assert!(row(&list, "data-offer-id", id).contains("data-testid=\"test-mark\""));
    assert_eq!(
        list.matches("data-testid=\"test-mark\"").count(),
        1,
        "only the test"
    );
    // And on its own page.
    let page = app
        .get_as(&admin, &format!("/offers/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("data-testid=\"test-send-note\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_test_ids_a_test_is_refused_and_the_account_page_named() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let sandbox = app.sandbox.clone().unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let before = sandbox.hits();
    let key = new_draft_key();
    let form = with(OFFER, &[("draft_key", key.as_str()), ("intent", "test")]);
    let (status, body) = json(app.call(Some(&admin), "/api/offers/submit", &form).await).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["Invalid"]["field"], "test_audience");
    let message = body["Invalid"]["message"].as_str().unwrap();
    assert!(message.contains("Account page"), "{message}");
    assert_eq!(sandbox.hits(), before, "nothing reached Watchers");
    let (_, drafts) = json(
        app.call(Some(&admin), "/api/drafts/list", &[("kind", "offer")])
            .await,
    )
    .await;
    assert_eq!(drafts, Value::Array(vec![]), "no draft kept either");

    // Without JavaScript: back to the composer, which says why, and says what to set where.
    let (status, location, html) =
        post_plainly(&app, &admin, "/api/offers/submit", "/offers/new", &form).await;
    assert_eq!(status, 302);
    assert_eq!(location, "/offers/new");
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
    let composer = app
        .get_as(&admin, "/offers/new")
        .await
        .text()
        .await
        .unwrap();
    assert!(composer.contains("data-testid=\"send-test\""));
    assert!(composer.contains("value=\"test\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn remove_now_takes_ones_own_test_down_upstream() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    keep_audience(&app, &admin, "fan-1", "").await;
    let key = new_draft_key();
    let form = with(OFFER, &[("draft_key", key.as_str()), ("intent", "test")]);
    // With JavaScript: the composer shows the answer in place (no redirect).
    let response = app.call(Some(&admin), "/api/offers/submit", &form).await;
    assert!(response.headers().get("location").is_none());
    let (status, body) = json(response).await;
    assert_eq!(status, 200, "{body}");
    let notice = body["TestSent"]["notice"].as_str().unwrap();
    assert!(notice.starts_with("Sent a test of “Double odds tonight” to your test user;"));
    let test_id = body["TestSent"]["test"]["id"].as_i64().unwrap();
    let upstream = body["TestSent"]["test"]["upstream_id"].as_i64().unwrap();
    let id = test_id.to_string();
    let remove = [("kind", "offer"), ("id", id.as_str())];

    // Not by someone else, nor by a role that may not publish offers.
    app.add_staff("mia", Role::Marketing, "mia-password-1234")
        .await;
    let mia = app.sign_in("mia", "mia-password-1234").await;
    let r = app
        .call(Some(&mia), "/api/test-sends/remove", &remove)
        .await;
    assert_eq!(r.status(), 404, "another's test is not found");
    app.add_staff("max", Role::Moderator, "max-password-1234")
        .await;
    let max = app.sign_in("max", "max-password-1234").await;
    let r = app
        .call(Some(&max), "/api/test-sends/remove", &remove)
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(offer(&app, &admin, upstream).await.0, 200, "still up");
    // Nor as the other kind.
    let wrong = [("kind", "advertisement"), ("id", id.as_str())];
    let r = app
        .call(Some(&admin), "/api/test-sends/remove", &wrong)
        .await;
    assert_eq!(r.status(), 404);

    // The account page lists it, live, with "Remove now"; pressed without JavaScript.
    let account = app.get_as(&admin, "/account").await.text().await.unwrap();
    let listed = row(&account, "data-test-send", test_id);
    assert!(listed.contains("data-state=\"live\""), "{listed}");
    assert!(listed.contains("data-testid=\"remove-test-send\""));
    let (status, location, html) =
        post_plainly(&app, &admin, "/api/test-sends/remove", "/account", &remove).await;
    assert_eq!((status, location.as_str()), (302, "/account"));
    assert!(
        html.contains("Removed the test “Double odds tonight”."),
        "{html}"
    );
    assert!(row(&html, "data-test-send", test_id).contains("data-state=\"removed\""));
    assert!(!row(&html, "data-test-send", test_id).contains("remove-test-send"));
    assert_eq!(offer(&app, &admin, upstream).await.0, 404, "gone upstream");
    // Mia's own list never showed it.
    assert!(tests_of(&app, &mia, "offer").await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_test_is_marked_on_the_calendar_and_in_the_explainer_and_clashes_with_nothing() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    keep_audience(&app, &admin, "fan-1", "main-stage").await;
    let key = new_draft_key();
    let form = with(OFFER, &[("draft_key", key.as_str()), ("intent", "test")]);
    let (status, body) = json(app.call(Some(&admin), "/api/offers/submit", &form).await).await;
    assert_eq!(status, 200, "{body}");
    let id = body["TestSent"]["test"]["upstream_id"].as_i64().unwrap();
    let key = format!("offer:{id}");

    // In this week's view, beside the seeded GLOBAL offer running now: marked, and no clash.
    let (status, view) = json(
        app.call(
            Some(&admin),
            "/api/plan/calendar",
            &[("query[view]", "week")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{view}");
    let item = view["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == key.as_str())
        .expect("the test on the calendar");
    assert_eq!(item["test"], true);
    let clashes = view["clashes"].as_array().unwrap();
    assert!(
        clashes.iter().all(|c| !c["keys"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k == key.as_str())),
        "{clashes:?}"
    );
    let id_text = id.to_string();
    let (status, own) = json(
        app.call(
            Some(&admin),
            "/api/plan/item-clashes",
            &[("kind", "offer"), ("id", id_text.as_str())],
        )
        .await,
    )
    .await;
    assert_eq!((status, own), (200, Value::Array(vec![])));
    let html = app
        .get_as(&admin, "/calendar?view=week")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("agenda-bar--test"));

    // "Why won't it show?" says first that it is a test.
    let (status, explained) = json(
        app.call(
            Some(&admin),
            "/api/plan/explain",
            &[
                ("kind", "offer"),
                ("id", id_text.as_str()),
                ("query[user]", "fan-1"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{explained}");
    assert_eq!(explained["answer"]["lines"][0]["check"], "Test send");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_role_that_may_not_publish_cannot_send_a_test() {
    let app = spawn_app(&[]).await;
    app.add_staff("max", Role::Moderator, "max-password-1234")
        .await;
    let max = app.sign_in("max", "max-password-1234").await;
    keep_audience(&app, &max, "fan-1", "main-stage").await;
    let sandbox = app.sandbox.clone().unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let before = sandbox.hits();
    let key = new_draft_key();
    let offer_test = with(OFFER, &[("draft_key", key.as_str()), ("intent", "test")]);
    let r = app
        .call(Some(&max), "/api/offers/submit", &offer_test)
        .await;
    assert_eq!(r.status(), 403);
    let ad_test = [
        ("draft_key", key.as_str()),
        ("intent", "test"),
        ("form[template]", "2"),
        ("form[langs][0][lang]", "en"),
        ("form[langs][0][title]", "Big match"),
        ("form[langs][0][text]", "Watch with us"),
        ("form[langs][0][link]", "https://watchers.io"),
        ("form[langs][0][link_text]", "More"),
    ];
    let r = app
        .call(Some(&max), "/api/advertisements/submit", &ad_test)
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(sandbox.hits(), before, "nothing reached Watchers");
    assert!(tests_of(&app, &max, "offer").await.is_empty());
    // Their account page shows no test panel.
    let account = app.get_as(&max, "/account").await.text().await.unwrap();
    assert!(!account.contains("data-testid=\"test-sends\""));
}
