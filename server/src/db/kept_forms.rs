//! The kept forms table: what a person typed in a composer when they sent a test without
//! JavaScript, kept a short while under a random key so the composer they come back to shows it
//! again. Only its own person reads a row, and only until it expires. Times are Unix seconds.

use crate::db::Db;
use crate::model::draft::{DraftKind, new_draft_key};

/// Keeps `form` (the composer's form as JSON) of `kind`, typed by `by`, until `until`; answers
/// its key (32 random hex digits, as a draft's).
pub async fn keep(
    db: &Db,
    kind: DraftKind,
    by: &str,
    form: &str,
    until: i64,
) -> Result<String, sqlx::Error> {
    let key = new_draft_key();
    sqlx::query(
        "INSERT INTO kept_forms (key, kind, by_user, form, kept_until) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&key)
    .bind(kind.as_str())
    .bind(by)
    .bind(form)
    .bind(until)
    .execute(db)
    .await?;
    Ok(key)
}

/// The form kept as `key`, of `kind`, if `by` kept it and it has not expired by `now`. It stays
/// until it expires, so the page it is shown on may be drawn again.
pub async fn take(
    db: &Db,
    key: &str,
    kind: DraftKind,
    by: &str,
    now: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT form FROM kept_forms \
         WHERE key = $1 AND kind = $2 AND by_user = $3 AND kept_until > $4",
    )
    .bind(key)
    .bind(kind.as_str())
    .bind(by)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// Forgets every form whose time ran out before `now`; answers how many.
pub async fn forget_before(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM kept_forms WHERE kept_until <= $1")
        .bind(now)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}
