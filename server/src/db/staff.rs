//! Staff accounts in SQLite.

use crate::db::Db;
use crate::db::now_text;
use crate::model::staff::{Role, StaffMember, TestAudience};

/// What sign-in and the session checks need of an account.
#[derive(Debug, Clone)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    pub role: Role,
    pub disabled: bool,
    pub auth_version: i64,
    /// The IANA zone they chose on their account page (`Asia/Tokyo`), if any.
    pub time_zone: Option<String>,
    /// Where their tests go, as they kept it on their account page.
    pub test_audience: TestAudience,
}

/// A `staff` row (the list reads it without the password hash and auth version).
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    username: String,
    #[sqlx(default)]
    password_hash: String,
    role: String,
    disabled: i64,
    #[sqlx(default)]
    auth_version: i64,
    created_at: String,
    last_login_at: Option<String>,
    #[sqlx(default)]
    time_zone: Option<String>,
    /// User ids one a line.
    #[sqlx(default)]
    test_user_ids: Option<String>,
    #[sqlx(default)]
    test_room_id: Option<String>,
}

fn account(row: Row) -> Result<Account, sqlx::Error> {
    Ok(Account {
        role: Role::parse(&row.role)
            .ok_or_else(|| sqlx::Error::Decode(format!("bad role {}", row.role).into()))?,
        id: row.id,
        username: row.username,
        password_hash: row.password_hash,
        disabled: row.disabled != 0,
        auth_version: row.auth_version,
        time_zone: row.time_zone.filter(|zone| !zone.is_empty()),
        test_audience: TestAudience::from_stored(
            row.test_user_ids.as_deref(),
            row.test_room_id.as_deref(),
        ),
    })
}

/// Usernames are compared and stored lowercase.
pub fn normalize(username: &str) -> String {
    username.trim().to_lowercase()
}

pub async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM staff")
        .fetch_one(db)
        .await
}

pub async fn find(db: &Db, username: &str) -> Result<Option<Account>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as("SELECT * FROM staff WHERE username = $1")
        .bind(normalize(username))
        .fetch_optional(db)
        .await?;
    row.map(account).transpose()
}

pub async fn find_by_id(db: &Db, id: i64) -> Result<Option<Account>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as("SELECT * FROM staff WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await?;
    row.map(account).transpose()
}

/// Adds an account; `Ok(false)` when the username is taken.
pub async fn insert(
    db: &Db,
    username: &str,
    role: Role,
    password_hash: &str,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO staff (username, password_hash, role, created_at) VALUES ($1, $2, $3, $4) \
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

pub async fn list(db: &Db) -> Result<Vec<StaffMember>, sqlx::Error> {
    let locked = locked_usernames(db).await?;
    let mut members = list_accounts(db).await?;
    for member in &mut members {
        member.locked = locked.contains(&member.username);
    }
    Ok(members)
}

async fn list_accounts(db: &Db) -> Result<Vec<StaffMember>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, username, role, disabled, created_at, last_login_at FROM staff ORDER BY username",
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| StaffMember {
            role: Role::parse(&row.role).unwrap_or(Role::Moderator),
            id: row.id,
            username: row.username,
            disabled: row.disabled != 0,
            created_at: row.created_at,
            last_login_at: row.last_login_at,
            locked: false,
        })
        .collect())
}

/// `Ok(false)` when there is no such account.
pub async fn set_role(db: &Db, username: &str, role: Role) -> Result<bool, sqlx::Error> {
    let result = sqlx::query("UPDATE staff SET role = $1 WHERE username = $2")
        .bind(role.as_str())
        .bind(normalize(username))
        .execute(db)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Disabling ends every session of the account (its auth version moves on).
pub async fn set_disabled(db: &Db, username: &str, disabled: bool) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE staff SET disabled = $1, auth_version = auth_version + 1 WHERE username = $2",
    )
    .bind(i64::from(disabled))
    .bind(normalize(username))
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// A new password ends every session of the account; answers the new auth version.
pub async fn set_password(
    db: &Db,
    username: &str,
    password_hash: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE staff SET password_hash = $1, auth_version = auth_version + 1 WHERE username = $2 \
         RETURNING auth_version",
    )
    .bind(password_hash)
    .bind(normalize(username))
    .fetch_optional(db)
    .await
}

