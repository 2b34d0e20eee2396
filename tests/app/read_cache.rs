//! The copy of the platforms' answers the pages read (`server::read_cache`), turned on (every
//! other test app has it off): a page viewed again asks the platform nothing, a change made
//! through the dashboard is seen on the very next view, and on another replica within a second.

use crate::support::{
    ADMIN_PASSWORD, BADGE_FORM, MANGO_BADGE_FORM, TestApp, database_url, page, replica_of,
    sandbox_on_loopback, spawn_app,
};
use serde_json::Value;
use std::time::{Duration, Instant};

/// Long enough that only a change, never the time, can make a test see a new answer.
const KEPT_MS: &str = "60000";

/// Waits until Watchers answered the app's health probe at start, so the sandbox's count of
/// requests moves only with what the test asks.
async fn probed(app: &TestApp) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while app
        .state()
        .upstream
        .health()
        .last_answer_seconds_ago
        .is_none()
    {
        assert!(
            Instant::now() < deadline,
            "the health probe was not answered"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Calls server function `path` and answers its JSON; it must answer 200.
async fn json(app: &TestApp, cookie: &str, path: &str, form: &[(&str, &str)]) -> Value {
    let response = app.call(Some(cookie), path, form).await;
    let status = response.status();
    let body = response.text().await.expect("body");
    assert_eq!(status, 200, "{path}: {body}");
    serde_json::from_str(&body).expect("JSON")
}

/// The first page of badges, newest first, as `/api/badges/list` answers it.
async fn badges(app: &TestApp, cookie: &str) -> Value {
    let first = [("page", "0"), ("order", "id_desc")];
    json(app, cookie, "/api/badges/list", &first).await
}

/// The ids of the readable badges of a list.
fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .expect("a list")
        .iter()
        .filter_map(|record| record["Read"]["id"].as_i64())
        .collect()
}

/// A badge made through the dashboard: its id.
async fn create_badge(app: &TestApp, cookie: &str) -> i64 {
    let id = json(app, cookie, "/api/badges/create", BADGE_FORM).await;
    id.as_i64().expect("an id")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_badge_page_viewed_again_asks_watchers_nothing_and_a_change_is_seen_at_once() {
    let app = spawn_app(&[("DASHBOARD_READ_CACHE_MS", KEPT_MS)]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let sandbox = app.sandbox.clone().expect("the in-process sandbox");
    probed(&app).await;

    let before = sandbox.hits();
    let first = badges(&app, &admin).await;
    assert_eq!(sandbox.hits() - before, 1, "the first view asks Watchers");
    assert_eq!(badges(&app, &admin).await, first, "the same answer");
    page(&app, &admin, "/badges").await;
    assert_eq!(
        sandbox.hits() - before,
        1,
        "the second view and the page (the same page of the same list) asked Watchers nothing"
    );

    // A badge made through the dashboard is on the very next view.
    let id = create_badge(&app, &admin).await;
    assert!(
        ids(&badges(&app, &admin).await).contains(&id),
        "listed at once"
    );
    let html = page(&app, &admin, "/badges").await;
    assert!(html.contains("⭐ Star"), "on the page at once");

    // Its page, kept, then changed through the dashboard: the next view shows the change.
    let id_text = id.to_string();
    let one = [("id", id_text.as_str())];
    let read = json(&app, &admin, "/api/badges/get", &one).await;
    assert_eq!(read["text"], "⭐ Star");
    let asked = sandbox.hits();
    json(&app, &admin, "/api/badges/get", &one).await;
    assert_eq!(sandbox.hits(), asked, "the badge's page is kept too");
    let mut renamed = one.to_vec();
    renamed.extend(BADGE_FORM.iter().copied());
    renamed[1] = ("form[text]", "Renamed star");
    json(&app, &admin, "/api/badges/update", &renamed).await;
    let read = json(&app, &admin, "/api/badges/get", &one).await;
    assert_eq!(read["text"], "Renamed star", "seen at once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tagmangos_list_and_a_badges_page_read_tagmango_once_between_them() {
    let app = spawn_app(&[("DASHBOARD_READ_CACHE_MS", KEPT_MS)]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let sandbox = app.sandbox.clone().expect("the in-process sandbox");
    probed(&app).await;
    let created = json(&app, &admin, "/api/tagmango/create", MANGO_BADGE_FORM).await;
    let id = created.as_str().expect("an id").to_owned();

    let before = sandbox.hits();
    let list = json(&app, &admin, "/api/tagmango/list", &[]).await;
    let listed = list
        .as_array()
        .expect("a list")
        .iter()
        .any(|record| record["Read"]["_id"] == id.as_str());
    assert!(listed, "the new badge is listed: {list}");
    let one = [("id", id.as_str())];
    let badge = json(&app, &admin, "/api/tagmango/get", &one).await;
    assert_eq!(badge["name"], "Thousand club");
    json(&app, &admin, "/api/tagmango/list", &[]).await;
    json(&app, &admin, "/api/tagmango/get", &one).await;
    assert_eq!(
        sandbox.hits() - before,
        1,
        "two lists and two badge pages: one call to TagMango"
    );

    let mut renamed: Vec<(&str, &str)> = vec![("id", id.as_str())];
    renamed.extend(MANGO_BADGE_FORM.iter().copied());
    renamed[1] = ("form[name]", "Renamed club");
    json(&app, &admin, "/api/tagmango/update", &renamed).await;
    let badge = json(&app, &admin, "/api/tagmango/get", &one).await;
    assert_eq!(badge["name"], "Renamed club", "seen at once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_made_on_one_replica_is_seen_on_another_within_a_second() {
    // Two apps on one database and one Watchers (a sandbox of their own), each keeping answers
    // a minute: only the change's announcement can make B read Watchers again.
    let (sandbox, upstream) = sandbox_on_loopback(true).await;
    let dir = tempfile::tempdir().unwrap();
    let database = database_url(dir.path()).await;
    let mut vars = replica_of(&database, &upstream);
    vars.push(("DASHBOARD_READ_CACHE_MS", KEPT_MS));
    let a = spawn_app(&vars).await;
    let b = spawn_app(&vars).await;
    probed(&a).await;
    probed(&b).await;
    let admin = a.sign_in("admin", ADMIN_PASSWORD).await;

    let before = ids(&badges(&b, &admin).await);
    let asked = sandbox.hits();
    assert_eq!(ids(&badges(&b, &admin).await), before);
    assert_eq!(sandbox.hits(), asked, "B keeps the list");

    let id = create_badge(&a, &admin).await;
    assert!(!before.contains(&id));
    assert!(ids(&badges(&a, &admin).await).contains(&id), "on A at once");
    let start = Instant::now();
    while !ids(&badges(&b, &admin).await).contains(&id) {
        assert!(
            start.elapsed() < Duration::from_secs(1),
            "B did not see A's new badge within a second"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    eprintln!("A's new badge reached B after {:?}", start.elapsed());
}
