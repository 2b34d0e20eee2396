//! The users the dashboard itself gave each badge: the API cannot list a badge's users, so this
//! is what a deleted badge's restore can give back. A chunk is noted in the transaction of its
//! audit entry (`db::batch`); on SQLite the table is its key alone (`WITHOUT ROWID`), one B-tree
//! written per user rather than two.

use crate::db::Db;
use crate::model::badge::UsersMode;
use sqlx::AnyConnection;

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
    if ids.is_empty() {
        return Ok(());
    }
    // The chunk goes as one parameter, a JSON array the database takes apart, rather than one
    // parameter per user: SQLite finds a numbered parameter's name by walking the list of them
    // (`sqlite3_bind_parameter_name`), so binding 500 was some 125,000 steps, the largest share
    // of a chunk's CPU; and each was a value copied once more on its way.
    let list = serde_json::to_string(ids).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let postgres = conn.backend_name() == "PostgreSQL";
    let sql = match (mode == UsersMode::Remove, postgres) {
        (false, false) => {
            "INSERT INTO badge_assignments (badge_id, user_id) \
             SELECT $1, value FROM json_each($2) WHERE true ON CONFLICT DO NOTHING"
        }
        (false, true) => {
            "INSERT INTO badge_assignments (badge_id, user_id) \
             SELECT $1, value FROM json_array_elements_text($2::json) ON CONFLICT DO NOTHING"
        }
        (true, false) => {
            "DELETE FROM badge_assignments WHERE badge_id = $1 \
             AND user_id IN (SELECT value FROM json_each($2))"
        }
        (true, true) => {
            "DELETE FROM badge_assignments WHERE badge_id = $1 \
             AND user_id IN (SELECT json_array_elements_text($2::json))"
        }
    };
    sqlx::query(sql)
        .bind(badge)
        .bind(list)
        .execute(&mut *conn)
        .await?;
    Ok(())
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
