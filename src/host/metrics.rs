//! `/metrics` on an address of its own (`DASHBOARD_METRICS_ADDR`), never the public port: the
//! server's recorder rendered in Prometheus' text format, with the gauges of stored state read at
//! scrape time.

use crate::server::db::{self, Counted};
use crate::server::metrics::handle;
use crate::server::state::AppState;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpListener;

/// Serves `/metrics` on `addr` (never the public port), for as long as the process runs; answers
/// where it listens.
pub async fn serve(addr: SocketAddr, state: AppState) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind(addr).await?;
    let address = listener.local_addr()?;
    if handle().is_none() {
        tracing::warn!("metrics: another recorder is installed; /metrics says so");
    }
    let router = router(state);
    tokio::spawn(async move {
        if let Err(err) = axum::serve(listener, router).await {
            tracing::error!("the metrics listener stopped: {err}");
        }
    });
    tracing::info!("metrics on http://{address}/metrics");
    Ok(address)
}

/// The router of the metrics address: `GET /metrics`.
fn router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .with_state(state)
}

async fn scrape(State(state): State<AppState>) -> Response {
    let Some(recorder) = handle() else {
        return (
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            "metrics are off: another recorder was installed first\n",
        )
            .into_response();
    };
    read_stored_gauges(&state).await;
    let mut response = recorder.render().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    response
}

/// The gauges read at scrape time: the pool, the requests under way, and from the database. A
/// query that fails leaves its gauge as it was (and counts as a database error).
async fn read_stored_gauges(state: &AppState) {
    let size = state.db.size();
    let idle = u32::try_from(state.db.num_idle()).unwrap_or(u32::MAX);
    ::metrics::gauge!("dashboard_db_pool_connections", "state" => "in_use")
        .set(f64::from(size.saturating_sub(idle)));
    ::metrics::gauge!("dashboard_db_pool_connections", "state" => "idle").set(f64::from(idle));
    ::metrics::gauge!("dashboard_requests_in_flight").set(state.detached.in_flight() as f64);
    let counts = [
        ("dashboard_approvals_waiting", Counted::ApprovalsWaiting),
        ("dashboard_snapshots_kept", Counted::SnapshotsKept),
    ];
    for (name, what) in counts {
        let query = db::count(&state.db, what);
        match tokio::time::timeout(Duration::from_secs(2), query).await {
            Ok(Ok(n)) => ::metrics::gauge!(name).set(n as f64),
            Ok(Err(err)) => crate::error::database::note_database_error(&err),
            Err(_) => tracing::warn!("{name}: the database did not answer within 2 s"),
        }
    }
}
