//! Staff accounts in SQLite.

use crate::model::staff::{Role, StaffMember};
use crate::server::db::now_text;
use sqlx::{Row, SqlitePool};

/// What sign-in and the session checks need of an account.
#[derive(Debug, Clone)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    pub role: Role,
    pub disabled: bool,
    pub auth_version: i64,
}

fn account(row: &sqlx::sqlite::SqliteRow) -> Result<Account, sqlx::Error> {
    let role: String = row.try_get("role")?;
    Ok(Account {
        id: row.try_get("id")?,
        username: row.try_get("username")?,
        password_hash: row.try_get("password_hash")?,
        role: Role::parse(&role)
            .ok_or_else(|| sqlx::Error::Decode(format!("bad role {role}").into()))?,
        disabled: row.try_get::<i64, _>("disabled")? != 0,
        auth_version: row.try_get("auth_version")?,
    })
}

/// Usernames are compared and stored lowercase.
pub fn normalize(username: &str) -> String {
    username.trim().to_lowercase()
}

pub async fn count(db: &SqlitePool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM staff")
        .fetch_one(db)
        .await
}

pub async fn find(db: &SqlitePool, username: &str) -> Result<Option<Account>, sqlx::Error> {
    let row = sqlx::query("SELECT * FROM staff WHERE username = ?")
        .bind(normalize(username))
        .fetch_optional(db)
        .await?;
    row.as_ref().map(account).transpose()
}

pub async fn find_by_id(db: &SqlitePool, id: i64) -> Result<Option<Account>, sqlx::Error> {
    let row = sqlx::query("SELECT * FROM staff WHERE id = ?")
        .bind(id)
        .fetch_optional(db)
        .await?;
    row.as_ref().map(account).transpose()
}

/// Adds an account; `Ok(false)` when the username is taken.
pub async fn insert(
    db: &SqlitePool,
    username: &str,
    role: Role,
    password_hash: &str,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO staff (username, password_hash, role, created_at) VALUES (?, ?, ?, ?) \
         ON CONFLICT (username) DO NOTHING",
    )
    .bind(normalize(username))
    .bind(password_hash)
    .bind(role.as_str())
    .bind(now_text())
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn list(db: &SqlitePool) -> Result<Vec<StaffMember>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, username, role, disabled, created_at, last_login_at FROM staff ORDER BY username",
    )
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            let role: String = row.try_get("role")?;
            Ok(StaffMember {
                id: row.try_get("id")?,
                username: row.try_get("username")?,
                role: Role::parse(&role).unwrap_or(Role::Moderator),
                disabled: row.try_get::<i64, _>("disabled")? != 0,
                created_at: row.try_get("created_at")?,
                last_login_at: row.try_get("last_login_at")?,
            })
        })
        .collect()
}

/// `Ok(false)` when there is no such account.
pub async fn set_role(db: &SqlitePool, username: &str, role: Role) -> Result<bool, sqlx::Error> {
    let result = sqlx::query("UPDATE staff SET role = ? WHERE username = ?")
        .bind(role.as_str())
        .bind(normalize(username))
        .execute(db)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Disabling ends every session of the account (its auth version moves on).
pub async fn set_disabled(
    db: &SqlitePool,
    username: &str,
    disabled: bool,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE staff SET disabled = ?, auth_version = auth_version + 1 WHERE username = ?",
    )
    .bind(i64::from(disabled))
    .bind(normalize(username))
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// A new password ends every session of the account; answers the new auth version.
pub async fn set_password(
    db: &SqlitePool,
    username: &str,
    password_hash: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE staff SET password_hash = ?, auth_version = auth_version + 1 WHERE username = ? \
         RETURNING auth_version",
    )
    .bind(password_hash)
    .bind(normalize(username))
    .fetch_optional(db)
    .await
}

pub async fn record_login(db: &SqlitePool, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE staff SET last_login_at = ? WHERE id = ?")
        .bind(now_text())
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}

/// Failures in a row before an account is locked, and for how long.
pub const LOCKOUT_AFTER: i64 = 10;
pub const LOCKOUT_MINUTES: i64 = 15;

/// Minutes left on a lock of `username`, if locked.
pub async fn locked_minutes(db: &SqlitePool, username: &str) -> Result<Option<i64>, sqlx::Error> {
    let until: Option<Option<String>> =
        sqlx::query_scalar("SELECT locked_until FROM login_failures WHERE username = ?")
            .bind(normalize(username))
            .fetch_optional(db)
            .await?;
    let now = chrono::Utc::now();
    Ok(until
        .flatten()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
        .map(|t| (t.with_timezone(&chrono::Utc) - now).num_minutes() + 1)
        .filter(|m| *m > 0))
}

/// Counts a failure; the `LOCKOUT_AFTER`th in a row locks the username.
pub async fn record_failure(db: &SqlitePool, username: &str) -> Result<(), sqlx::Error> {
    let locked_until = (chrono::Utc::now() + chrono::Duration::minutes(LOCKOUT_MINUTES))
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    sqlx::query(
        "INSERT INTO login_failures (username, failures) VALUES (?, 1) \
         ON CONFLICT (username) DO UPDATE SET failures = failures + 1",
    )
    .bind(normalize(username))
    .execute(db)
    .await?;
    sqlx::query(
        "UPDATE login_failures SET locked_until = ?, failures = 0 WHERE username = ? AND failures >= ?",
    )
    .bind(locked_until)
    .bind(normalize(username))
    .bind(LOCKOUT_AFTER)
    .execute(db)
    .await
    .map(|_| ())
}

pub async fn clear_failures(db: &SqlitePool, username: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_failures WHERE username = ?")
        .bind(normalize(username))
        .execute(db)
        .await
        .map(|_| ())
}