/// Sets the time zone `id` chose (an IANA name, checked by the caller); `Ok(false)` when there
/// is no such account. Sessions stay as they are.
pub async fn set_time_zone(db: &Db, id: i64, zone: &str) -> Result<bool, sqlx::Error> {
    let result = sqlx::query("UPDATE staff SET time_zone = $1 WHERE id = $2")
        .bind(zone)
        .bind(id)
        .execute(db)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Keeps the test audience of `id` (checked by the caller): user ids one a line, and what is
/// empty as `NULL`; `Ok(false)` when there is no such account. Sessions stay as they are.
pub async fn set_test_audience(
    db: &Db,
    id: i64,
    audience: &TestAudience,
) -> Result<bool, sqlx::Error> {
    let user_ids = Some(audience.user_ids_text()).filter(|ids| !ids.is_empty());
    let result =
        sqlx::query("UPDATE staff SET test_user_ids = $1, test_room_id = $2 WHERE id = $3")
            .bind(user_ids)
            .bind(audience.room_id.as_deref())
            .bind(id)
            .execute(db)
            .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn record_login(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE staff SET last_login_at = $1 WHERE id = $2")
        .bind(now_text())
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}

/// Attempts in a row (per username and address) before that username is locked from that
/// address, and for how long.
pub const LOCKOUT_AFTER: i64 = 10;
pub const LOCKOUT_MINUTES: i64 = 15;

/// Counts a sign-in attempt of `username` from `address` before its password is checked, in one
/// statement; answers the minutes left when that username is locked from that address (this
/// attempt included: the `LOCKOUT_AFTER`th in a row locks it).
pub async fn begin_attempt(
    db: &Db,
    username: &str,
    address: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let (failures, locked_until): (i64, Option<String>) = sqlx::query_as(
        "INSERT INTO login_attempts (username, address, failures) VALUES ($1, $2, 1) \
         ON CONFLICT (username, address) DO UPDATE SET failures = login_attempts.failures + 1 \
         RETURNING failures, locked_until",
    )
    .bind(normalize(username))
    .bind(address)
    .fetch_one(db)
    .await?;
    let now = chrono::Utc::now();
    let left = locked_until
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
        .map(|t| (t.with_timezone(&chrono::Utc) - now).num_minutes() + 1)
        .filter(|m| *m > 0);
    if left.is_some() {
        return Ok(left);
    }
    if failures > LOCKOUT_AFTER {
        let until = (now + chrono::Duration::minutes(LOCKOUT_MINUTES))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        sqlx::query(
            "UPDATE login_attempts SET locked_until = $1, failures = 0 WHERE username = $2 AND address = $3",
        )
        .bind(until)
        .bind(normalize(username))
        .bind(address)
        .execute(db)
        .await?;
        return Ok(Some(LOCKOUT_MINUTES));
    }
    Ok(None)
}

/// The attempt of `username` from `address` succeeded: its count starts again.
pub async fn clear_attempts(db: &Db, username: &str, address: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_attempts WHERE username = $1 AND address = $2")
        .bind(normalize(username))
        .bind(address)
        .execute(db)
        .await
        .map(|_| ())
}

/// Lifts every lock and count of `username`; answers whether there was any.
pub async fn unlock(db: &Db, username: &str) -> Result<bool, sqlx::Error> {
    sqlx::query("DELETE FROM login_attempts WHERE username = $1")
        .bind(normalize(username))
        .execute(db)
        .await
        .map(|done| done.rows_affected() > 0)
}

/// Usernames locked out from at least one address now, for the staff page.
pub async fn locked_usernames(db: &Db) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT DISTINCT username FROM login_attempts WHERE locked_until > $1 ORDER BY username",
    )
    .bind(now_text())
    .fetch_all(db)
    .await
}
