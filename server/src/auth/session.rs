//! Sessions (tower-sessions, kept by [`session_store`](super::session_store)): the cookie's
//! settings, signing in, and deciding on every request whether a session still stands.

use super::session_store::Store;
use super::staff::Account;
use crate::clock::Clock;
use crate::model::staff::Capability;
use crate::state::AppState;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tower_sessions::cookie::SameSite;
use tower_sessions::cookie::time::Duration;
use tower_sessions::{Expiry, Session, SessionManagerLayer};

const USER_KEY: &str = "user";
/// A session ends after 30 minutes without a request…
pub const IDLE_MINUTES: i64 = 30;
/// …and 12 hours after sign-in, whatever happens.
pub const ABSOLUTE_SECONDS: i64 = 12 * 3600;

/// A session in use is saved again (moving its idle expiry on) at most this often, so a busy
/// person costs one write a minute rather than one per request.
const TOUCH_SECONDS: i64 = 60;

/// What a session remembers of its person.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct SessionUser {
    id: i64,
    auth_version: i64,
    signed_in_at: i64,
    /// When the session was last saved; tower-sessions saves (and so extends the idle expiry)
    /// only a changed session.
    #[serde(default)]
    touched_at: i64,
}

/// The session layer: HttpOnly, SameSite=Strict; over https also Secure with the `__Host-` prefix.
pub fn layer(store: Store, https: bool) -> SessionManagerLayer<Store> {
    let name = if https {
        "__Host-watchers_session"
    } else {
        "watchers_session"
    };
    SessionManagerLayer::new(store)
        .with_name(name)
        .with_http_only(true)
        .with_same_site(SameSite::Strict)
        .with_secure(https)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(Duration::minutes(IDLE_MINUTES)))
}

/// Starts a session for `account` under a new session id.
pub async fn sign_in(
    session: &Session,
    account: &Account,
    clock: &Clock,
) -> Result<(), tower_sessions::session::Error> {
    session.cycle_id().await?;
    let now = clock.now();
    let user = SessionUser {
        id: account.id,
        auth_version: account.auth_version,
        signed_in_at: now,
        touched_at: now,
    };
    session.insert(USER_KEY, user).await
}

/// Keeps the current session after the person's own password change moved their auth version on.
pub async fn refresh_version(
    session: &Session,
    auth_version: i64,
) -> Result<(), tower_sessions::session::Error> {
    if let Some(mut user) = session.get::<SessionUser>(USER_KEY).await? {
        user.auth_version = auth_version;
        session.cycle_id().await?;
        session.insert(USER_KEY, user).await?;
    }
    Ok(())
}

/// The account behind `session`, if the session still stands: used within the last 30 minutes
/// and not past 12 hours (by `state.clock`), the account neither gone nor disabled, its password
/// unchanged since. A session that fails is ended. Reads memory only, unless an account changed.
pub async fn current(session: &Session, state: &AppState) -> Result<Option<Account>, String> {
    let user: Option<SessionUser> = session.get(USER_KEY).await.map_err(|e| e.to_string())?;
    let Some(mut user) = user else {
        return Ok(None);
    };
    let now = state.clock.now();
    let expired = now.saturating_sub(user.signed_in_at) > ABSOLUTE_SECONDS
        || now.saturating_sub(user.touched_at) > IDLE_MINUTES * 60;
    let account = if expired {
        None
    } else {
        state
            .accounts
            .by_id(user.id)
            .await
            .map_err(|e| e.to_string())?
            .filter(|a| !a.disabled && a.auth_version == user.auth_version)
    };
    if account.is_none() {
        session.flush().await.map_err(|e| e.to_string())?;
    } else if now - user.touched_at >= TOUCH_SECONDS {
        // Activity keeps the session: changing it makes tower-sessions save it with a new
        // idle expiry (30 minutes from now).
        user.touched_at = now;
        session
            .insert(USER_KEY, user)
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(account)
}

/// Whether the person behind `session` may do `capability`, for a route that is no server
/// function (the CSV downloads, which have no `guard`): `Err` is the status to answer (401 signed
/// out, 403 not allowed, 500 when the session cannot be read).
pub async fn allows(
    session: &Session,
    state: &AppState,
    capability: Capability,
) -> Result<(), StatusCode> {
    match current(session, state).await {
        Ok(Some(account)) if account.role.can(capability) => Ok(()),
        Ok(Some(_)) => Err(StatusCode::FORBIDDEN),
        Ok(None) => Err(StatusCode::UNAUTHORIZED),
        Err(_) => Err(StatusCode::INTERNAL_SERVER_ERROR),
    }
}
