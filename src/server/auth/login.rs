//! `POST /login` and `POST /logout`: plain HTML forms, so signing in works without JavaScript.

use super::guard::local_path;
use super::{password, session, staff};
use crate::model::audit::AuditArea;
use crate::model::query::encode as urlencode;
use crate::server::audit::{self, AuditEvent, Outcome};
use crate::server::pages::render as render_page;
use crate::server::state::AppState;
use axum::Form;
use axum::extract::{ConnectInfo, FromRequest, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use std::net::{IpAddr, SocketAddr};
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
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::from([0, 0, 0, 0]));
    if state.config.trust_proxy
        && let Some(forwarded) = request
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok())
    {
        return forwarded;
    }
    peer
}

pub async fn login(State(state): State<AppState>, session: Session, request: Request) -> Response {
    let ip = client_ip(&state, &request);
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

    if let Some(wait) = state.throttle.blocked(ip) {
        tracing::warn!(%ip, "sign-in throttled");
        let mut page = render_page(
            &state,
            &session,
            &again("throttled", &format!("&retry={wait}")),
            StatusCode::TOO_MANY_REQUESTS,
        )
        .await;
        if let Ok(value) = HeaderValue::from_str(&wait.to_string()) {
            page.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return page;
    }
    let locked = staff::locked_minutes(&state.db, &username)
        .await
        .unwrap_or(None);
    if let Some(minutes) = locked {
        state.throttle.record_failure(ip);
        let event = AuditEvent::new(&username, AuditArea::Auth, "sign_in")
            .outcome(Outcome::Refused)
            .summary("account locked");
        audit::record_quietly(&state.db, event).await;
        return render_page(
            &state,
            &session,
            &again("locked", &format!("&retry={}", minutes * 60)),
            StatusCode::TOO_MANY_REQUESTS,
        )
        .await;
    }

    let account = staff::find(&state.db, &username).await.ok().flatten();
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    let password_ok = password::verify(form.password.clone(), stored).await;
    let account = account.filter(|a| password_ok && !a.disabled);
    let Some(account) = account else {
        state.throttle.record_failure(ip);
        let _ = staff::record_failure(&state.db, &username).await;
        tracing::info!(%ip, "sign-in failed");
        let event = AuditEvent::new(&username, AuditArea::Auth, "sign_in")
            .outcome(Outcome::Refused)
            .summary("wrong username or password");
        audit::record_quietly(&state.db, event).await;
        return render_page(
            &state,
            &session,
            &again("invalid", ""),
            StatusCode::UNAUTHORIZED,
        )
        .await;
    };

    let _ = staff::clear_failures(&state.db, &username).await;
    if let Err(err) = session::sign_in(&session, &account).await {
        tracing::error!("cannot start a session: {err}");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let _ = staff::record_login(&state.db, account.id).await;
    let event = AuditEvent::new(&account.username, AuditArea::Auth, "sign_in").summary("signed in");
    audit::record_quietly(&state.db, event).await;
    Redirect::to(&next).into_response()
}

pub async fn logout(State(state): State<AppState>, session: Session) -> Response {
    if let Ok(Some(account)) = session::current(&session, &state.db).await {
        let event =
            AuditEvent::new(&account.username, AuditArea::Auth, "sign_out").summary("signed out");
        audit::record_quietly(&state.db, event).await;
    }
    if let Err(err) = session.flush().await {
        tracing::error!("cannot end a session: {err}");
    }
    Redirect::to("/login?signed_out=1").into_response()
}
