//! The marketing exclusions the dashboard set: the API takes the change but has no list to read
//! back, so the dashboard keeps its own.

use crate::db::{Db, now_text};
use crate::model::exclusion::ExclusionEntry;

/// Remembers what the dashboard last set for `user_id`.
pub async fn remember(db: &Db, user_id: &str, excluded: bool, by: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO marketing_exclusions (user_id, excluded, changed_by, changed_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (user_id) DO UPDATE SET excluded = $2, \
         changed_by = $3, changed_at = $4",
    )
    .bind(user_id)
    .bind(i64::from(excluded))
    .bind(by)
    .bind(now_text())
    .execute(db)
    .await
    .map(|_| ())
}

/// What the dashboard last set for `user_id`: excluded (`true`), included again (`false`), or
/// nothing.
pub async fn last_set(db: &Db, user_id: &str) -> Result<Option<bool>, sqlx::Error> {
    sqlx::query_scalar::<_, i64>("SELECT excluded FROM marketing_exclusions WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(db)
        .await
        .map(|flag| flag.map(|v| v != 0))
}

/// The most recent changes first (`changed` left for the viewer's zone).
pub async fn list(db: &Db) -> Result<Vec<ExclusionEntry>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT user_id, excluded, changed_by, changed_at FROM marketing_exclusions \
         ORDER BY changed_at DESC, user_id LIMIT 500",
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ExclusionEntry {
            user_id: r.user_id,
            excluded: r.excluded != 0,
            changed_by: r.changed_by,
            changed_at: r.changed_at,
            changed: String::new(),
        })
        .collect())
}

/// A `marketing_exclusions` row.
#[derive(sqlx::FromRow)]
struct Row {
    user_id: String,
    excluded: i64,
    changed_by: String,
    changed_at: String,
}
