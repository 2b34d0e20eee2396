//! In front of every sandbox endpoint: counts the request, applies injected faults, and answers
//! 401 unless both Watchers credentials match (TagMango's routes check their own token).

use super::Sandbox;
use super::clock::ClockSettings;
use super::faults::{Fault, FaultSettings};
use super::reply::{Reply, error, ok_json, parse_body};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

pub async fn guard(State(sandbox): State<Arc<Sandbox>>, request: Request, next: Next) -> Response {
    let control = request.uri().path().starts_with("/_sandbox/");
    if !control {
        sandbox.hits.fetch_add(1, Ordering::SeqCst);
    }
    // The control endpoints are never faulted, so a test can always switch faults off again.
    let (latency, fault) = if control {
        (0, Fault::None)
    } else {
        sandbox.faults.next()
    };
    if latency > 0 {
        tokio::time::sleep(Duration::from_millis(latency)).await;
    }
    match fault {
        Fault::Hang => return std::future::pending::<Response>().await,
        Fault::ServerError => {
            return error(StatusCode::SERVICE_UNAVAILABLE, "injected fault").into_response();
        }
        Fault::RateLimited(secs) => {
            let mut response = error(
                StatusCode::TOO_MANY_REQUESTS,
                "ThrottlerException: Too Many Requests",
            )
            .into_response();
            if let Ok(value) = HeaderValue::from_str(&secs.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            return response;
        }
        Fault::Garbage | Fault::None => {}
    }
    let watchers = !request.uri().path().starts_with("/api/v1/");
    if watchers && !authorized(&sandbox, &request) {
        return error(StatusCode::UNAUTHORIZED, "Unauthorized").into_response();
    }
    let response = next.run(request).await;
    if fault == Fault::Garbage {
        return (
            StatusCode::OK,
            Body::from("<html>502 Bad Gateway</html>\u{0}{"),
        )
            .into_response();
    }
    response
}

fn authorized(sandbox: &Sandbox, request: &Request) -> bool {
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    };
    let bearer = header("authorization")
        .strip_prefix("Bearer ")
        .unwrap_or("");
    // Both compared in full, whatever the first one says.
    let key_ok = constant_time_eq(header("x-api-key").as_bytes(), sandbox.api_key.as_bytes());
    let token_ok = constant_time_eq(bearer.as_bytes(), sandbox.bearer_token.as_bytes());
    key_ok & token_ok
}

pub(super) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `GET /_sandbox/faults`: the faults in force (sandbox only, not a Watchers endpoint).
pub async fn get_faults(State(sandbox): State<Arc<Sandbox>>) -> Reply {
    ok_json(sandbox.faults.get())
}

/// `PUT /_sandbox/faults`: sets the faults (sandbox only, not a Watchers endpoint).
pub async fn put_faults(State(sandbox): State<Arc<Sandbox>>, body: axum::body::Bytes) -> Reply {
    let settings: FaultSettings = parse_body(&body)?;
    sandbox.faults.set(settings.clone());
    ok_json(settings)
}

/// `GET /_sandbox/clock`: how far ahead of the system clock the sandbox's clock runs (sandbox
/// only, not a Watchers endpoint).
pub async fn get_clock(State(sandbox): State<Arc<Sandbox>>) -> Reply {
    ok_json(ClockSettings {
        ahead_seconds: sandbox.clock_ahead(),
    })
}

/// `PUT /_sandbox/clock`: sets how far ahead it runs (sandbox only, not a Watchers endpoint).
pub async fn put_clock(State(sandbox): State<Arc<Sandbox>>, body: axum::body::Bytes) -> Reply {
    let settings: ClockSettings = parse_body(&body)?;
    sandbox.set_clock_ahead(settings.ahead_seconds);
    ok_json(settings)
}

pub async fn no_such_endpoint(request: Request) -> Response {
    error(
        StatusCode::NOT_FOUND,
        format!("Cannot {} {}", request.method(), request.uri().path()),
    )
    .into_response()
}
