//! The state every handler and server function can reach: one shared allocation, so the copy
//! each request and server function takes is one reference count, not a dozen.

use super::auth::accounts::Accounts;
use super::auth::session_store;
use super::clock::Clock;
use super::config::Config;
use super::db::Db;
use super::upstream::WatchersClient;
use super::upstream::tagmango::TagMangoClient;
use crate::model::deployment::ShellInfo;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
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
    /// Everything the dashboard keeps (SQLite or PostgreSQL).
    pub db: Db,
    /// Sessions: in the database, with a copy in memory.
    pub sessions: session_store::Store,
    /// Staff accounts held in memory for the session check.
    pub accounts: Arc<Accounts>,
    /// The time sessions are judged by.
    pub clock: Arc<Clock>,
    /// The last refreshed room list (see `server::rooms`).
    pub rooms: Arc<super::rooms::cache::Cache>,
    /// The header's approval counts held in memory (see `server::approvals::counts`).
    pub approval_counts: super::approvals::counts::Counts,
    /// What pages read from the platforms, kept a short while (see `server::read_cache`).
    pub reads: super::read_cache::ReadCache,
    /// The requests under way, each on a task of its own (see `server::detach`).
    pub detached: super::detach::Detached,
    /// The runtime workers' heartbeats (see `server::watchdog`).
    pub heartbeats: Arc<super::watchdog::Heartbeats>,
    /// Open while the database is known not to answer (see `server::breaker`).
    pub breaker: Arc<super::breaker::Breaker>,
    /// What a page or a server function of this app does on meeting a database that is not
    /// answering (see `error::database`): it opens the breaker. Made once, put in every
    /// request's context.
    pub on_database_down: crate::error::database::OnDatabaseDown,
}

impl AppState {
    pub fn new(
        leptos_options: LeptosOptions,
        config: Config,
        upstream: WatchersClient,
        db: Db,
        sessions: session_store::Store,
        tagmango: TagMangoClient,
    ) -> Self {
        let breaker: Arc<super::breaker::Breaker> = Arc::default();
        let on_database_down = {
            let (breaker, db) = (breaker.clone(), db.clone());
            crate::error::database::OnDatabaseDown::new(move || breaker.trip(&db))
        };
        let reads = super::read_cache::ReadCache::new(std::time::Duration::from_millis(
            config.read_cache_ms,
        ));
        let state = AppState(Arc::new(Shared {
            leptos_options,
            config: Arc::new(config),
            upstream,
            tagmango,
            accounts: Arc::new(Accounts::new(db.clone())),
            approval_counts: super::approvals::counts::Counts::new(db.clone()),
            clock: Arc::default(),
            db,
            sessions,
            rooms: Arc::default(),
            reads,
            detached: super::detach::Detached::default(),
            heartbeats: super::watchdog::Heartbeats::watch(tokio::runtime::Handle::current()),
            breaker,
            on_database_down,
        }));
        super::versions::watch(Arc::downgrade(&state.0));
        state
    }

    /// A reference that does not keep the state alive: a background loop's, which ends once the
    /// app that owns the state is gone.
    pub fn downgrade(&self) -> WeakState {
        WeakState(Arc::downgrade(&self.0))
    }

    /// Runs `pass` in the background, again and again, each time after the wait `wait` works out
    /// from the state, until the app that owns the state is gone. Each pass runs on a task of
    /// its own, so one that panics is logged (as `what`'s) and the next runs all the same.
    pub fn repeat<W, P, F>(self, what: &'static str, wait: W, pass: P)
    where
        W: Fn(&AppState) -> std::time::Duration + Send + 'static,
        P: Fn(AppState) -> F + Send + 'static,
        F: std::future::Future<Output = ()> + Send + 'static,
    {
        let weak = self.downgrade();
        drop(self);
        tokio::spawn(async move {
            loop {
                let Some(pause) = weak.upgrade().map(|state| wait(&state)) else {
                    return;
                };
                tokio::time::sleep(pause).await;
                let Some(state) = weak.upgrade() else {
                    return;
                };
                if let Err(err) = tokio::spawn(pass(state)).await {
                    tracing::error!("a pass of {what} failed: {err}");
                }
            }
        });
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

/// [`AppState`] without keeping it alive ([`AppState::downgrade`]); the default holds nothing.
#[derive(Clone, Debug, Default)]
pub struct WeakState(std::sync::Weak<Shared>);

impl WeakState {
    /// The state, while the app still holds it.
    pub fn upgrade(&self) -> Option<AppState> {
        self.0.upgrade().map(AppState)
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
