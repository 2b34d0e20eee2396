//! The two migration trees (`server/migrations/sqlite`, `server/migrations/postgres`) are kept by hand: this
//! migrates a fresh database of each and compares their tables and columns, so they cannot drift
//! apart unnoticed. Runs in the PostgreSQL run of `make test`.

use crate::support::{fresh_postgres, postgres_run, postgres_url};
use std::collections::BTreeSet;
use watchers_dashboard::server::db::connect;

/// Tables one backend has on purpose: replicas on PostgreSQL pace TagMango's calls together in
/// `upstream_pace`; a single SQLite process paces in memory.
const POSTGRES_ONLY: &[&str] = &["upstream_pace"];

/// Every `table.column` of the dashboard's own tables (not sqlx's bookkeeping, not the session
/// store's, which tower-sessions keeps itself).
async fn columns(db: &watchers_dashboard::server::db::Db, sql: &str) -> BTreeSet<String> {
    let rows: Vec<(String, String)> = sqlx::query_as(sql).fetch_all(db).await.unwrap();
    rows.into_iter()
        .filter(|(table, _)| !table.starts_with("_sqlx") && !table.starts_with("tower_sessions"))
        .map(|(table, column)| format!("{table}.{column}"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_and_postgresql_migrate_to_the_same_tables_and_columns() {
    if !postgres_run() {
        eprintln!("skipped: runs in the PostgreSQL run (TEST_DATABASE=postgres)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sqlite = connect(&format!("sqlite://{}", dir.path().join("s.db").display()))
        .await
        .unwrap()
        .db;
    let postgres = connect(&fresh_postgres(&postgres_url().unwrap()).await)
        .await
        .unwrap()
        .db;
    let in_sqlite = columns(
        &sqlite,
        "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
    )
    .await;
    let in_postgres = columns(
        &postgres,
        "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) FROM information_schema.columns \
         WHERE table_schema = 'public'",
    )
    .await;
    assert!(in_sqlite.len() > 50, "{in_sqlite:?}");
    let only_sqlite: Vec<_> = in_sqlite.difference(&in_postgres).collect();
    let only_postgres: Vec<_> = in_postgres
        .difference(&in_sqlite)
        .filter(|c| {
            !POSTGRES_ONLY
                .iter()
                .any(|t| c.starts_with(&format!("{t}.")))
        })
        .collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "the migration trees differ: only in SQLite {only_sqlite:?}, only in PostgreSQL {only_postgres:?}"
    );
}
