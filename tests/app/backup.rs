//! `watchers-dashboard db backup` and `db restore`: a backup taken while the dashboard writes is a
//! consistent snapshot, it restores into an empty database (SQLite, or PostgreSQL in that run) and
//! the dashboard carries on there; what would lose or mix data is refused.

use crate::marketing::audit;
use crate::support::{
    ADMIN_PASSWORD, db_command as db, fresh_postgres, postgres_run, postgres_url, spawn_app,
};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use watchers_dashboard::model::staff::Role;
use watchers_dashboard::server::db::{Db, now_text};

fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

const MIA_PASSWORD: &str = "mia-password-123456";

/// Commits pair after pair until `stop`: staff member `writer-N` and the audit entry of adding
/// her, in one transaction; `committed` counts the pairs.
async fn write_pairs(db: Db, stop: Arc<AtomicBool>, committed: Arc<AtomicU64>) {
    let mut n = 0u64;
    while !stop.load(Ordering::SeqCst) {
        let name = format!("writer-{n:06}");
        let mut tx = db.begin().await.unwrap();
        sqlx::query(
            "INSERT INTO staff (username, password_hash, role, created_at) \
             VALUES ($1, 'not-a-password-hash', 'moderator', $2)",
        )
        .bind(&name)
        .bind(now_text())
        .execute(&mut *tx)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO audit_log (at, actor, action, area, target, outcome, summary) \
             VALUES ($1, 'writer', 'add', 'staff', $2, 'ok', $3)",
        )
        .bind(now_text())
        .bind(&name)
        .bind(format!("pair {n}"))
        .execute(&mut *tx)
        .await
        .unwrap();
        tx.commit().await.unwrap();
        n += 1;
        committed.store(n, Ordering::SeqCst);
    }
}

/// The numbers N of `writer-N` in `sql`'s answers, in order.
async fn numbers(conn: &mut sqlx::SqliteConnection, sql: &str) -> Vec<u64> {
    let names: Vec<String> = sqlx::query_scalar(sql).fetch_all(conn).await.unwrap();
    let mut numbers: Vec<u64> = names
        .iter()
        .map(|n| n.trim_start_matches("writer-").parse().unwrap())
        .collect();
    numbers.sort_unstable();
    numbers
}

