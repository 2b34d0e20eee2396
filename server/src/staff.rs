//! Managing staff accounts, for the staff page and the `user` command alike: checked with the
//! model's rules, stored, and audited under whoever did it (`cli` from the command line).

use super::audit::{AuditEvent, Outcome, record_quietly};
use super::auth::accounts::Accounts;
use super::auth::{password, staff, throttle};
use super::state::AppState;
use crate::change::invalid;
use crate::db::Db;
use crate::error::AppError;
use crate::model::audit::AuditArea;
use crate::model::staff::{Role, TestAudience, validate_password, validate_username};
use crate::model::zone::find_zone;
use std::net::IpAddr;

fn not_found(name: &str) -> AppError {
    AppError::NotFound {
        what: format!("Staff member {name}"),
    }
}

async fn audit(db: &Db, actor: &str, action: &'static str, name: &str, summary: &str) {
    let event = AuditEvent::new(actor, AuditArea::Staff, action)
        .target(name)
        .summary(summary);
    record_quietly(db, event).await;
}

async fn hash(new_password: String) -> Result<String, AppError> {
    password::hash(new_password).await.map_err(|err| {
        tracing::error!("cannot hash a password: {err}");
        AppError::Internal
    })
}

/// Adds `username` with `role` and the password chosen for them; answers the stored name.
pub async fn add(
    accounts: &Accounts,
    actor: &str,
    username: &str,
    role: Role,
    new_password: String,
) -> Result<String, AppError> {
    let db = accounts.db();
    let mut problems = validate_username(username);
    problems
        .0
        .extend(validate_password("password", &new_password, username).into_vec());
    if !problems.is_empty() {
        return Err(invalid(problems));
    }
    let name = staff::normalize(username);
    let hash = hash(new_password).await?;
    if !staff::insert(db, &name, role, &hash).await? {
        return Err(AppError::invalid(
            "username",
            format!("{name} already exists."),
        ));
    }
    let summary = format!("added {name} as {}", role.as_str());
    audit(db, actor, "add", &name, &summary).await;
    Ok(name)
}

/// Sets a new password for `username`, ending their sessions.
pub async fn reset_password(
    accounts: &Accounts,
    actor: &str,
    username: &str,
    new_password: String,
) -> Result<(), AppError> {
    let db = accounts.db();
    let name = staff::normalize(username);
    validate_password("password", &new_password, &name)
        .into_result()
        .map_err(invalid)?;
    let hash = hash(new_password).await?;
    if staff::set_password(db, &name, &hash).await?.is_none() {
        return Err(not_found(&name));
    }
    accounts.changed().await;
    let summary = "password reset; sessions ended";
    audit(db, actor, "reset_password", &name, summary).await;
    Ok(())
}

/// Disables `username` (ending their sessions) or enables them again; no one disables themself.
pub async fn set_disabled(
    accounts: &Accounts,
    actor: &str,
    username: &str,
    disabled: bool,
) -> Result<(), AppError> {
    let db = accounts.db();
    let name = staff::normalize(username);
    if name == actor && disabled {
        return Err(AppError::invalid(
            "username",
            "You cannot disable your own account.",
        ));
    }
    if !staff::set_disabled(db, &name, disabled).await? {
        return Err(not_found(&name));
    }
    accounts.changed().await;
    let (action, summary) = if disabled {
        ("disable", "disabled; sessions ended")
    } else {
        ("enable", "enabled")
    };
    audit(db, actor, action, &name, summary).await;
    Ok(())
}

/// Gives `username` `role`; no admin takes their own admin role away.
pub async fn set_role(
    accounts: &Accounts,
    actor: &str,
    username: &str,
    role: Role,
) -> Result<(), AppError> {
    let db = accounts.db();
    let name = staff::normalize(username);
    if name == actor && role != Role::Admin {
        return Err(AppError::invalid(
            "role",
            "You cannot take away your own admin role.",
        ));
    }
    if !staff::set_role(db, &name, role).await? {
        return Err(not_found(&name));
    }
    accounts.changed().await;
    let summary = format!("role set to {}", role.as_str());
    audit(db, actor, "set_role", &name, &summary).await;
    Ok(())
}

