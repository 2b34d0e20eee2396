//! The database down (PostgreSQL cut off), hung (every connection held) or locked (SQLite, a
//! write lock held by another process): every page, sign-in and server function answers within
//! 2.5 s with 503, `Retry-After` and plain words saying nothing was changed; and everything works
//! again without a restart once the database is back.

use crate::marketing::{OFFER, with};
use crate::support::{
    ADMIN_PASSWORD, TestApp, client_from, postgres_app_with_a_switch, postgres_run, spawn_app,
};
use serde_json::Value;
use std::time::{Duration, Instant};
use watchers_dashboard::model::draft::new_draft_key;

/// How long any answer may take while the database is in trouble.
const BOUND: Duration = Duration::from_millis(2500);

/// Asserts `response` is the plain 503 of a database not answering, received within [`BOUND`].
async fn plain_503(what: &str, started: Instant, response: reqwest::Response) -> String {
    let took = started.elapsed();
    let status = response.status();
    let retry = response.headers().get("retry-after").cloned();
    let body = response.text().await.unwrap();
    eprintln!("{what}: {status} in {took:?}");
    assert_eq!(status, 503, "{what}: {body}");
    assert!(retry.is_some(), "{what}: no Retry-After");
    assert!(took < BOUND, "{what} took {took:?}");
    assert!(!body.trim().is_empty(), "{what}: an empty body");
    body
}

/// A page, a server function that reads, one that writes, and a sign-in, all while the
/// database is not answering.
async fn everything_answers_503(app: &TestApp, cookie: &str, pages: bool) {
    if pages {
        let started = Instant::now();
        let body = plain_503("a page", started, app.get_as(cookie, "/offers").await).await;
        assert!(body.contains("database is not answering"), "{body}");
        assert!(body.contains("nothing was changed"), "{body}");
        assert!(body.contains("data-testid=\"request-id\""), "{body}");
        let started = Instant::now();
        let body = plain_503(
            "a read",
            started,
            app.call(Some(cookie), "/api/drafts/list", &[("kind", "offer")])
                .await,
        )
        .await;
        let error: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(error, Value::from("DatabaseUnavailable"), "{body}");
    }
    let key = new_draft_key();
    let form = with(OFFER, &[("draft_key", key.as_str()), ("intent", "draft")]);
    let started = Instant::now();
    let body = plain_503(
        "a write",
        started,
        app.call(Some(cookie), "/api/offers/submit", &form).await,
    )
    .await;
    assert!(body.contains("DatabaseUnavailable"), "{body}");
    let started = Instant::now();
    let someone = client_from([127, 0, 0, 42]);
    let response = app.post_login(&someone, "admin", ADMIN_PASSWORD, "/").await;
    let body = plain_503("a sign-in", started, response).await;
    assert!(body.contains("database is not answering"), "{body}");
}

/// Everything works again: a page, a saved draft, a sign-in.
async fn everything_answers_again(app: &TestApp, cookie: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let status = app.get_as(cookie, "/offers").await.status();
        if status == 200 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "still {status} after the database came back"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let key = new_draft_key();
    let form = with(OFFER, &[("draft_key", key.as_str()), ("intent", "draft")]);
    let response = app.call(Some(cookie), "/api/offers/submit", &form).await;
    assert_eq!(response.status(), 200);
    app.sign_in("admin", ADMIN_PASSWORD).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_postgresql_cut_off_everything_answers_503_at_once_and_recovers() {
    if !postgres_run() {
        eprintln!("skipped: runs in the PostgreSQL run (TEST_DATABASE=postgres)");
        return;
    }
    let (app, switch) = postgres_app_with_a_switch().await;
    let cookie = app.sign_in("admin", ADMIN_PASSWORD).await;
    assert_eq!(app.get_as(&cookie, "/offers").await.status(), 200);
    switch.allow(false).await;
    everything_answers_503(&app, &cookie, true).await;
    switch.allow(true).await;
    everything_answers_again(&app, &cookie).await;
}

/// Every connection of the dashboard's pool held (as a hung database holds them): each query
/// waits for one, gives up in time, and is answered 503.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_the_database_hung_everything_answers_503_at_once_and_recovers() {
    let app = spawn_app(&[]).await;
    let cookie = app.sign_in("admin", ADMIN_PASSWORD).await;
    assert_eq!(app.get_as(&cookie, "/offers").await.status(), 200);
    let mut held = Vec::new();
    while let Ok(Ok(connection)) =
        tokio::time::timeout(Duration::from_millis(300), app.db.acquire()).await
    {
        held.push(connection);
    }
    assert!(!held.is_empty());
    everything_answers_503(&app, &cookie, true).await;
    drop(held);
    everything_answers_again(&app, &cookie).await;
}

/// SQLite with its write lock held by another process (a `sqlite3` shell in a transaction, a
/// backup tool): reads go on, every write gives up within the bound and says nothing changed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_sqlite_locked_by_another_process_writes_answer_503_at_once_and_recover() {
    if postgres_run() {
        eprintln!("skipped: SQLite only");
        return;
    }
    use sqlx::Connection;
    let app = spawn_app(&[]).await;
    let cookie = app.sign_in("admin", ADMIN_PASSWORD).await;
    let file: String =
        sqlx::query_scalar("SELECT file FROM pragma_database_list WHERE name = 'main'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let mut locker = sqlx::SqliteConnection::connect(&format!("sqlite://{file}"))
        .await
        .unwrap();
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut locker)
        .await
        .unwrap();
    sqlx::query("UPDATE cache_versions SET version = version")
        .execute(&mut locker)
        .await
        .unwrap();
    assert_eq!(
        app.get_as(&cookie, "/offers").await.status(),
        200,
        "reads go on under a write lock (WAL)"
    );
    everything_answers_503(&app, &cookie, false).await;
    sqlx::query("ROLLBACK").execute(&mut locker).await.unwrap();
    drop(locker);
    everything_answers_again(&app, &cookie).await;
}
