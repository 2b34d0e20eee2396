//! `watchers-dashboard db copy`: a SQLite database in use moves to PostgreSQL, and the dashboard
//! carries on there (people, drafts, audit log; new rows numbered after the copied ones). Runs
//! in the PostgreSQL run of `make test`.

use crate::marketing::{OFFER, audit, drafts, json, with};
use crate::support::{ADMIN_PASSWORD, fresh_postgres, postgres_run, postgres_url, spawn_app};
use watchers_dashboard::model::draft::new_draft_key;
use watchers_dashboard::model::staff::Role;

fn db_copy(from: &str, to: &str) -> (bool, String) {
    let (code, text) = crate::support::db_command(to, &["copy", "--from", from, "--to", to]);
    (code == 0, text)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_database_moves_to_postgres_and_the_dashboard_carries_on() {
    if !postgres_run() {
        eprintln!("skipped: runs in the PostgreSQL run (TEST_DATABASE=postgres)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sqlite = format!("sqlite://{}", dir.path().join("old.db").display());
    let old = spawn_app(&[("DATABASE_URL", sqlite.as_str())]).await;
    old.add_staff("mia", Role::Marketing, "mia-password-123456")
        .await;
    let admin = old.sign_in("admin", ADMIN_PASSWORD).await;
    let key = new_draft_key();
    let saved = with(OFFER, &[("draft_key", key.as_str()), ("intent", "draft")]);
    let (status, body) = json(old.call(Some(&admin), "/api/offers/submit", &saved).await).await;
    assert_eq!(status, 200, "{body}");
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
        .fetch_one(&old.db)
        .await
        .unwrap();
    assert!(before >= 2);

    let postgres = fresh_postgres(&postgres_url().unwrap()).await;
    let (ok, out) = db_copy(&sqlite, &postgres);
    assert!(ok, "{out}");
    assert!(out.contains("staff"), "{out}");
    assert!(out.contains("Copied"), "{out}");

    let new = spawn_app(&[("DATABASE_URL", postgres.as_str())]).await;
    let mia = new.sign_in("mia", "mia-password-123456").await;
    let kept = drafts(&new, &mia, "offer").await;
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(kept[0]["key"], key.as_str());
    let admin = new.sign_in("admin", ADMIN_PASSWORD).await;
    let entries = audit(&new, &admin, "offers").await;
    assert!(
        entries.iter().any(|e| e["action"] == "save draft"),
        "{entries:?}"
    );
    // New entries are numbered after the copied ones (no clash with a copied id).
    let (count, max): (i64, i64) = sqlx::query_as("SELECT COUNT(*), MAX(id) FROM audit_log")
        .fetch_one(&new.db)
        .await
        .unwrap();
    assert!(
        count >= before + 2,
        "the two sign-ins were recorded: {count}"
    );
    assert_eq!(max, count, "ids follow on");

    // The target must be new, and the source must exist.
    let (ok, out) = db_copy(&sqlite, &postgres);
    assert!(!ok && out.contains("already holds data"), "{out}");
    let missing = format!("sqlite://{}", dir.path().join("nope.db").display());
    let (ok, out) = db_copy(&missing, &fresh_postgres(&postgres_url().unwrap()).await);
    assert!(!ok && out.contains("does not exist"), "{out}");
}
