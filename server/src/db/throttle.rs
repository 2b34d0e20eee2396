//! Per-address sign-in throttle, in the database so every replica counts into the same row: each
//! attempt is counted *before* its password is checked (one upsert, so concurrent attempts cannot
//! all slip through), and after 5 attempts that did not succeed within 15 minutes further attempts
//! from the same address are answered 429 until the window has passed. A success clears the
//! address.

use crate::db::Db;
use std::net::IpAddr;

pub const ALLOWED_FAILURES: i64 = 5;
/// The window, in seconds.
pub const WINDOW: i64 = 15 * 60;

/// Counts an attempt from `ip` at `now` (Unix seconds): `Ok(Err(seconds))` to wait when it may
/// not try now.
pub async fn begin(db: &Db, ip: IpAddr, now: i64) -> Result<Result<(), u64>, sqlx::Error> {
    let (attempts, since): (i64, i64) = sqlx::query_as(
        "INSERT INTO sign_in_throttle (address, attempts, since) VALUES ($1, 1, $2) \
         ON CONFLICT (address) DO UPDATE SET \
         attempts = CASE WHEN sign_in_throttle.since <= $3 THEN 1 \
                         ELSE sign_in_throttle.attempts + 1 END, \
         since = CASE WHEN sign_in_throttle.since <= $3 THEN $2 ELSE sign_in_throttle.since END \
         RETURNING attempts, since",
    )
    .bind(ip.to_string())
    .bind(now)
    .bind(now - WINDOW)
    .fetch_one(db)
    .await?;
    if attempts == 1 {
        // A window starts: forget the addresses whose windows have passed, so the table holds
        // only the last 15 minutes.
        purge(db, now).await?;
    }
    if attempts > ALLOWED_FAILURES {
        let left = (since + WINDOW - now).max(1);
        return Ok(Err(left as u64));
    }
    Ok(Ok(()))
}

/// The attempt from `ip` succeeded: its count starts again.
pub async fn succeeded(db: &Db, ip: IpAddr) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sign_in_throttle WHERE address = $1")
        .bind(ip.to_string())
        .execute(db)
        .await
        .map(|_| ())
}

/// Forgets addresses whose window has passed.
pub async fn purge(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    sqlx::query("DELETE FROM sign_in_throttle WHERE since <= $1")
        .bind(now - WINDOW)
        .execute(db)
        .await
        .map(|done| done.rows_affected())
}
