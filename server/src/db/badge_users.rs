//! The users the dashboard itself gave each badge: the API cannot list a badge's users, so this
//! is what a deleted badge's restore can give back.

use crate::db::Db;
use crate::model::badge::UsersMode;

/// Notes a chunk the platform accepted: chunk 0 of a replace starts the list afresh.
pub async fn note(
    db: &Db,
    badge: i64,
    mode: UsersMode,
    chunk: u32,
    ids: &[String],
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    if mode == UsersMode::Replace && chunk == 0 {
        sqlx::query("DELETE FROM badge_assignments WHERE badge_id = $1")
            .bind(badge)
            .execute(&mut *tx)
            .await?;
    }
    // One statement per batch rather than per user: 10,000 users are 20 statements.
    for batch in ids.chunks(BATCH) {
        let numbered = (2..batch.len() + 2).map(|n| format!("${n}"));
        let sql = if mode == UsersMode::Remove {
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
        };
        let mut query = sqlx::query(&sql).bind(badge);
        for id in batch {
            query = query.bind(id);
        }
        query.execute(&mut *tx).await?;
    }
    tx.commit().await
}

/// User ids per statement: well under both databases' limits on parameters.
const BATCH: usize = 500;

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
