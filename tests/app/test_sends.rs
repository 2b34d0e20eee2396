//! "Send a test to me", on the server (the area called directly; its server functions and
//! buttons have tests of their own): a test goes to its sender's test audience alone, whatever
//! the form said, and once however often it is pressed; it needs the test ids it goes to. Its
//! removal is in `test_sends/removal.rs`.

mod removal;

use crate::support::{TestApp, count, readable, spawn_app};
use watchers_dashboard::error::AppError;
use watchers_dashboard::model::advertisement::form::{AdForm, LanguageForm};
use watchers_dashboard::model::draft::DraftKind;
use watchers_dashboard::model::offer::form::OfferForm;
use watchers_dashboard::model::staff::TestAudience;
use watchers_dashboard::model::targeting::AudienceType;
use watchers_dashboard::model::test_send::{TestSend, TestSendState};
use watchers_dashboard::model::time::{LocalTime, parse_iso};
use watchers_dashboard::server::auth::staff::{self, Account};
use watchers_dashboard::server::state::AppState;
use watchers_dashboard::server::test_sends;

/// How long a test stays up by default, in seconds.
pub const UP: i64 = 15 * 60;

/// The admin, keeping `users` (one a line) and `room` as their test audience.
pub async fn sender(app: &TestApp, users: &str, room: &str) -> Account {
    let admin = staff::find(&app.db, "admin").await.unwrap().expect("admin");
    let audience = TestAudience::from_form(users, room).expect("a test audience");
    assert!(
        staff::set_test_audience(&app.db, admin.id, &audience)
            .await
            .unwrap()
    );
    staff::find(&app.db, "admin").await.unwrap().unwrap()
}

/// A text offer titled `title`, for everyone (GLOBAL), starting in 2030.
pub fn offer(title: &str) -> OfferForm {
    OfferForm {
        title: title.into(),
        text: "Only in the chat".into(),
        link: "https://www.watchers.io/".into(),
        link_text: "Claim".into(),
        start: LocalTime {
            local: "2030-05-22T14:00".into(),
            offset: 0,
        },
        audience: "GLOBAL".into(),
        room_ids: "main-stage\nlobby".into(),
        ..OfferForm::default()
    }
}

/// An advertisement titled `title` for three rooms, sent in 2030.
fn advertisement(title: &str) -> AdForm {
    AdForm {
        send: LocalTime {
            local: "2030-05-22T14:00".into(),
            offset: 0,
        },
        room_ids: "main-stage\nlobby\nvip".into(),
        langs: vec![LanguageForm {
            lang: "en".into(),
            title: title.into(),
            text: "Tonight only".into(),
            link: "https://www.watchers.io/".into(),
            link_text: "Go".into(),
            pic: String::new(),
        }],
        ..AdForm::default()
    }
}

/// Sends the test offer titled `title` as `who`; answers the test and its offer's id upstream.
pub async fn sent(state: &AppState, who: &Account, title: &str) -> (TestSend, i64) {
    let test = test_sends::send(state, who, &offer(title))
        .await
        .expect("sent");
    let id = test.upstream_id.expect("its offer's id");
    (test, id)
}

/// Unix seconds of an ISO time.
pub fn seconds(iso: &str) -> i64 {
    parse_iso(iso).expect("an ISO time").timestamp()
}

/// Asserts `at` is `expected` give or take a few seconds (the test's own pace).
pub fn about(at: i64, expected: i64, what: &str) {
    assert!(
        (at - expected).abs() <= 5,
        "{what}: {at} is not about {expected}"
    );
}

