//! What an operator reads: log lines (text, or one JSON object a line with
//! `DASHBOARD_LOG_FORMAT=json`), each line of a request carrying that request's id, and the id
//! itself (`X-Request-Id`), which error pages show so a complaint can be joined to the log.

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::Response;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::sensitive_headers::{
    SetSensitiveRequestHeadersLayer, SetSensitiveResponseHeadersLayer,
};
use tower_http::trace::TraceLayer;
use tracing::Instrument;
use tracing_subscriber::EnvFilter;

/// The header that carries a request's id, both ways.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Starts logging to standard error: `RUST_LOG` filters (info by default),
/// `DASHBOARD_LOG_FORMAT=json` writes one JSON object a line (with the spans it is in, the
/// request's with its id among them), anything else plain text.
pub fn init_logging() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let json = std::env::var("DASHBOARD_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        // `spans` lists every span a line is in, outermost first: the request's, with its id,
        // comes first whatever the layers inside it open.
        builder
            .json()
            .with_current_span(false)
            .with_span_list(true)
            .init();
    } else {
        builder.init();
    }
}

/// Leptos runs a page's resources (the server functions it calls while rendering) on tasks of
/// their own. This executor gives each task the span it was spawned in, the request's, so their
/// log lines carry the request's id too. Set before Leptos sets its own (which then stands
/// aside); a second call does nothing.
pub fn init_executor() {
    let _ = any_spawner::Executor::init_custom_executor(SpannedTokio);
}

struct SpannedTokio;

impl any_spawner::CustomExecutor for SpannedTokio {
    fn spawn(&self, future: any_spawner::PinnedFuture<()>) {
        tokio::spawn(future.instrument(tracing::Span::current()));
    }

    fn spawn_local(&self, future: any_spawner::PinnedLocalFuture<()>) {
        tokio::task::spawn_local(future.instrument(tracing::Span::current()));
    }

    fn poll_local(&self) {}
}

/// Wraps `router` in the request-id layers: an incoming `X-Request-Id` is kept only behind a
/// trusted proxy (`trust_proxy`), else a new one is made; the id is in the request's span (so in
/// every log line of it) and in the answer. Cookies, credentials and session headers are marked
/// sensitive, so no layer ever logs them.
pub fn layers<S: Clone + Send + Sync + 'static>(router: Router<S>, trust_proxy: bool) -> Router<S> {
    let sensitive = [
        header::COOKIE,
        header::AUTHORIZATION,
        header::PROXY_AUTHORIZATION,
        HeaderName::from_static("x-api-key"),
    ];
    // One tuple, one `Router::layer` call: these six are one boxed service per route rather
    // than six nested ones, which axum's `Route::call` cloned box by box on every request. The
    // first element is the outermost; the order is as it was.
    router.layer((
        SetSensitiveRequestHeadersLayer::new(sensitive),
        SetSensitiveResponseHeadersLayer::new([header::SET_COOKIE]),
        from_fn_with_state(trust_proxy, untrusted_ids_dropped),
        SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid),
        TraceLayer::new_for_http().make_span_with(|request: &Request| {
            let id = request
                .headers()
                .get(REQUEST_ID)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-");
            tracing::info_span!(
                "request",
                request_id = %id,
                method = %request.method(),
                path = %request.uri().path(),
            )
        }),
        PropagateRequestIdLayer::new(REQUEST_ID),
    ))
}

/// Drops a client's own `X-Request-Id` unless a trusted proxy set it (an id chosen by anyone
/// could be made to collide with another request's, or carry junk into the log). A trusted one
/// is kept only when it is short and plain.
async fn untrusted_ids_dropped(
    State(trust_proxy): State<bool>,
    mut request: Request,
    next: Next,
) -> Response {
    let keep = trust_proxy
        && request
            .headers()
            .get(REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .is_some_and(plain_id);
    if !keep {
        request.headers_mut().remove(REQUEST_ID);
    }
    next.run(request).await
}

/// At most 128 characters of letters, digits and `-_.:`.
fn plain_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
}

/// The id of the request whose headers are `headers`, if it has one.
pub fn request_id(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get(REQUEST_ID)
        .and_then(|v: &HeaderValue| v.to_str().ok())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::plain_id;

    #[test]
    fn only_plain_ids_are_kept() {
        assert!(plain_id("lb-2f1c9a:17"));
        assert!(!plain_id(""));
        assert!(!plain_id("a b"));
        assert!(!plain_id("line\nbreak"));
        assert!(!plain_id(&"x".repeat(129)));
    }
}
