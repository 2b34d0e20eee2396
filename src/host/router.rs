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
use tower_http::compression::predicate::{And, DefaultPredicate, Predicate, SizeAbove};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

/// The largest request body read (a form, a chunk of 500 user ids); larger is answered 413.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// A request not answered within this is answered 408 (upstream calls time out well before).
/// Its task still runs to its end (see `detach`).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Answers smaller than this are sent uncompressed (see `compression` below).
pub const MIN_COMPRESSED_BYTES: u16 = 1024;

/// Builds the whole application router around `state`.
pub async fn router(state: AppState) -> Router {
    let store = state.sessions.clone();
    let routes = pages::route_list();
    let context = pages::context(state.clone());
    let render_shell = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };
    // The layers, outside in: metrics, the time limit, the body limit, security headers,
    // compression, the cross-site check, sessions, the sign-in wall, `landed`, `error_status`,
    // `detach`. Each `Router::layer` call wraps every route in one more boxed service, and
    // axum's `Route::call` clones its box, and so every box beneath it, on each request (each
    // `from_fn` then clones what is beneath it once more): with a call per layer (eleven here,
    // six in `telemetry`) that was some two hundred small allocations and as many reference
    // counts moved per request before any handler ran. So the layers go in groups, a tuple each
    // (its first element the outermost), one box per group, in the same order as before. The
    // body limit stands alone: the service beneath it is given a `Limited` body, which a boxed
    // route accepts and a `from_fn` does not, and the time limit above it needs an answer body
    // with a default, which the body limit's has not.
    let inner = (
        // HSTS when the public address is https.
        from_fn_with_state(state.config.https, security::security_headers),
        compression(),
        from_fn(security::reject_cross_site),
        from_fn(error_status::unsaved_session),
        session::layer(store, state.config.https),
        from_fn_with_state(state.clone(), guard::pages_need_sign_in),
        // What a form's post did, sent on to the page it lands on.
        from_fn_with_state(state.clone(), landed::carry),
        from_fn(error_status::server_fn_status),
        // Innermost: the handler (a page's render, a server function) runs on a tracked task
        // of its own that a client going away, or the time limit, never cuts short.
        from_fn_with_state(state.detached.clone(), detach::detach),
    );
    let outer = (
        from_fn(metrics::track_requests),
        TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT),
    );
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
        .layer(inner)
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(outer);
    let trust_proxy = state.config.trust_proxy;
    telemetry::layers(router, trust_proxy).with_state(state)
}

/// Pages, server functions' answers and the audit export, compressed for the browser that asks
/// (what /pkg serves is compressed already). Brotli at 4: most of the size won for little CPU on
/// answers made per request. An answer under [`MIN_COMPRESSED_BYTES`] goes as it is: a brotli
/// encoder starts by allocating and clearing a hash table of half a megabyte (gzip's is smaller,
/// still a quarter), tens of microseconds to save a few dozen bytes of a small server function's
/// JSON. An answer whose size is not known beforehand (a streamed page) is still compressed.
fn compression() -> CompressionLayer<And<DefaultPredicate, SizeAbove>> {
    CompressionLayer::new()
        .quality(CompressionLevel::Precise(4))
        .compress_when(DefaultPredicate::new().and(SizeAbove::new(MIN_COMPRESSED_BYTES)))
}
