//! Server-rendered pages: the context every render and server function gets (state, and a page's
//! CSP nonce), the app's route list, and rendering a page on its own for handlers that
//! answer a POST with one.

use super::security::PageNonce;
use crate::app::{App, shell};
use crate::server::state::AppState;
use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;
use leptos::reactive::owner::with_context;
use leptos_axum::{generate_route_list, render_app_async_with_context};
use tower_sessions::Session;

/// What every page render and server function gets: the state, and for a page the nonce the
/// security layer gave its request (`security::PageNonce`), which its scripts carry and whose
/// policy that layer sets on the answer.
pub fn context(state: AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    move || {
        provide_context(state.on_database_down.clone());
        provide_context(state.clone());
        if let Some(nonce) = with_context::<Parts, _>(|parts| {
            parts.extensions.get::<PageNonce>().map(PageNonce::take)
        })
        .flatten()
        {
            provide_context(nonce);
        }
    }
}

/// The app's routes, listed once per process. Listing them runs the app with resource loading
/// suppressed process-wide (leptos_server's `SuppressResourceLoad`), so a page rendering on another
/// thread at that moment would wait forever (leptos-rs/leptos#4773): it must happen before any
/// app serves, and only once, even when several apps share a process (the integration tests).
pub fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Renders the page at `uri` (a path and query) with `status` for the holder of `session`, for
/// handlers that answer a POST with a page, such as a failed sign-in; `nonce` is the one the
/// security layer gave that POST.
pub async fn render(
    state: &AppState,
    session: &Session,
    nonce: Option<&PageNonce>,
    uri: &str,
    status: StatusCode,
) -> Response {
    let options = state.leptos_options.clone();
    let handler =
        render_app_async_with_context(context(state.clone()), move || shell(options.clone()));
    let mut request = match Request::get(uri).body(Body::empty()) {
        Ok(request) => request,
        Err(_) => return StatusCode::BAD_REQUEST.into_response(),
    };
    // Server functions run while rendering (who is signed in?) find the session where the
    // session layer would have put it.
    request.extensions_mut().insert(session.clone());
    if let Some(nonce) = nonce {
        request.extensions_mut().insert(nonce.clone());
    }
    let mut response = handler(request).await;
    *response.status_mut() = status;
    response
}
