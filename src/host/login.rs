//! `POST /login` and `POST /logout`: plain HTML forms, so signing in works without JavaScript.

use super::pages::render as render_page;
use super::security::PageNonce;
use crate::model::audit::AuditArea;
use crate::model::query::encode as urlencode;
use crate::server::audit::{self, AuditEvent, Outcome};
use crate::server::auth::address::address_of;
use crate::server::auth::guard::local_path;
use crate::server::auth::{password, session, staff, throttle};
use crate::server::state::AppState;
use axum::Form;
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use std::net::IpAddr;
use tower_sessions::Session;

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// The address a request came from (the proxy's `X-Forwarded-For` only when configured to trust it).
pub fn client_ip(state: &AppState, request: &Request) -> IpAddr {
    address_of(state, request.headers(), request.extensions())
}

pub async fn login(State(state): State<AppState>, session: Session, request: Request) -> Response {
    let ip = client_ip(&state, &request);
    let nonce = request.extensions().get::<PageNonce>().cloned();
    let form = match Form::<LoginForm>::from_request(request, &()).await {
        Ok(form) => form,
        Err(_) => return StatusCode::BAD_REQUEST.into_response(),
    };
    let username = staff::normalize(&form.username);
    let next = local_path(&form.next).unwrap_or("/").to_owned();
    let again = |error: &str, extra: &str| {
        format!(
            "/login?error={error}&username={}&next={}{extra}",
            urlencode(&username),
            urlencode(&next)
        )
    };
    // The sign-in page again, saying `error`, with `status`.
    let (state_ref, session_ref, nonce_ref) = (&state, &session, nonce.as_ref());
    let page = |error: &str, status: StatusCode| {
        let uri = again(error, "");
        async move { render_page(state_ref, session_ref, nonce_ref, &uri, status).await }
    };
    // The store could not be read: no password was checked and nothing changed (503 with
    // `Retry-After`).
    let unavailable = || {
        let answer = page("unavailable", StatusCode::SERVICE_UNAVAILABLE);
        async move {
            crate::server::metrics::sign_in_refused("database_unavailable");
            let mut answer = answer.await;
            answer.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from(crate::server::error_status::RETRY_AFTER_SECS),
            );
            answer
        }
    };

    if state.breaker.is_open() {
        return unavailable().await;
    }
    // Each attempt is counted before its password is checked: per address, then per username
    // and address, in the database (one statement each, shared by every replica).
    match throttle::begin(&state.db, ip, state.clock.now()).await {
        Ok(Ok(())) => {}
        Ok(Err(wait)) => {
            tracing::warn!(%ip, "sign-in throttled");
            crate::server::metrics::sign_in_refused("throttled");
            return refuse(
                &state,
                &session,
                nonce.as_ref(),
                &again("throttled", &format!("&retry={wait}")),
                wait,
            )
            .await;
        }
        Err(err) => {
            tracing::error!("cannot count a sign-in attempt: {err}");
            state.breaker.note(&state.db, &err);
            return unavailable().await;
        }
    }
    if form.username.chars().count() > MAX_USERNAME_CHARS {
        crate::server::metrics::sign_in_refused("invalid");
        return page("invalid", StatusCode::UNAUTHORIZED).await;
    }
    let address = ip.to_string();
    match staff::begin_attempt(&state.db, &username, &address).await {
        Ok(None) => {}
        Ok(Some(minutes)) => {
            crate::server::metrics::sign_in_refused("locked");
            let event = AuditEvent::new(&username, AuditArea::Auth, "sign_in")
                .outcome(Outcome::Refused)
                .summary("locked for this address");
            audit::record_quietly(&state.db, event).await;
            let retry = format!("&retry={}", minutes * 60);
            return refuse(
                &state,
                &session,
                nonce.as_ref(),
                &again("locked", &retry),
                minutes as u64 * 60,
            )
            .await;
        }
        Err(err) => {
            // Fail closed: without the lock's state, no password is checked.
            tracing::error!("cannot count a sign-in attempt: {err}");
            state.breaker.note(&state.db, &err);
            return unavailable().await;
        }
    }

    let account = match staff::find(&state.db, &username).await {
        Ok(account) => account,
        Err(err) => {
            tracing::error!("cannot read an account: {err}");
            state.breaker.note(&state.db, &err);
            return unavailable().await;
        }
    };
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    let Ok(password_ok) = password::verify(form.password.clone(), stored).await else {
        tracing::warn!(%ip, "sign-in refused: every password check is busy");
        crate::server::metrics::sign_in_refused("busy");
        return refuse(
            &state,
            &session,
            nonce.as_ref(),
            &again("busy", "&retry=1"),
            1,
        )
        .await;
    };
    let account = account.filter(|a| password_ok && !a.disabled);
    let Some(account) = account else {
        tracing::info!(%ip, "sign-in failed");
        crate::server::metrics::sign_in_refused("invalid");
        let event = AuditEvent::new(&username, AuditArea::Auth, "sign_in")
            .outcome(Outcome::Refused)
            .summary("wrong username or password");
        audit::record_quietly(&state.db, event).await;
        return page("invalid", StatusCode::UNAUTHORIZED).await;
    };

    if let Err(err) = throttle::succeeded(&state.db, ip).await {
        tracing::warn!("cannot clear the sign-in throttle: {err}");
    }
    let _ = staff::clear_attempts(&state.db, &username, &address).await;
    if let Err(err) = session::sign_in(&session, &account, &state.clock).await {
        tracing::error!("cannot start a session: {err}");
        return unavailable().await;
    }
    let _ = staff::record_login(&state.db, account.id).await;
    let event = AuditEvent::new(&account.username, AuditArea::Auth, "sign_in").summary("signed in");
    audit::record_quietly(&state.db, event).await;
    Redirect::to(&next).into_response()
}

/// Usernames are at most this long (the model's rule); a longer one is refused before any
/// database work.
const MAX_USERNAME_CHARS: usize = 64;

/// The sign-in page again with `status` 429 and `Retry-After: wait`.
async fn refuse(
    state: &AppState,
    session: &Session,
    nonce: Option<&PageNonce>,
    uri: &str,
    wait: u64,
) -> Response {
    let mut page = render_page(state, session, nonce, uri, StatusCode::TOO_MANY_REQUESTS).await;
    if let Ok(value) = HeaderValue::from_str(&wait.to_string()) {
        page.headers_mut().insert(header::RETRY_AFTER, value);
    }
    page
}

pub async fn logout(State(state): State<AppState>, session: Session) -> Response {
    if let Ok(Some(account)) = session::current(&session, &state).await {
        let event =
            AuditEvent::new(&account.username, AuditArea::Auth, "sign_out").summary("signed out");
        audit::record_quietly(&state.db, event).await;
    }
    if let Err(err) = session.flush().await {
        tracing::error!("cannot end a session: {err}");
    }
    Redirect::to("/login?signed_out=1").into_response()
}
