//! The state every handler and server function can reach.

use super::auth::accounts::Accounts;
use super::auth::throttle::Throttle;
use super::clock::Clock;
use super::config::Config;
use super::upstream::WatchersClient;
use crate::model::deployment::ShellInfo;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sqlx::SqlitePool;
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub config: Arc<Config>,
    /// The Watchers API, live or the in-process sandbox.
    pub upstream: WatchersClient,
    /// Staff, sessions and the audit log.
    pub db: SqlitePool,
    /// Staff accounts held in memory for the session check.
    pub accounts: Arc<Accounts>,
    /// The time sessions are judged by.
    pub clock: Arc<Clock>,
    pub throttle: Arc<Throttle>,
    /// The last refreshed room list (see `server::rooms`).
    pub rooms: Arc<super::rooms::Cache>,
}

impl AppState {
    pub fn new(
        leptos_options: LeptosOptions,
        config: Config,
        upstream: WatchersClient,
        db: SqlitePool,
    ) -> Self {
        AppState {
            leptos_options,
            config: Arc::new(config),
            upstream,
            accounts: Arc::new(Accounts::new(db.clone())),
            clock: Arc::default(),
            db,
            throttle: Arc::default(),
            rooms: Arc::default(),
        }
    }

    /// What the page header and `/healthz` say about this deployment.
    pub fn shell_info(&self) -> ShellInfo {
        ShellInfo {
            mode: self.config.mode(),
            region: self.config.region,
            version: env!("CARGO_PKG_VERSION").to_owned(),
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
