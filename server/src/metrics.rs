//! Metrics in Prometheus' text format, recorded through the `metrics` facade and served on an
//! address of their own (`DASHBOARD_METRICS_ADDR`), never on the public port.
//!
//! The recorder is process-wide (one per process, as the facade has it); each dashboard serves
//! it. Counters and histograms are recorded here, where things happen; the host serves them and
//! reads the gauges that describe stored state when they are scraped (`host::metrics`).

use crate::model::deployment::Platform;
use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Latency buckets in seconds, for requests and upstream calls alike.
const LATENCY_BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// The process's recorder, installed on first use. `None` when another recorder was installed
/// first (then nothing is served, and the facade records into that one).
pub fn handle() -> Option<&'static PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), LATENCY_BUCKETS)
                .ok()?;
            match builder.install_recorder() {
                Ok(handle) => {
                    describe();
                    Some(handle)
                }
                Err(err) => {
                    tracing::warn!("metrics are off: {err}");
                    None
                }
            }
        })
        .as_ref()
}

fn describe() {
    use metrics::{describe_counter, describe_gauge, describe_histogram};
    describe_counter!(
        "dashboard_http_requests_total",
        "HTTP requests answered, by route template, method and status"
    );
    describe_histogram!(
        "dashboard_http_request_duration_seconds",
        "Time to answer an HTTP request, by route template and method"
    );
    describe_counter!(
        "dashboard_upstream_calls_total",
        "Calls to Watchers and TagMango, by platform, endpoint template, method and outcome"
    );
    describe_histogram!(
        "dashboard_upstream_call_duration_seconds",
        "Time an upstream call took, by platform, endpoint template and method"
    );
    describe_counter!(
        "dashboard_sign_in_refusals_total",
        "Sign-ins refused, by reason"
    );
    describe_gauge!(
        "dashboard_approvals_waiting",
        "Approval requests waiting for a second person"
    );
    describe_gauge!(
        "dashboard_snapshots_kept",
        "Snapshots of deleted items that can still be restored"
    );
    describe_gauge!(
        "dashboard_db_pool_connections",
        "Database pool connections, by state (in_use, idle)"
    );
    describe_counter!(
        "dashboard_db_errors_total",
        "Database queries that failed, by kind (unavailable, other)"
    );
    describe_counter!(
        "dashboard_cache_requests_total",
        "Look-ups in the in-memory copies, by cache (sessions, accounts, approvals_pending, \
         approvals_decided) and result (hit, miss)"
    );
    describe_counter!("dashboard_panics_total", "Panics in the server's threads");
    describe_gauge!(
        "dashboard_stuck_workers",
        "Runtime workers that have not ticked for 10 seconds"
    );
    describe_gauge!(
        "dashboard_requests_in_flight",
        "Requests being worked on, including those whose client has gone"
    );
}

/// Counts a look-up in one of the in-memory copies.
pub fn cache_lookup(cache: &'static str, hit: bool) {
    let result = if hit { "hit" } else { "miss" };
    metrics::counter!("dashboard_cache_requests_total", "cache" => cache, "result" => result)
        .increment(1);
}

/// Counts a refused sign-in.
pub fn sign_in_refused(reason: &'static str) {
    metrics::counter!("dashboard_sign_in_refusals_total", "reason" => reason).increment(1);
}

/// Records one upstream call.
pub fn upstream_call(
    platform: Platform,
    method: &str,
    path: &str,
    outcome: &'static str,
    took: Duration,
) {
    let endpoint = endpoint_template(path);
    let platform = match platform {
        Platform::Watchers => "watchers",
        Platform::TagMango => "tagmango",
    };
    metrics::counter!(
        "dashboard_upstream_calls_total",
        "platform" => platform,
        "endpoint" => endpoint.clone(),
        "method" => method.to_owned(),
        "outcome" => outcome
    )
    .increment(1);
    metrics::histogram!(
        "dashboard_upstream_call_duration_seconds",
        "platform" => platform,
        "endpoint" => endpoint,
        "method" => method.to_owned()
    )
    .record(took.as_secs_f64());
}

/// The literal segments of the documented upstream paths (Watchers' `external/…`, TagMango's
/// `api/v1/external/gamification/badges`); any other segment is an item's id.
const PATH_WORDS: &[&str] = &[
    "api",
    "v1",
    "external",
    "gamification",
    "badges",
    "badge",
    "offer",
    "advertisement",
    "advertisment",
    "room",
    "speak",
    "status",
    "user",
];

/// An upstream path with its ids replaced by `{id}`, so that the label has a few values, not one
/// per item.
pub fn endpoint_template(path: &str) -> String {
    let segments: Vec<&str> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| if PATH_WORDS.contains(&s) { s } else { "{id}" })
        .collect();
    format!("/{}", segments.join("/"))
}

/// Records every request's route template, method, status and time.
pub async fn track_requests(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let method = request.method().as_str().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!(
        "dashboard_http_requests_total",
        "route" => route.clone(),
        "method" => method.clone(),
        "status" => status
    )
    .increment(1);
    metrics::histogram!(
        "dashboard_http_request_duration_seconds",
        "route" => route,
        "method" => method
    )
    .record(started.elapsed().as_secs_f64());
    response
}

/// Counts every panic of the process (then lets the usual hook print it).
pub fn count_panics() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            metrics::counter!("dashboard_panics_total").increment(1);
            PANICS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            previous(info);
        }));
    });
}

/// Panics since the process started (what `dashboard_panics_total` says, readable without a
/// recorder).
pub static PANICS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

#[cfg(test)]
mod tests {
    use super::endpoint_template;

    #[test]
    fn ids_become_a_placeholder() {
        assert_eq!(
            endpoint_template("/external/badge/123"),
            "/external/badge/{id}"
        );
        assert_eq!(
            endpoint_template("/external/room/main-stage"),
            "/external/room/{id}"
        );
        assert_eq!(
            endpoint_template("/external/room/speak"),
            "/external/room/speak"
        );
        assert_eq!(
            endpoint_template("/api/v1/external/gamification/badges/65f1c0"),
            "/api/v1/external/gamification/badges/{id}"
        );
        assert_eq!(endpoint_template("/"), "/");
    }
}
