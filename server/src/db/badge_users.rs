//! The users the dashboard itself gave each badge: the API cannot list a badge's users, so this
//! is what a deleted badge's restore can give back. A chunk is noted in the transaction of its
//! audit entry (`db::batch`); on SQLite the table is its key alone (`WITHOUT ROWID`), one B-tree
//! written per user rather than two.

use crate::db::Db;
use crate::model::badge::UsersMode;
use sqlx::AnyConnection;
use std::sync::OnceLock;

/// Notes a chunk the platform accepted: chunk 0 of a replace starts the list afresh.
pub async fn note(
    db: &Db,
    badge: i64,
    mode: UsersMode,
    chunk: u32,
    ids: &[String],
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    note_in(&mut tx, badge, mode, chunk, ids).await?;
    tx.commit().await
}

/// [`note`], on `conn`: within a transaction, its own or that of the chunk's audit entry
/// (`db::batch`, which the door's send uses, so a chunk costs one commit).
pub async fn note_in(
    conn: &mut AnyConnection,
    badge: i64,
    mode: UsersMode,
    chunk: u32,
    ids: &[String],
) -> Result<(), sqlx::Error> {
    if mode == UsersMode::Replace && chunk == 0 {
        sqlx::query("DELETE FROM badge_assignments WHERE badge_id = $1")
            .bind(badge)
            .execute(&mut *conn)
            .await?;
    }
    // One statement per batch rather than per user: 10,000 users are 20 statements.
    let remove = mode == UsersMode::Remove;
    for batch in ids.chunks(BATCH) {
        let fewer: String;
        let sql = if batch.len() == BATCH {
            full(remove)
        } else {
            fewer = statement(remove, batch.len());
            fewer.as_str()
        };
        let mut query = sqlx::query(sql).bind(badge);
        for id in batch {
            query = query.bind(id);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// User ids per statement: well under both databases' limits on parameters.
const BATCH: usize = 500;

/// The statement that notes `n` users of a badge, or forgets them (`remove`): `$1` the badge,
/// `$2`… the users.
fn statement(remove: bool, n: usize) -> String {
    let numbered = (2..n + 2).map(|n| format!("${n}"));
    if remove {
        let list: Vec<String> = numbered.collect();
        format!(
            "DELETE FROM badge_assignments WHERE badge_id = $1 AND user_id IN ({})",
            list.join(", ")
        )
    } else {
        let rows: Vec<String> = numbered.map(|n| format!("($1, {n})")).collect();
        format!(
            "INSERT INTO badge_assignments (badge_id, user_id) VALUES {} ON CONFLICT DO NOTHING",
            rows.join(", ")
        )
    }
}

/// [`statement`] for a whole batch, written once for each way (a chunk of users is a batch).
fn full(remove: bool) -> &'static str {
    static NOTE: OnceLock<String> = OnceLock::new();
    static FORGET: OnceLock<String> = OnceLock::new();
    let kept = if remove { &FORGET } else { &NOTE };
    kept.get_or_init(|| statement(remove, BATCH))
}

/// The users the dashboard gave badge `badge`, in a stable order.
pub async fn known(db: &Db, badge: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT user_id FROM badge_assignments WHERE badge_id = $1 ORDER BY user_id")
        .bind(badge)
        .fetch_all(db)
        .await
}

/// Forgets a deleted badge's users (its snapshot keeps them).
pub async fn forget(db: &Db, badge: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM badge_assignments WHERE badge_id = $1")
        .bind(badge)
        .execute(db)
        .await
        .map(|_| ())
}
