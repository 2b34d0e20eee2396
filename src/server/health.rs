//! `GET /healthz`: liveness and deployment facts for load balancers and people. Nothing secret.

use super::state::AppState;
use super::upstream::HealthSnapshot;
use axum::{Json, extract::State};
use serde::Serialize;

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
}

#[derive(Debug, Serialize)]
pub struct PlatformHealth {
    pub mode: &'static str,
    pub upstream: HealthSnapshot,
}

pub async fn healthz(State(state): State<AppState>) -> Json<Health> {
    let info = state.shell_info();
    Json(Health {
        status: "ok",
        mode: info.mode.as_str(),
        region: info.region.code(),
        version: info.version,
        upstream: state.upstream.health(),
        tagmango: PlatformHealth {
            mode: info.tagmango_mode.as_str(),
            upstream: state.tagmango.health(),
        },
    })
}
