//! The snapshots table: keeping, reading, and the claims that let a restore (and each chunk of
//! users) run once.

use crate::db::Db;
use crate::db::now_text;
use crate::model::audit::AuditArea;
use crate::model::undo::{self, Deleted, KnownUsers, Restore};

/// What a delete keeps.
pub struct Kept<'a> {
    pub area: AuditArea,
    pub item_id: &'a str,
    pub label: &'a str,
    pub record: &'a serde_json::Value,
    pub users: Option<&'a [String]>,
    pub by: &'a str,
    /// Unix seconds.
    pub keep_until: i64,
}

pub async fn insert(db: &Db, kept: Kept<'_>) -> Result<i64, sqlx::Error> {
    let users = kept
        .users
        .map(|u| serde_json::to_string(u).unwrap_or_else(|_| "[]".into()));
    sqlx::query_scalar(
        "INSERT INTO snapshots (area, item_id, label, record, users, deleted_by, deleted_at, keep_until) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(kept.area.as_str())
    .bind(kept.item_id)
    .bind(kept.label)
    .bind(kept.record.to_string())
    .bind(users)
    .bind(kept.by)
    .bind(now_text())
    .bind(kept.keep_until)
    .fetch_one(db)
    .await
}

/// Forgets a snapshot whose delete did not happen, or whose time is up.
pub async fn remove(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM snapshots WHERE id = $1")
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}

/// Forgets every snapshot kept past `now` (Unix seconds).
pub async fn purge(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    sqlx::query("DELETE FROM snapshots WHERE keep_until < $1")
        .bind(now)
        .execute(db)
        .await
        .map(|r| r.rows_affected())
}

fn day(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// A `snapshots` row as stored.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    area: String,
    item_id: String,
    label: String,
    record: String,
    users: Option<String>,
    users_sent: Option<i64>,
    deleted_by: String,
    deleted_at: String,
    keep_until: i64,
    restored_by: Option<String>,
    restored_at: Option<String>,
    restored_as: Option<String>,
    restore_note: Option<String>,
}

fn to_deleted(row: Row) -> Deleted {
    let at = row.restored_at.unwrap_or_default();
    let (as_id, note) = (row.restored_as, row.restore_note);
    let restore = match row.restored_by {
        None => Restore::Ready,
        Some(by) if as_id.is_none() && note.is_none() => Restore::InProgress { by, at },
        Some(by) => Restore::Done {
            by,
            at,
            as_id,
            note,
        },
    };
    let count = |u: &str| serde_json::from_str::<Vec<String>>(u).map_or(0, |v| v.len() as u32);
    let sent = row.users_sent.unwrap_or(0) as u32;
    Deleted {
        id: row.id,
        area: undo::area(&row.area).unwrap_or(AuditArea::Offers),
        item_id: row.item_id,
        label: row.label,
        deleted_by: row.deleted_by,
        deleted_at: row.deleted_at,
        keep_until: day(row.keep_until),
        restore,
        users: row.users.map(|u| KnownUsers {
            total: count(&u),
            sent,
        }),
        record: serde_json::from_str(&row.record).unwrap_or(serde_json::Value::Null),
    }
}

/// Snapshot `id`, while it is kept.
pub async fn get(db: &Db, id: i64, now: i64) -> Result<Option<Deleted>, sqlx::Error> {
    let row: Option<Row> =
        sqlx::query_as("SELECT * FROM snapshots WHERE id = $1 AND keep_until >= $2")
            .bind(id)
            .bind(now)
            .fetch_optional(db)
            .await?;
    Ok(row.map(to_deleted))
}

/// `area`'s snapshots still kept, newest first.
pub async fn list(db: &Db, area: AuditArea, now: i64) -> Result<Vec<Deleted>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT * FROM snapshots WHERE area = $1 AND keep_until >= $2 ORDER BY id DESC LIMIT 200",
    )
    .bind(area.as_str())
    .bind(now)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(to_deleted).collect())
}

/// Claims snapshot `id`'s one restore for `by`: false when one was claimed already.
pub async fn claim(db: &Db, id: i64, by: &str) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "UPDATE snapshots SET restored_by = $1, restored_at = $2 WHERE id = $3 AND restored_by IS NULL",
    )
    .bind(by)
    .bind(now_text())
    .bind(id)
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// Gives the claim back: the platform answered no, so nothing was created.
pub async fn release(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE snapshots SET restored_by = NULL, restored_at = NULL WHERE id = $1")
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}

/// Notes how the restore ended: the new id, or why it is unknown.
pub async fn restored(
    db: &Db,
    id: i64,
    as_id: Option<&str>,
    note: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE snapshots SET restored_as = $1, restore_note = $2 WHERE id = $3")
        .bind(as_id)
        .bind(note)
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}

/// The known users of snapshot `id`, and how many were re-assigned.
pub async fn users(db: &Db, id: i64) -> Result<(Vec<String>, usize), sqlx::Error> {
    let row: Option<(Option<String>, Option<i64>)> =
        sqlx::query_as("SELECT users, users_sent FROM snapshots WHERE id = $1")
            .bind(id)
            .fetch_optional(db)
            .await?;
    let Some((users, sent)) = row else {
        return Ok((Vec::new(), 0));
    };
    let sent = sent.unwrap_or(0);
    let users = users
        .and_then(|u| serde_json::from_str(&u).ok())
        .unwrap_or_default();
    Ok((users, sent.max(0) as usize))
}

/// Claims the next `n` users after the first `from`: false when another chunk is on its way.
pub async fn claim_users(db: &Db, id: i64, from: usize, n: usize) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "UPDATE snapshots SET users_claimed = $1 WHERE id = $2 AND users_sent = $3 AND users_claimed = $4",
    )
    .bind((from + n) as i64)
    .bind(id)
    .bind(from as i64)
    .bind(from as i64)
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// Ends a chunk's claim: `sent` users are now re-assigned (unchanged when the chunk failed).
pub async fn users_done(db: &Db, id: i64, sent: usize) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE snapshots SET users_sent = $1, users_claimed = $2 WHERE id = $3")
        .bind(sent as i64)
        .bind(sent as i64)
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}
