//! Users excluded from marketing through the dashboard: the API takes the change but has no list
//! to read back, so the dashboard keeps its own.

use super::audit::AuditEvent;
use super::auth::staff::Account;
use super::change::{Change, change};
use super::state::AppState;
use crate::db::Db;
use crate::db::now_text;
use crate::error::AppError;
use crate::model::audit::AuditArea;
use crate::model::exclusion::{ExclusionEntry, MarketingExclusion};
use sqlx::Row;

/// Excludes `user_id` from all marketing offers (`excluded`) or includes them again, then
/// remembers it for the exclusion page.
pub async fn set(
    state: &AppState,
    who: &Account,
    user_id: String,
    excluded: bool,
) -> Result<(), AppError> {
    let (action, verb) = if excluded {
        ("exclude", "excluded")
    } else {
        ("include", "included again")
    };
    let described = Change::watchers(
        AuditEvent::new(&who.username, AuditArea::Exclusions, action)
            .target(&user_id)
            .summary(format!("{verb} user {user_id} from marketing offers")),
        format!("User {user_id}"),
    );
    let body = MarketingExclusion {
        decrypted_user_id: user_id.clone(),
        value: excluded,
    };
    change(
        state,
        described,
        state.upstream.set_marketing_exclusion(&body),
    )
    .await?;
    if let Err(err) = remember(&state.db, &user_id, excluded, &who.username).await {
        tracing::error!("cannot remember an exclusion: {err}");
    }
    Ok(())
}

async fn remember(db: &Db, user_id: &str, excluded: bool, by: &str) -> Result<(), sqlx::Error> {
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

/// The most recent changes first.
pub async fn list(db: &Db) -> Result<Vec<ExclusionEntry>, sqlx::Error> {
    sqlx::query(
        "SELECT user_id, excluded, changed_by, changed_at FROM marketing_exclusions \
         ORDER BY changed_at DESC, user_id LIMIT 500",
    )
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| {
        Ok(ExclusionEntry {
            user_id: row.try_get("user_id")?,
            excluded: row.try_get::<i64, _>("excluded")? != 0,
            changed_by: row.try_get("changed_by")?,
            changed_at: row.try_get("changed_at")?,
        })
    })
    .collect()
}