/// Audit entries of `action` that ended `outcome`.
pub async fn audited(app: &TestApp, action: &str, outcome: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT actor, summary FROM audit_log WHERE action = $1 AND outcome = $2")
        .bind(action)
        .bind(outcome)
        .fetch_all(&app.db)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_offer_test_goes_to_the_test_users_alone_from_now_whatever_the_form_said() {
    let app = spawn_app(&[]).await;
    let state = app.state();
    let who = sender(&app, "fan-1\nfan-2", "r-test").await;
    let now = app.clock.now();
    let (test, id) = sent(&state, &who, "Double odds tonight").await;
    assert_eq!(test.kind, DraftKind::Offer);
    assert_eq!(test.state, TestSendState::Live);
    assert_eq!(test.by, "admin");
    assert_eq!(test.label, "Double odds tonight");
    about(seconds(&test.sent_at), now, "sent");
    about(seconds(&test.remove_at), now + UP, "removed");

    // What Watchers holds: USER, the test ids only, from now for 15 minutes (the form said
    // GLOBAL, from 2030, and named rooms).
    let sandbox = app.sandbox.as_ref().unwrap();
    let stored = sandbox.stored_offer(id).expect("the offer upstream");
    assert_eq!(stored.audience, AudienceType::User);
    assert_eq!(stored.external_user_ids, ["fan-1", "fan-2"]);
    assert!(stored.external_room_ids.is_empty());
    about(seconds(&stored.start_time), now, "start");
    about(
        seconds(stored.end_time.as_deref().expect("an end")),
        now + UP,
        "end",
    );
    assert_eq!(stored.title.as_deref(), Some("Double odds tonight"));

    // A ROOM form is aimed at the test users too; and no form's room ever gets it.
    let mut room = offer("Room only");
    room.audience = "ROOM".into();
    let test = test_sends::send(&state, &who, &room).await.expect("sent");
    let stored = sandbox.stored_offer(test.upstream_id.unwrap()).unwrap();
    assert_eq!(stored.audience, AudienceType::User);
    assert!(stored.external_room_ids.is_empty());

    // A start the form left empty does not stop a test (it starts now); a missing title does.
    let mut no_start = offer("No start");
    no_start.start = LocalTime::default();
    assert!(test_sends::send(&state, &who, &no_start).await.is_ok());
    let mut no_title = offer("");
    no_title.title.clear();
    match test_sends::send(&state, &who, &no_title).await {
        Err(AppError::Invalid { field, .. }) => assert_eq!(field.as_deref(), Some("title")),
        other => panic!("a missing title refuses the test: {other:?}"),
    }

    // Audited as a test send, marked as a test, listed for its sender, newest first.
    let sent = audited(&app, "test send", "ok").await;
    assert_eq!(sent.len(), 3, "{sent:?}");
    assert!(
        sent.iter().any(|(actor, summary)| actor == "admin"
            && summary == "sent a test of offer “Double odds tonight” to 2 test users"),
        "{sent:?}"
    );
    let ids = test_sends::upstream_ids(&state, DraftKind::Offer)
        .await
        .unwrap();
    assert!(ids.contains(&id));
    assert!(
        test_sends::upstream_ids(&state, DraftKind::Advertisement)
            .await
            .unwrap()
            .is_empty()
    );
    let listed: Vec<TestSend> = test_sends::list(&state, &who, Some(DraftKind::Offer))
        .await
        .unwrap();
    assert_eq!(listed.len(), 3);
    assert_eq!(listed[2].upstream_id, Some(id), "newest first");
    assert!(
        test_sends::list(&state, &who, Some(DraftKind::Advertisement))
            .await
            .unwrap()
            .is_empty()
    );
    // Nothing became a draft.
    assert_eq!(count(&app, "SELECT COUNT(*) FROM drafts").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_advertisement_test_goes_to_the_test_room_alone() {
    let app = spawn_app(&[]).await;
    let state = app.state();
    let who = sender(&app, "fan-1", "r-test").await;
    let now = app.clock.now();
    let test = test_sends::send(&state, &who, &advertisement("Big win"))
        .await
        .expect("sent");
    assert_eq!(test.kind, DraftKind::Advertisement);
    let id = test.upstream_id.expect("the new advertisement's id");
    let stored = app
        .sandbox
        .as_ref()
        .unwrap()
        .stored_advertisement(id)
        .expect("the advertisement upstream");
    let rooms: Vec<&str> = stored
        .external_room_ids
        .iter()
        .map(|r| r.as_str())
        .collect();
    assert_eq!(rooms, ["r-test"], "the form's three rooms are not sent to");
    about(seconds(stored.send_time.as_deref().unwrap()), now, "send");
    about(
        seconds(stored.delete_time.as_deref().unwrap()),
        now + UP,
        "Watchers' own delete",
    );
    let sent = audited(&app, "test send", "ok").await;
    assert_eq!(
        sent[0].1,
        "sent a test of advertisement “Big win” to test room r-test"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_test_ids_it_needs_a_test_says_what_to_set_and_sends_nothing() {
    let app = spawn_app(&[]).await;
    let state = app.state();
    let refused = |result: Result<TestSend, AppError>| match result {
        Err(AppError::Invalid { field, message }) => {
            assert_eq!(field.as_deref(), Some("test_audience"));
            message
        }
        other => panic!("refused for want of a test audience: {other:?}"),
    };
    let rooms_only = sender(&app, "", "r-test").await;
    assert_eq!(
        refused(test_sends::send(&state, &rooms_only, &offer("x")).await),
        "Set your test user ids on your Account page first."
    );
    let users_only = sender(&app, "fan-1", "").await;
    assert_eq!(
        refused(test_sends::send(&state, &users_only, &advertisement("x")).await),
        "Set your test room id on your Account page first."
    );
    assert!(audited(&app, "test send", "ok").await.is_empty());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM test_sends").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_test_pressed_twice_or_at_once_is_sent_once() {
    let app = spawn_app(&[]).await;
    let state = app.state();
    let who = sender(&app, "fan-1", "r-test").await;
    let form = offer("Pressed twice");
    // Two at the same moment (two tabs), then a third press.
    let (a, b) = tokio::join!(
        test_sends::send(&state, &who, &form),
        test_sends::send(&state, &who, &form)
    );
    let third = test_sends::send(&state, &who, &form).await;
    let sent: Vec<_> = [&a, &b, &third].into_iter().filter(|r| r.is_ok()).collect();
    assert_eq!(sent.len(), 1, "{a:?} {b:?} {third:?}");
    for result in [a, b, third].into_iter().filter(|r| r.is_err()) {
        match result {
            Err(AppError::Invalid { field, message }) => {
                assert_eq!(field.as_deref(), Some("test_send"));
                assert!(
                    message.starts_with("This same test is already up"),
                    "{message}"
                );
            }
            other => panic!("{other:?}"),
        }
    }
    let upstream = readable(state.upstream.list_offers(100, 0).await.unwrap());
    let copies = upstream
        .iter()
        .filter(|o| o.title.as_deref() == Some("Pressed twice"))
        .count();
    assert_eq!(copies, 1, "one offer upstream");
    assert_eq!(audited(&app, "test send", "ok").await.len(), 1);
    // Another test is another test.
    assert!(
        test_sends::send(&state, &who, &offer("Another"))
            .await
            .is_ok()
    );
}