/// Lifts the sign-in locks of `username` (every address).
pub async fn unlock(accounts: &Accounts, actor: &str, username: &str) -> Result<(), AppError> {
    let db = accounts.db();
    let name = staff::normalize(username);
    if staff::find(db, &name).await?.is_none() {
        return Err(not_found(&name));
    }
    let had = staff::unlock(db, &name).await?;
    let summary = if had {
        "sign-in lock lifted"
    } else {
        "was not locked"
    };
    audit(db, actor, "unlock", &name, summary).await;
    Ok(())
}

/// `account` changes their own password from `address`, knowing the current one: throttled and
/// audited like a sign-in (the attempt is counted before the check). Every other session of
/// theirs ends and `session` carries on under a new id.
pub async fn change_own_password(
    state: &AppState,
    account: &staff::Account,
    address: IpAddr,
    session: &tower_sessions::Session,
    current: String,
    new_password: String,
) -> Result<(), AppError> {
    let db = &state.db;
    validate_password("new_password", &new_password, &account.username)
        .into_result()
        .map_err(invalid)?;
    let too_many = |secs: u64| AppError::RateLimited {
        retry_after_secs: secs.clamp(1, 3600) as u32,
    };
    throttle::begin(db, address, state.clock.now())
        .await?
        .map_err(too_many)?;
    let where_from = address.to_string();
    if let Some(minutes) = staff::begin_attempt(db, &account.username, &where_from).await? {
        return Err(too_many(minutes as u64 * 60));
    }
    let stored = Some(account.password_hash.clone());
    let right = password::verify(current, stored)
        .await
        .map_err(|_| too_many(1))?;
    let event = AuditEvent::new(&account.username, AuditArea::Auth, "change_password")
        .target(&account.username);
    if !right {
        let refused = event
            .outcome(Outcome::Refused)
            .summary("wrong current password");
        record_quietly(db, refused).await;
        return Err(AppError::invalid(
            "current",
            "That is not your current password.",
        ));
    }
    throttle::succeeded(db, address).await?;
    staff::clear_attempts(db, &account.username, &where_from).await?;
    let hash = hash(new_password).await?;
    let version = staff::set_password(db, &account.username, &hash)
        .await?
        .ok_or(AppError::Unauthorized)?;
    state.accounts.changed().await;
    super::auth::session::refresh_version(session, version)
        .await
        .map_err(|err| {
            tracing::error!("cannot keep the session after a password change: {err}");
            AppError::Internal
        })?;
    record_quietly(
        db,
        event.summary("changed own password; other sessions ended"),
    )
    .await;
    Ok(())
}

/// `account` chooses the time zone they read and type times in (anyone signed in, for
/// themself only); answers its IANA name as stored. Their sessions stay as they are.
pub async fn set_own_time_zone(
    state: &AppState,
    account: &staff::Account,
    name: &str,
) -> Result<String, AppError> {
    let zone = find_zone(name).ok_or_else(|| {
        let typed: String = name.trim().chars().take(60).collect();
        let message = if typed.is_empty() {
            "Choose a time zone from the list, e.g. Europe/Berlin or UTC.".to_owned()
        } else {
            format!(
                "“{typed}” is not a time zone this dashboard knows: choose one from the list, e.g. Europe/Berlin or UTC."
            )
        };
        AppError::invalid("time_zone", message)
    })?;
    if !staff::set_time_zone(&state.db, account.id, zone.name()).await? {
        return Err(AppError::Unauthorized);
    }
    state.accounts.changed().await;
    Ok(zone.name().to_owned())
}

/// `account` keeps their own test audience, where "Send a test to me" sends (anyone signed in,
/// for themself only): user ids one a line and a room id, checked as the composer checks them,
/// both empty to clear it. Audited; answers it as stored. Their sessions stay as they are.
pub async fn set_own_test_audience(
    state: &AppState,
    account: &staff::Account,
    user_ids: &str,
    room_id: &str,
) -> Result<TestAudience, AppError> {
    let audience = TestAudience::from_form(user_ids, room_id).map_err(invalid)?;
    if !staff::set_test_audience(&state.db, account.id, &audience).await? {
        return Err(AppError::Unauthorized);
    }
    state.accounts.changed().await;
    let event = AuditEvent::new(&account.username, AuditArea::Auth, "set_test_audience")
        .target(&account.username)
        .summary(format!("Test audience: {}", audience.describe()));
    record_quietly(&state.db, event).await;
    Ok(audience)
}
