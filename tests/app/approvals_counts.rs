//! The header's approval counts, held in memory (`server::approvals::counts`), stay right: a
//! request made, decided or opened is counted at once on the app that wrote it, within a poll on
//! another app sharing its database, and a request past its time stops waiting with nothing
//! written.

use crate::approvals::{ask_for_global_offer, decide, people, turn_on};
use crate::marketing::json;
use crate::support::{ADMIN_PASSWORD, TestApp, count, database_url, spawn_app};
use std::time::{Duration, Instant};

/// How long another app may take to see a change: well under the five seconds a copy is
/// trusted without an announcement (`counts::TRUSTED_FOR`), so only the poll can make it.
const WITHIN: Duration = Duration::from_secs(2);

/// `cookie`'s count `field` (`waiting` or `decided`) as `auth/me` answers it on `app`.
async fn header_count(app: &TestApp, cookie: &str, field: &str) -> i64 {
    let (status, me) = json(app.call(Some(cookie), "/api/auth/me", &[]).await).await;
    assert_eq!(status, 200, "{me}");
    me[field]
        .as_i64()
        .unwrap_or_else(|| panic!("{field} in {me}"))
}

/// Reads `cookie`'s count `field` on `app` until it is `want`, for [`WITHIN`] at most; answers
/// how long it took.
async fn reaches(app: &TestApp, cookie: &str, field: &str, want: i64) -> Duration {
    let start = Instant::now();
    loop {
        let now = header_count(app, cookie, field).await;
        if now == want {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < WITHIN,
            "{field} is {now}, not {want}, after {WITHIN:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Whether the page `path`, drawn for `cookie`, shows the count with the test id `id`.
async fn page_shows(app: &TestApp, cookie: &str, path: &str, id: &str) -> bool {
    let page = app.get_as(cookie, path).await.text().await.unwrap();
    page.contains(&format!("data-testid=\"{id}\""))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_header_counts_a_request_as_it_is_made_decided_and_opened() {
    let app = spawn_app(&[]).await;
    let (admin, mia, _) = people(&app).await;
    turn_on(&app, &admin, &["publish_global_offer"]).await;
    // Read once first, so that what follows is read from the copies in memory.
    assert_eq!(header_count(&app, &admin, "waiting").await, 0);
    assert_eq!(header_count(&app, &mia, "decided").await, 0);
    assert!(!page_shows(&app, &admin, "/", "approvals-count").await);

    let rejected = ask_for_global_offer(&app, &mia).await;
    assert_eq!(header_count(&app, &admin, "waiting").await, 1);
    assert!(page_shows(&app, &admin, "/", "approvals-count").await);
    assert_eq!(
        header_count(&app, &mia, "waiting").await,
        0,
        "not the requester's"
    );
    let (status, body) = decide(&app, &admin, rejected, "reject", "Wrong week").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(header_count(&app, &admin, "waiting").await, 0);
    assert!(!page_shows(&app, &admin, "/", "approvals-count").await);
    assert_eq!(header_count(&app, &mia, "decided").await, 1);
    assert!(page_shows(&app, &mia, "/", "decided-count").await);

    let approved = ask_for_global_offer(&app, &mia).await;
    assert_eq!(header_count(&app, &admin, "waiting").await, 1);
    let (status, body) = decide(&app, &admin, approved, "approve", "").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["state"], "sent", "{body}");
    assert_eq!(header_count(&app, &admin, "waiting").await, 0);
    assert_eq!(
        header_count(&app, &mia, "decided").await,
        2,
        "rejected and sent"
    );

    // Opening one's own decided request is seeing it.
    let page = app.get_as(&mia, &format!("/approvals/{rejected}")).await;
    assert_eq!(page.status(), 200);
    assert_eq!(header_count(&app, &mia, "decided").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_made_on_one_app_is_counted_on_another_sharing_its_database() {
    let dir = tempfile::tempdir().unwrap();
    let url = database_url(dir.path()).await;
    let a = spawn_app(&[("DATABASE_URL", url.as_str())]).await;
    let b = spawn_app(&[("DATABASE_URL", url.as_str())]).await;
    let (admin, mia, _) = people(&a).await;
    turn_on(&a, &admin, &["publish_global_offer"]).await;
    // B holds its counts in memory before A changes anything.
    assert_eq!(header_count(&b, &admin, "waiting").await, 0);
    assert_eq!(header_count(&a, &mia, "decided").await, 0);

    let request = ask_for_global_offer(&a, &mia).await;
    assert_eq!(header_count(&a, &admin, "waiting").await, 1, "at once on A");
    let took = reaches(&b, &admin, "waiting", 1).await;
    eprintln!("A's request was counted on B after {took:?}");

    let (status, body) = decide(&b, &admin, request, "reject", "Wrong week").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(header_count(&b, &admin, "waiting").await, 0, "at once on B");
    let took = reaches(&a, &admin, "waiting", 0).await;
    eprintln!("B's decision left A's waiting count after {took:?}");
    reaches(&a, &mia, "decided", 1).await;
    assert!(page_shows(&a, &mia, "/", "decided-count").await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_past_its_time_stops_waiting_before_anything_expires_it() {
    let app = spawn_app(&[]).await;
    let (admin, mia, _) = people(&app).await;
    turn_on(&app, &admin, &["publish_global_offer"]).await;
    ask_for_global_offer(&app, &mia).await;
    assert_eq!(header_count(&app, &admin, "waiting").await, 1);
    assert_eq!(header_count(&app, &mia, "decided").await, 0);

    app.clock.advance(24 * 3600 + 60);
    // A day on, the sessions have ended too; signing in writes no request.
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let mia = app.sign_in("mia", "mia-password-1234").await;
    assert_eq!(header_count(&app, &admin, "waiting").await, 0);
    assert_eq!(
        header_count(&app, &mia, "decided").await,
        1,
        "past its time, it counts as decided for its requester"
    );
    let pending = "SELECT COUNT(*) FROM approvals WHERE state = 'pending'";
    assert_eq!(
        count(&app, pending).await,
        1,
        "judged by the clock alone: nothing expired it yet"
    );
    assert!(!page_shows(&app, &admin, "/", "approvals-count").await);

    // The approvals list expires it; the counts stay as they were.
    let (status, list) = json(app.call(Some(&admin), "/api/approvals/list", &[]).await).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(count(&app, pending).await, 0);
    assert_eq!(header_count(&app, &admin, "waiting").await, 0);
    assert_eq!(header_count(&app, &mia, "decided").await, 1);
}