/// An app on a SQLite file of its own (its folder, its URL) where marketing's mia has signed
/// in once.
async fn live_app_with_mia() -> (tempfile::TempDir, String, crate::support::TestApp) {
    let dir = tempfile::tempdir().unwrap();
    let live = sqlite_url(&dir.path().join("live.db"));
    let app = spawn_app(&[("DATABASE_URL", live.as_str())]).await;
    app.add_staff("mia", Role::Marketing, MIA_PASSWORD).await;
    app.sign_in("mia", MIA_PASSWORD).await;
    (dir, live, app)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_the_dashboard_writes_is_a_snapshot_and_restores() {
    if postgres_run() {
        eprintln!("skipped: db backup copies SQLite; runs in the SQLite runs");
        return;
    }
    let (dir, live, app) = live_app_with_mia().await;
    // Some bulk (about 10 MB), so that VACUUM INTO takes a while and the writer runs meanwhile.
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) \
         INSERT INTO audit_log (at, actor, action, area, outcome, summary) \
         SELECT '2024-01-01T00:00:00Z', 'bulk', 'note', 'rooms', 'ok', hex(randomblob(500)) FROM n",
    )
    .execute(&app.db)
    .await
    .unwrap();

    let stop = Arc::new(AtomicBool::new(false));
    let committed = Arc::new(AtomicU64::new(0));
    let writer = tokio::spawn(write_pairs(app.db.clone(), stop.clone(), committed.clone()));
    while committed.load(Ordering::SeqCst) < 20 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let before = committed.load(Ordering::SeqCst);
    let file = dir.path().join("backups").join("dashboard-2025-01-31.db");
    std::fs::create_dir(file.parent().unwrap()).unwrap();
    let (code, out) = {
        let (live, file) = (live.clone(), file.display().to_string());
        tokio::task::spawn_blocking(move || db(&live, &["backup", &file]))
            .await
            .unwrap()
    };
    let after = committed.load(Ordering::SeqCst);
    stop.store(true, Ordering::SeqCst);
    writer.await.unwrap();
    assert_eq!(code, 0, "{out}");
    assert!(
        after > before,
        "the writer kept committing while the backup ran"
    );
    let bytes = std::fs::metadata(&file).unwrap().len();
    assert!(
        out.contains(&format!("Wrote {} ({bytes} bytes)", file.display())),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("audit_log") && l.ends_with("rows")),
        "{out}"
    );

    // Whole pairs only, and every pair committed up to one moment: a prefix 0..k of the sequence,
    // where k lies between what was committed before the backup started and after it ended.
    let mut backup = SqliteConnectOptions::new()
        .filename(&file)
        .read_only(true)
        .connect()
        .await
        .unwrap();
    let staff = numbers(
        &mut backup,
        "SELECT username FROM staff WHERE username LIKE 'writer-%'",
    )
    .await;
    let audited = numbers(
        &mut backup,
        "SELECT target FROM audit_log WHERE actor = 'writer'",
    )
    .await;
    assert_eq!(staff, audited, "every pair whole");
    let k = staff.len() as u64;
    assert_eq!(
        staff,
        (0..k).collect::<Vec<_>>(),
        "a prefix of the sequence"
    );
    assert!((before..=after).contains(&k), "{before} <= {k} <= {after}");
    let line = format!("{:<22} {:>8} rows", "staff", k + 2);
    assert!(out.contains(&line), "the staff count printed: {out}");
    backup.close().await.unwrap();

    // Into a database that does not exist yet; then the dashboard starts on it.
    let restored = sqlite_url(&dir.path().join("restored.db"));
    let (code, out) = db(&restored, &["restore", &file.display().to_string()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Restored"), "{out}");
    let new = spawn_app(&[("DATABASE_URL", restored.as_str())]).await;
    new.sign_in("mia", MIA_PASSWORD).await;
    let admin = new.sign_in("admin", ADMIN_PASSWORD).await;
    let entries = audit(&new, &admin, "staff").await;
    assert_eq!(
        entries[0]["target"],
        format!("writer-{:06}", k - 1),
        "the newest pair kept is the last one listed: {:?}",
        entries[0]
    );
    let signed_in = audit(&new, &admin, "auth").await;
    assert!(
        signed_in
            .iter()
            .any(|e| e["actor"] == "mia" && e["action"] == "sign_in"),
        "{signed_in:?}"
    );
    let writers: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE actor = 'writer'")
        .fetch_one(&new.db)
        .await
        .unwrap();
    assert_eq!(writers as u64, k);

    // Never into a database that holds anything, never over an existing file.
    let (code, out) = db(&live, &["restore", &file.display().to_string()]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("already holds data"), "{out}");
    let (code, out) = db(&live, &["backup", &file.display().to_string()]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("already exists"), "{out}");
    assert_eq!(std::fs::metadata(&file).unwrap().len(), bytes, "left alone");
}

#[test]
fn backup_and_restore_refuse_what_they_cannot_do_safely() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    let (code, out) = db(
        &sqlite_url(&missing),
        &["backup", &dir.path().join("b.db").display().to_string()],
    );
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("does not exist"), "{out}");
    assert!(!missing.exists(), "a missing source is not created");
    assert!(!dir.path().join("b.db").exists());

    let (code, out) = db(
        "postgres://dashboard@127.0.0.1:1/dashboard",
        &["backup", &dir.path().join("b.db").display().to_string()],
    );
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("pg_dump"), "{out}");

    let target = sqlite_url(&dir.path().join("target.db"));
    let (code, out) = db(&target, &["restore", &missing.display().to_string()]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("does not exist"), "{out}");
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database at all").unwrap();
    let (code, out) = db(&target, &["restore", &text.display().to_string()]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("not a SQLite database"), "{out}");
    // A SQLite file, but not the dashboard's.
    let other = dir.path().join("other.db");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let mut conn = SqliteConnectOptions::new()
            .filename(&other)
            .create_if_missing(true)
            .connect()
            .await
            .unwrap();
        sqlx::query("CREATE TABLE notes (body TEXT)")
            .execute(&mut conn)
            .await
            .unwrap();
        conn.close().await.unwrap();
    });
    let (code, out) = db(&target, &["restore", &other.display().to_string()]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("not a dashboard database"), "{out}");
    assert!(
        !dir.path().join("target.db").exists(),
        "nothing was created"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_backup_restores_into_postgres() {
    if !postgres_run() {
        eprintln!("skipped: runs in the PostgreSQL run (TEST_DATABASE=postgres)");
        return;
    }
    let (dir, live, _app) = live_app_with_mia().await;
    let file = dir.path().join("dashboard.db.bak");
    let (code, out) = db(&live, &["backup", &file.display().to_string()]);
    assert_eq!(code, 0, "{out}");

    let postgres = fresh_postgres(&postgres_url().unwrap()).await;
    let (code, out) = db(&postgres, &["restore", &file.display().to_string()]);
    assert_eq!(code, 0, "{out}");
    let new = spawn_app(&[("DATABASE_URL", postgres.as_str())]).await;
    new.sign_in("mia", MIA_PASSWORD).await;
    let admin = new.sign_in("admin", ADMIN_PASSWORD).await;
    let signed_in = audit(&new, &admin, "auth").await;
    assert!(
        signed_in.iter().any(|e| e["actor"] == "mia"),
        "{signed_in:?}"
    );
    let (code, out) = db(&postgres, &["restore", &file.display().to_string()]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("already holds data"), "{out}");
    let (code, out) = db(
        &postgres,
        &["backup", &dir.path().join("pg.db").display().to_string()],
    );
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("pg_dump --format=custom"), "{out}");
}
