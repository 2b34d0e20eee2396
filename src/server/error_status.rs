//! The one boundary where a failed server function gets its HTTP status: from its `AppError`.
//!
//! server_fn 0.8 answers every error with 500 and has no hook for the status, so this layer reads
//! the (small, JSON) error of such an answer and sets the status the error chooses for itself
//! ([`AppError::status`]). A form posted without JavaScript is redirected by server_fn instead;
//! that redirect is left as it is.

use crate::error::AppError;
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

/// server_fn marks an error answer with this header (its value is the function's path).
const SERVER_FN_ERROR_HEADER: &str = "serverfnerror";

/// An encoded `AppError` is a few hundred bytes; anything larger is not one.
const MAX_ERROR_BYTES: usize = 64 * 1024;

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
    }
    Response::from_parts(parts, Body::from(bytes))
}
