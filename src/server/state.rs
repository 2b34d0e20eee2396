//! The state every handler and server function can reach: one shared allocation, so the copy
//! each request and server function takes is one reference count, not a dozen.

use super::auth::accounts::Accounts;
use super::auth::throttle::Throttle;
use super::clock::Clock;
use super::config::Config;
use super::upstream::WatchersClient;
use super::upstream::tagmango::TagMangoClient;
use crate::model::deployment::ShellInfo;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sqlx::SqlitePool;
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What [`AppState`] shares.
#[derive(Debug)]
pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub config: Arc<Config>,
    /// The Watchers API, live or the in-process sandbox.
    pub upstream: WatchersClient,
    /// TagMango's badge API, live or the in-process sandbox.
    pub tagmango: TagMangoClient,
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
        tagmango: TagMangoClient,
    ) -> Self {
        AppState(Arc::new(Shared {
            leptos_options,
            config: Arc::new(config),
            upstream,
            tagmango,
            accounts: Arc::new(Accounts::new(db.clone())),
            clock: Arc::default(),
            db,
            throttle: Arc::default(),
            rooms: Arc::default(),
        }))
    }

    /// What the page header and `/healthz` say about this deployment.
    pub fn shell_info(&self) -> ShellInfo {
        ShellInfo {
            mode: self.config.mode(),
            tagmango_mode: self.config.tagmango_mode(),
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
