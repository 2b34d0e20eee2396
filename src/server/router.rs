//! The HTTP surface: `/healthz`, sign-in, the server-rendered pages, server functions and static
//! assets, behind security headers, the cross-site check, sessions and the sign-in requirement.

use super::auth::{guard, login, session};
use super::{audit, health, security, state::AppState};
use crate::app::{App, shell};
use crate::model::staff::{AuditFilter, Capability};
use axum::Router;
use axum::body::Body;
use axum::extract::{Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use leptos::nonce::use_nonce;
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{
    LeptosRoutes, ResponseOptions, file_and_error_handler_with_context, generate_route_list,
    render_app_async_with_context,
};
use tower_sessions::Session;

/// What every page render and server function gets: the state, and a page's CSP with its nonce.
fn page_context(state: AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    move || {
        provide_context(state.clone());
        if let (Some(nonce), Some(response)) = (use_nonce(), use_context::<ResponseOptions>())
            && let Ok(value) = HeaderValue::from_str(&security::page_policy(&nonce))
        {
            response.insert_header(header::CONTENT_SECURITY_POLICY, value);
        }
    }
}

/// The app's routes, listed once per process. Listing them runs the app with resource loading
/// suppressed process-wide (leptos_server's `SuppressResourceLoad`), so a page rendering on another
/// thread at that moment would wait forever (leptos-rs/leptos#4773): it must happen before any
/// app serves, and only once, even when several apps share a process (the integration tests).
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Builds the whole application router around `state`.
pub async fn router(state: AppState) -> Result<Router, sqlx::Error> {
    let store = session::store(&state.db).await?;
    let routes = route_list();
    let context = page_context(state.clone());
    let render_shell = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };
    Ok(Router::new()
        .route("/healthz", get(health::healthz))
        .route("/auth/login", post(login::login))
        .route("/auth/logout", post(login::logout))
        .route("/audit.csv", get(audit_csv))
        .leptos_routes_with_context(&state, routes, context.clone(), render_shell)
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            context, shell,
        ))
        .layer(from_fn_with_state(state.clone(), guard::pages_need_sign_in))
        .layer(session::layer(store, state.config.https))
        .layer(from_fn(security::reject_cross_site))
        .layer(from_fn(security::security_headers))
        .with_state(state))
}

/// Renders the page at `uri` (a path and query) with `status` for the holder of `session`, for
/// handlers that answer a POST with a page, such as a failed sign-in.
pub async fn render_page(
    state: &AppState,
    session: &Session,
    uri: &str,
    status: StatusCode,
) -> Response {
    let options = state.leptos_options.clone();
    let handler =
        render_app_async_with_context(page_context(state.clone()), move || shell(options.clone()));
    let mut request = match Request::get(uri).body(Body::empty()) {
        Ok(request) => request,
        Err(_) => return StatusCode::BAD_REQUEST.into_response(),
    };
    // Server functions run while rendering (who is signed in?) find the session where the
    // session layer would have put it.
    request.extensions_mut().insert(session.clone());
    let mut response = handler(request).await;
    *response.status_mut() = status;
    response
}

/// `GET /audit.csv?person=&area=&from=&to=`: the filtered audit log as CSV, for admins.
async fn audit_csv(
    State(state): State<AppState>,
    session: Session,
    Query(filter): Query<AuditFilter>,
) -> Response {
    match session::current(&session, &state.db).await {
        Ok(Some(account)) if account.role.can(Capability::ViewAudit) => {}
        Ok(Some(_)) => return StatusCode::FORBIDDEN.into_response(),
        Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
    let csv = audit::query(&state.db, &filter, 100_000, 0)
        .await
        .map_err(|e| e.to_string())
        .and_then(|entries| audit::to_csv(&entries).map_err(|e| e.to_string()));
    match csv {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"audit-log.csv\"",
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(err) => {
            tracing::error!("cannot export the audit log: {err}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
