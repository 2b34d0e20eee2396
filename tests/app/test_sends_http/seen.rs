//! A sent test afterwards: listed on the account page with "Remove now", which takes it down
//! upstream (one's own only, and only for a role that may publish it); marked on the calendar and
//! in the explainer, and clashing with nothing.

use super::{admin_keeping, offer, post_plainly, row, send_test, tests_of};
use crate::marketing::json;
use crate::plan::calendar;
use crate::support::page;
use serde_json::Value;
use watchers_dashboard::model::staff::Role;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn remove_now_takes_ones_own_test_down_upstream() {
    let (app, admin) = admin_keeping("fan-1", "").await;
    let sent = send_test(&app, &admin).await;
    let notice = sent["notice"].as_str().unwrap();
    assert!(notice.starts_with("Sent a test of “Double odds tonight” to your test user;"));
    let test_id = sent["id"].as_i64().unwrap();
    let upstream = sent["upstream_id"].as_i64().unwrap();
    let id = test_id.to_string();
    let remove = [("kind", "offer"), ("id", id.as_str())];

    // Not by someone else, nor by a role that may not publish offers, nor as the other kind.
    let mia = app.staff_signed_in("mia", Role::Marketing).await;
    let max = app.staff_signed_in("max", Role::Moderator).await;
    let wrong = [("kind", "advertisement"), ("id", id.as_str())];
    let refused = [
        ("another's test is not found", &mia, &remove, 404),
        ("a role that may not publish offers", &max, &remove, 403),
        ("not a test of that kind", &admin, &wrong, 404),
    ];
    for (why, cookie, form, status) in refused {
        let r = app
            .call(Some(cookie.as_str()), "/api/test-sends/remove", form)
            .await;
        assert_eq!(r.status().as_u16(), status, "{why}");
    }
    assert_eq!(offer(&app, &admin, upstream).await.0, 200, "still up");

    // The account page lists it, live, with "Remove now"; pressed without JavaScript.
    let account = page(&app, &admin, "/account").await;
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
    let (app, admin) = admin_keeping("fan-1", "main-stage").await;
    let id = send_test(&app, &admin).await["upstream_id"]
        .as_i64()
        .unwrap();
    let key = format!("offer:{id}");

    // In this week's view, beside the seeded GLOBAL offer running now: marked, and no clash.
    let (status, view) = calendar(&app, &admin, &[("query[view]", "week")]).await;
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
    let html = page(&app, &admin, "/calendar?view=week").await;
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
