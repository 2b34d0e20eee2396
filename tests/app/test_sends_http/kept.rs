//! A test sent without JavaScript loses nothing typed: the form is kept a while (never as the
//! draft) and the browser comes back to the composer with `?kept=<key>`, which shows it as it was
//! typed, sent or refused. Only its own person reads it back, and only while it is kept.

use super::{admin_keeping, post_plainly, test_form};
use crate::marketing::{drafts, json, with};
use crate::support::{ADMIN_PASSWORD, TestApp, count, page, spawn_app};
use serde_json::Value;
use watchers_dashboard::model::draft::{DraftKind, new_draft_key};
use watchers_dashboard::model::staff::Role;
use watchers_dashboard::server::db::kept_forms;

/// How the composer's title input shows `title`.
fn title_input(title: &str) -> String {
    format!("value=\"{title}\"")
}

/// Sends the offer composer's test titled `title` as a plain form from `/offers/new`; answers
/// the status, the kept form's key and the page the browser lands on.
async fn test_plainly(app: &TestApp, cookie: &str, title: &str) -> (u16, String, String) {
    let key = new_draft_key();
    let form = with(&test_form(&key), &[("form[title]", title)]);
    let (status, location, html) =
        post_plainly(app, cookie, "/api/offers/submit", "/offers/new", &form).await;
    let kept = location
        .strip_prefix("/offers/new?kept=")
        .unwrap_or_else(|| panic!("back to the new composer with the form kept: {location}"))
        .to_owned();
    (status, kept, html)
}

/// The kept form `key` as `cookie` reads it back (JSON text, or null).
async fn read_back(app: &TestApp, cookie: &str, key: &str) -> Value {
    let form = [("kind", "offer"), ("key", key)];
    let (status, body) = json(app.call(Some(cookie), "/api/test-sends/kept", &form).await).await;
    assert_eq!(status, 200, "{body}");
    body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_test_sent_without_javascript_comes_back_to_the_form_as_typed() {
    let (app, admin) = admin_keeping("fan-1", "").await;
    let (status, key, html) = test_plainly(&app, &admin, "Kept while testing").await;
    assert_eq!(status, 302);
    assert!(
        html.contains("Sent a test of “Kept while testing”"),
        "{html}"
    );
    assert!(html.contains(&title_input("Kept while testing")), "{html}");
    // The page drawn again from its address shows it too.
    let again = page(&app, &admin, &format!("/offers/new?kept={key}")).await;
    assert!(again.contains(&title_input("Kept while testing")));
    // Never as a draft.
    assert!(drafts(&app, &admin, "offer").await.is_empty());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM drafts").await, 0);
    let kept = read_back(&app, &admin, &key).await;
    assert!(
        kept.as_str()
            .is_some_and(|json| json.contains("Kept while testing")),
        "{kept}"
    );

    // Nobody else reads it, on the page or by the server function.
    let mia = app.staff_signed_in("mia", Role::Marketing).await;
    assert_eq!(read_back(&app, &mia, &key).await, Value::Null);
    let theirs = page(&app, &mia, &format!("/offers/new?kept={key}")).await;
    assert!(!theirs.contains("Kept while testing"), "an empty composer");
    // Nor as the other kind, nor by a key that is not one.
    let other = [("kind", "advertisement"), ("key", key.as_str())];
    let (_, body) = json(app.call(Some(&admin), "/api/test-sends/kept", &other).await).await;
    assert_eq!(body, Value::Null);
    assert_eq!(read_back(&app, &admin, "not-a-key").await, Value::Null);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_test_without_javascript_keeps_the_form_as_typed() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let (status, _, html) = test_plainly(&app, &admin, "Refused but kept").await;
    assert_eq!(status, 302);
    assert!(
        html.contains("data-testid=\"landed\""),
        "the refusal: {html}"
    );
    assert!(html.contains("Account page"), "{html}");
    assert!(html.contains(&title_input("Refused but kept")), "{html}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM drafts").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM test_sends").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kept_form_is_read_by_its_person_until_it_expires() {
    let app = spawn_app(&[]).await;
    let db = &app.db;
    let kind = DraftKind::Offer;
    let live = kept_forms::keep(db, kind, "ann", "{}", 2_000)
        .await
        .unwrap();
    let old = kept_forms::keep(db, kind, "ann", "{}", 1_000)
        .await
        .unwrap();
    assert_eq!(live.len(), 32);
    let ann = kept_forms::take(db, &live, kind, "ann", 1_500)
        .await
        .unwrap();
    assert_eq!(ann.as_deref(), Some("{}"));
    let bob = kept_forms::take(db, &live, kind, "bob", 1_500)
        .await
        .unwrap();
    assert_eq!(bob, None, "not another's");
    let expired = kept_forms::take(db, &old, kind, "ann", 1_500)
        .await
        .unwrap();
    assert_eq!(expired, None, "expired");
    let ad = DraftKind::Advertisement;
    let other = kept_forms::take(db, &live, ad, "ann", 1_500).await.unwrap();
    assert_eq!(other, None, "not as the other kind");
    assert_eq!(kept_forms::forget_before(db, 1_500).await.unwrap(), 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM kept_forms").await, 1);
}
