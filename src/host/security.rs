//! Cross-site request defence and security headers for every response.

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

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

/// Headers on every response; a strict policy on those that did not set their own (not pages);
/// `Strict-Transport-Security` when the dashboard is served over https (`hsts`).
pub async fn security_headers(State(hsts): State<bool>, request: Request, next: Next) -> Response {
    let personal = !cacheable(request.uri().path());
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
    // A page sets its own policy, with its nonce, while it renders; one without it would load
    // none of its styles or scripts (seen once in the browser tests: a page whose islands never
    // started). Said in the log, so that its cause can be found.
    let html = headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    if html && !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        tracing::warn!(
            status = response.status().as_u16(),
            "a page was answered without its own content security policy"
        );
    }
    let headers = response.headers_mut();
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
