//! The one boundary where a failed server function gets its HTTP status: from its `AppError`.
//!
//! server_fn 0.8 answers every error with 500 and has no hook for the status, so this layer reads
//! the (small, JSON) error of such an answer and sets the status the error chooses for itself
//! ([`AppError::status`]). A form posted without JavaScript is redirected by server_fn instead;
//! that redirect is left to [`landed`](crate::landed). A 503 also says when to try again
//! (`Retry-After`).
//!
//! Also the plain pages answered where no page can be rendered (the database does not answer
//! the sign-in check, a request's task failed): a short HTML document with the request's id.

use crate::error::AppError;
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

/// server_fn marks an error answer with this header (its value is the function's path).
pub(crate) const SERVER_FN_ERROR_HEADER: &str = "serverfnerror";

/// An encoded `AppError` is a few hundred bytes; anything larger is not one.
pub(crate) const MAX_ERROR_BYTES: usize = 64 * 1024;

pub async fn server_fn_status(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match to_bytes(body, MAX_ERROR_BYTES).await {
        Ok(bytes) => bytes,
        Err(err) => {
            tracing::error!("cannot read a server function's error answer: {err}");
            return Response::from_parts(parts, Body::empty());
        }
    };
    if let Ok(err) = serde_json::from_slice::<AppError>(&bytes)
        && let Ok(status) = StatusCode::from_u16(err.status())
    {
        parts.status = status;
        if status == StatusCode::SERVICE_UNAVAILABLE {
            parts
                .headers
                .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECS));
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// What a 503 tells the client to wait before trying again, in seconds.
pub const RETRY_AFTER_SECS: u32 = 10;

/// The answer when the database does not answer and no page can be drawn: 503, `Retry-After`,
/// and a page that says nothing was changed (with the request's id to quote).
pub fn database_unavailable(request_id: Option<&str>) -> Response {
    let mut response = Response::new(Body::from(plain_page(
        "The database is not answering",
        &format!(
            "{} Reload this page to try again.",
            AppError::DatabaseUnavailable
        ),
        request_id,
    )));
    *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    let headers = response.headers_mut();
    headers.insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECS));
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A small HTML page saying `title` and `text`, and the request's id to quote when there is one.
/// Nothing from the request but its id (letters, digits and `-_.:`) is written into it.
pub fn plain_page(title: &str, text: &str, request_id: Option<&str>) -> String {
    let id = request_id.map_or_else(String::new, |id| {
        format!(
            "<p>If you report this, quote this id: <code data-testid=\"request-id\">{}</code></p>",
            escape(id)
        )
    });
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title} · Watchers Dashboard</title></head><body><main><h1>{title}</h1><p role=\"alert\">{text}</p>{id}<p><a href=\"/\">Back to the overview</a></p></main></body></html>",
        title = escape(title),
        text = escape(text),
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// tower-sessions answers an empty 500 when it cannot save a session (a signed-in page whose
/// session was due to be touched, with the database gone): that becomes the plain "database is
/// not answering" page with its 503.
pub async fn unsaved_session(request: Request, next: Next) -> Response {
    let id = super::telemetry::request_id(request.headers());
    let response = next.run(request).await;
    if response.status() == StatusCode::INTERNAL_SERVER_ERROR
        && !response.headers().contains_key(header::CONTENT_TYPE)
        && axum::body::HttpBody::size_hint(response.body()).exact() == Some(0)
    {
        tracing::error!("a session could not be saved; answered as the database not answering");
        return database_unavailable(id.as_deref());
    }
    response
}
