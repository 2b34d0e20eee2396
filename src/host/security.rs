//! Cross-site request defence and security headers for every response.

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::nonce::Nonce;

/// Refuses (403) a state-changing request that a browser marks as coming from another site.
/// `Sec-Fetch-Site` decides when present; otherwise `Origin` must match the request's own host.
pub async fn reject_cross_site(request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && is_cross_site(&request) {
        tracing::warn!(path = request.uri().path(), "refused a cross-site request");
        return (
            StatusCode::FORBIDDEN,
            "Cross-site requests are not allowed.",
        )
            .into_response();
    }
    next.run(request).await
}

fn is_cross_site(request: &Request) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        // No browser marks at all: not a browser's cross-site form or fetch.
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let origin_host = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .unwrap_or("");
    origin == "null" || origin_host != host
}

/// The Content-Security-Policy of a page rendered with `nonce`. Websockets are allowed only while
/// `cargo leptos watch` reloads the page (`LEPTOS_WATCH`, read once per process rather than on
/// every render: reading the environment takes a process-wide lock and copies the value).
pub fn page_policy(nonce: &str) -> String {
    static WATCHED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let watched = *WATCHED.get_or_init(|| std::env::var_os("LEPTOS_WATCH").is_some());
    let connect = if watched { "'self' ws: wss:" } else { "'self'" };
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' https: data:; \
         connect-src {connect}; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// Static assets may be kept by caches; everything else (pages, server functions, the audit
/// export) is personal and never stored.
fn cacheable(path: &str) -> bool {
    path.starts_with("/pkg/") || path == "/favicon.svg"
}

/// The nonce a request that may be answered with a page is given (a request extension), and
/// whether a render took it ([`PageNonce::take`]): then the answer is a page with that nonce.
#[derive(Clone, Debug, Default)]
pub struct PageNonce {
    nonce: Nonce,
    taken: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl PageNonce {
    /// The nonce, for the render of the page: its scripts carry it.
    pub fn take(&self) -> Nonce {
        self.taken.store(true, std::sync::atomic::Ordering::Relaxed);
        self.nonce.clone()
    }

    fn taken(&self) -> bool {
        self.taken.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// Whether `request` may be answered with a page: anything outside the assets and the server
/// functions (a failed sign-in's POST is answered with the sign-in page).
fn may_be_page(request: &Request) -> bool {
    let path = request.uri().path();
    !path.starts_with("/api/") && !cacheable(path)
}

/// Headers on every response; a strict policy on those that are not pages;
/// `Strict-Transport-Security` when the dashboard is served over https (`hsts`).
///
/// The page policy is set here, the one place: a request that may be answered with a page is
/// given its nonce, as a request extension ([`PageNonce`]); a render takes it
/// (`pages::context`), so the page's scripts carry it, and the answer gets the policy for it.
/// (Set on the render's `ResponseOptions` instead, as before, a page's policy was lost now and
/// then between the render and the answer, leaving the strict policy, which starts none of the
/// page's islands: see `docs/upstream/leptos-axum-fallback-takes-response-options.md`.) An answer no render took the nonce for (a plain error page) keeps the strict
/// policy.
pub async fn security_headers(
    State(hsts): State<bool>,
    mut request: Request,
    next: Next,
) -> Response {
    let personal = !cacheable(request.uri().path());
    let nonce = may_be_page(&request).then(|| {
        let nonce = PageNonce::default();
        request.extensions_mut().insert(nonce.clone());
        nonce
    });
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if personal {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    if let Some(policy) = nonce
        .filter(PageNonce::taken)
        .and_then(|n| HeaderValue::from_str(&page_policy(&n.nonce)).ok())
    {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    let mut set = |name: HeaderName, value: &'static str| {
        headers
            .entry(name)
            .or_insert_with(|| HeaderValue::from_static(value));
    };
    set(
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; frame-ancestors 'none'",
    );
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "same-origin");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::Router;
    use axum::body::{Body, to_bytes};
    use axum::middleware::from_fn_with_state;
    use axum::routing::get;
    use tower::Service;

    /// A page is answered with the page policy for the nonce its request was given, which is
    /// the one its scripts carry; other answers keep the strict one.
    #[tokio::test]
    async fn a_page_gets_the_policy_for_its_nonce() {
        let page = |request: Request| async move {
            let nonce = request
                .extensions()
                .get::<PageNonce>()
                .map(|n| n.take().to_string());
            let html = format!("<script nonce=\"{}\"></script>", nonce.unwrap_or_default());
            ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html)
        };
        let mut app = Router::new()
            .route("/staff", get(page))
            .route("/api/auth/me", get(page))
            .layer(from_fn_with_state(false, security_headers));
        let mut get = async |path: &str| {
            let request = Request::get(path).body(Body::empty()).unwrap();
            let answer = app.call(request).await.unwrap();
            let policy = answer.headers()[header::CONTENT_SECURITY_POLICY].clone();
            let body = to_bytes(answer.into_body(), 4096).await.unwrap();
            (policy, String::from_utf8(body.to_vec()).unwrap())
        };

        let (policy, html) = get("/staff").await;
        let nonce = html.split('"').nth(1).unwrap();
        assert!(nonce.len() >= 16, "the page was given a nonce: {html}");
        assert_eq!(policy, page_policy(nonce).as_str());

        let (policy, _) = get("/api/auth/me").await;
        assert_eq!(
            policy, "default-src 'none'; frame-ancestors 'none'",
            "a server function is given no nonce, and no page policy"
        );
    }
}
