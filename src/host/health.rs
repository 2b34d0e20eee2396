//! `GET /healthz`: liveness and deployment facts for load balancers and people. Nothing secret.
//! Answers 503 when the database does not answer (a replica that cannot reach it should be taken
//! out of rotation; Watchers being down is reported, but every replica shares that), and when a
//! runtime worker is stuck (the process should be restarted: see README, "Keeping it running").

use crate::server::db::Backend;
use crate::server::state::AppState;
use crate::server::upstream::HealthSnapshot;
use crate::server::watchdog::WorkerBeat;
use axum::http::StatusCode;
use axum::{Json, extract::State};
use serde::Serialize;
use std::time::Duration;

#[derive(Debug, Serialize)]
pub struct Health {
    pub status: &'static str,
    pub mode: &'static str,
    pub region: &'static str,
    pub version: String,
    /// Whether the Watchers API (or the sandbox) answered recently.
    pub upstream: HealthSnapshot,
    /// TagMango's mode, and whether it answered recently (it is called only when used).
    pub tagmango: PlatformHealth,
    pub database: DatabaseHealth,
    /// Each runtime worker's heartbeat (see `server::watchdog`).
    pub workers: Vec<WorkerBeat>,
    /// Requests being worked on now (this one included), including those whose client has gone.
    pub requests_in_flight: usize,
}

#[derive(Debug, Serialize)]
pub struct DatabaseHealth {
    /// `sqlite` or `postgres`.
    pub backend: &'static str,
    /// Whether it answered a query just now (within 2 seconds).
    pub answering: bool,
}

#[derive(Debug, Serialize)]
pub struct PlatformHealth {
    pub mode: &'static str,
    pub upstream: HealthSnapshot,
}

pub async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let info = state.shell_info();
    let answering = crate::server::db::answers(&state.db, Duration::from_secs(2)).await;
    let backend = match Backend::of(&state.config.database_url) {
        Ok(Backend::Postgres) => "postgres",
        _ => "sqlite",
    };
    let workers = state.heartbeats.beats();
    let stuck = workers.iter().any(|w| w.stuck);
    let (status, said) = match (answering, stuck) {
        (_, true) => (StatusCode::SERVICE_UNAVAILABLE, "worker stuck"),
        (false, false) => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable"),
        (true, false) => (StatusCode::OK, "ok"),
    };
    let health = Health {
        status: said,
        mode: info.mode.as_str(),
        region: info.region.code(),
        version: info.version,
        upstream: state.upstream.health(),
        tagmango: PlatformHealth {
            mode: info.tagmango_mode.as_str(),
            upstream: state.tagmango.health(),
        },
        database: DatabaseHealth { backend, answering },
        workers,
        requests_in_flight: state.detached.in_flight(),
    };
    (status, Json(health))
}
