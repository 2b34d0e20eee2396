//! The checks in front of everything: pages need a signed-in person, and every server function
//! asks [`require`] before it does anything.

use super::session;
use super::staff::Account;
use crate::error::AppError;
use crate::model::query::encode;
use crate::model::staff::Capability;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::use_context;
use leptos::reactive::owner::with_context;
use tower_sessions::Session;

/// The caller of a server function, when signed in and allowed `capability`; otherwise 401 or 403.
pub async fn require(capability: Capability) -> Result<(AppState, Account), AppError> {
    let (state, account) = signed_in().await?;
    if !account.role.can(capability) {
        return Err(AppError::Forbidden);
    }
    Ok((state, account))
}

/// The account [`pages_need_sign_in`] checked for the page being rendered, so the server
/// functions a page calls while rendering do not check the same session again.
#[derive(Clone)]
pub struct PageAccount(pub Account);

/// The caller of a server function, when signed in; otherwise 401.
pub async fn signed_in() -> Result<(AppState, Account), AppError> {
    let state = use_context::<AppState>().ok_or(AppError::Internal)?;
    if state.breaker.is_open() {
        return Err(AppError::DatabaseUnavailable);
    }
    // Read from the request's extensions in place: `leptos_axum::extract` would copy the whole
    // request head (headers and extensions) for each look.
    let (page_account, session) = with_context::<Parts, _>(|parts| {
        (
            parts.extensions.get::<PageAccount>().cloned(),
            parts.extensions.get::<Session>().cloned(),
        )
    })
    .unwrap_or_default();
    if let Some(PageAccount(account)) = page_account {
        return Ok((state, account));
    }
    let session = session.ok_or_else(|| {
        tracing::error!("no session layer in front of a server function");
        AppError::Internal
    })?;
    match session::current(&session, &state).await {
        Ok(Some(account)) => Ok((state, account)),
        Ok(None) => Err(AppError::Unauthorized),
        Err(err) => {
            tracing::error!("session check failed: {err}");
            Err(AppError::DatabaseUnavailable)
        }
    }
}

/// The address the server function's caller came from (as the sign-in throttle sees it).
pub fn caller_address(state: &AppState) -> std::net::IpAddr {
    with_context::<Parts, _>(|parts| {
        super::address::address_of(state, &parts.headers, &parts.extensions)
    })
    .unwrap_or(std::net::IpAddr::from([0, 0, 0, 0]))
}

/// The session of the server function being served.
pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract().await.map_err(|_| AppError::Internal)
}

/// Paths anyone may fetch: the sign-in page, health, static assets. Server functions (`/api/`)
/// check their callers themselves.
fn is_public(path: &str) -> bool {
    matches!(
        path,
        "/login" | "/auth/login" | "/auth/logout" | "/healthz" | "/favicon.svg"
    ) || path.starts_with("/pkg/")
        || path.starts_with("/api/")
}

/// Sends anyone not signed in from a page to `/login?next=…`.
pub async fn pages_need_sign_in(
    State(state): State<AppState>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    if is_public(path) {
        return next.run(request).await;
    }
    if state.breaker.is_open() {
        let id = crate::telemetry::request_id(request.headers());
        return crate::error_status::database_unavailable(id.as_deref());
    }
    match session::current(&session, &state).await {
        Ok(Some(account)) => {
            request.extensions_mut().insert(PageAccount(account));
            next.run(request).await
        }
        Ok(None) => {
            let target = request
                .uri()
                .path_and_query()
                .map(|p| p.as_str())
                .unwrap_or("/");
            let login = format!("/login?next={}", encode(target));
            Redirect::to(&login).into_response()
        }
        Err(err) => {
            // The session store is the database: without it no one can be let in, and nothing
            // was changed.
            tracing::error!("session check failed: {err}");
            state.breaker.trip(&state.db);
            let id = crate::telemetry::request_id(request.headers());
            crate::error_status::database_unavailable(id.as_deref())
        }
    }
}

/// `next` is followed only to a path on this site: `/…`, never `//host` or `/\host`.
pub fn local_path(next: &str) -> Option<&str> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control() || c == '\\');
    ok.then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/badges?page=2"), Some("/badges?page=2"));
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "https://evil.example",
            "badges",
            "/a\nb",
        ] {
            assert_eq!(local_path(bad), None, "{bad}");
        }
    }
}
