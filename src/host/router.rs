//! The HTTP surface, wired: `/healthz`, sign-in, the CSV exports (the audit log, an
//! advertisement's results), the server-rendered pages, server functions and static assets
//! (`/pkg` precompressed and cached, the rest compressed), behind request ids and metrics,
//! security headers, the cross-site check, sessions, the sign-in requirement, what a form's post
//! did kept for the page it lands on, and the status a failed server function's error chooses;
//! every handler runs to its end on a task of its own (`detach`).

use super::{assets, health, login, pages, security};
use crate::app::shell;
use crate::server::auth::{guard, session};
use crate::server::{
    audit, detach, error_status, landed, metrics, results, state::AppState, telemetry,
};
use axum::Router;
use axum::http::StatusCode;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context};
use std::time::Duration;
use tower_http::CompressionLevel;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

/// The largest request body read (a form, a chunk of 500 user ids); larger is answered 413.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// A request not answered within this is answered 408 (upstream calls time out well before).
/// Its task still runs to its end (see `detach`).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Builds the whole application router around `state`.
pub async fn router(state: AppState) -> Router {
    let store = state.sessions.clone();
    let routes = pages::route_list();
    let context = pages::context(state.clone());
    let render_shell = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };
    let router = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/auth/login", post(login::login))
        .route("/auth/logout", post(login::logout))
        .route("/audit.csv", get(audit::audit_csv))
        .route(
            "/advertisements/{id}/results.csv",
            get(results::results_csv),
        )
        .nest_service("/pkg", assets::pkg(&state.leptos_options))
        .leptos_routes_with_context(&state, routes, context.clone(), render_shell)
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            context, shell,
        ))
        // Innermost: the handler (a page's render, a server function) runs on a tracked task
        // of its own that a client going away, or the time limit below, never cuts short.
        .layer(from_fn_with_state(state.detached.clone(), detach::detach))
        .layer(from_fn(error_status::server_fn_status))
        // What a form's post did, sent on to the page it lands on.
        .layer(from_fn_with_state(state.clone(), landed::carry))
        .layer(from_fn_with_state(state.clone(), guard::pages_need_sign_in))
        .layer(session::layer(store, state.config.https))
        .layer(from_fn(error_status::unsaved_session))
        .layer(from_fn(security::reject_cross_site))
        // Pages, server functions' answers and the audit export, compressed for the browser that
        // asks (what /pkg serves is compressed already). Brotli at 4: most of the size won for
        // little CPU on answers made per request.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4)))
        .layer(from_fn_with_state(
            // HSTS when the public address is https.
            state.config.https,
            security::security_headers,
        ))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(from_fn(metrics::track_requests));
    let trust_proxy = state.config.trust_proxy;
    telemetry::layers(router, trust_proxy).with_state(state)
}
