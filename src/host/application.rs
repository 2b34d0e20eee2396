//! The one way to assemble the dashboard, for `main`, the integration tests and the benchmark: an
//! [`Application`] built from [`Config`], `LeptosOptions` and a listener. In sandbox mode it starts
//! the emulator on a loopback port with fresh random credentials; in live mode it points the
//! client at Watchers.

use super::router::router;
use crate::model::badge::BadgeOrder;
use crate::model::tagmango::{RATE_LIMIT, RATE_WINDOW};
use crate::sandbox::{Sandbox, SandboxConfig};
use crate::server::config::{Config, Credentials};
use crate::server::db::Typed;
use crate::server::state::AppState;
use crate::server::upstream::tagmango::{TagMangoClient, TagMangoCredentials};
use crate::server::upstream::{ClientSettings, SharedPace, UpstreamError, WatchersClient};
use leptos::prelude::LeptosOptions;
use secrecy::SecretString;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;

/// The `x-whitelabel-host` the sandbox's TagMango is called with.
const SANDBOX_TAGMANGO_HOST: &str = "sandbox.tagmango.local";

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot start the sandbox: {0}")]
    Sandbox(std::io::Error),
    #[error("cannot set up the Watchers client: {0}")]
    Client(crate::server::upstream::UpstreamError),
    #[error("no randomness for sandbox credentials: {0}")]
    Random(getrandom::Error),
    #[error("cannot open the database: {0}")]
    Database(sqlx::Error),
    #[error("cannot create the first admin: {0}")]
    Bootstrap(String),
    #[error("cannot set up sessions: {0}")]
    Sessions(sqlx::Error),
    #[error("cannot read the listener's address: {0}")]
    Listener(std::io::Error),
    #[error("cannot listen for metrics on DASHBOARD_METRICS_ADDR: {0}")]
    MetricsListener(std::io::Error),
}

/// The dashboard, assembled and bound, ready to serve.
pub struct Application {
    listener: TcpListener,
    address: SocketAddr,
    state: AppState,
    sandbox: Option<Arc<Sandbox>>,
    router: axum::Router,
    metrics_address: Option<SocketAddr>,
}

impl Application {
    /// Opens the database, makes sure there is an admin, starts the sandbox (or points at
    /// Watchers) and builds the router, to serve on `listener`. The pages are told the address
    /// the listener really has (port 0 picks one).
    pub async fn build(
        config: Config,
        mut leptos_options: LeptosOptions,
        listener: TcpListener,
    ) -> Result<Self, StartupError> {
        let address = listener.local_addr().map_err(StartupError::Listener)?;
        leptos_options.site_addr = address;
        crate::server::metrics::count_panics();
        crate::server::telemetry::init_executor();
        let metrics_addr = config.metrics_addr;
        let (state, sandbox) = start(config, leptos_options).await?;
        let router = router(state.clone()).await;
        let metrics_address = match metrics_addr {
            Some(addr) => Some(
                super::metrics::serve(addr, state.clone())
                    .await
                    .map_err(StartupError::MetricsListener)?,
            ),
            None => None,
        };
        Ok(Application {
            listener,
            address,
            state,
            sandbox,
            router,
            metrics_address,
        })
    }

    /// Where it listens.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The in-process sandbox, in sandbox mode.
    pub fn sandbox(&self) -> Option<&Arc<Sandbox>> {
        self.sandbox.as_ref()
    }

    /// Where the metrics are served, when `DASHBOARD_METRICS_ADDR` is set.
    pub fn metrics_address(&self) -> Option<SocketAddr> {
        self.metrics_address
    }

    /// Serves until `shutdown` completes, then gives the requests under way up to
    /// `DASHBOARD_SHUTDOWN_SECONDS` to finish.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let grace = std::time::Duration::from_secs(self.state.config.shutdown_seconds);
        let detached = self.state.detached.clone();
        super::serve::serve(self.listener, self.router, shutdown, detached, grace).await
    }
}

async fn start(
    config: Config,
    leptos_options: LeptosOptions,
) -> Result<(AppState, Option<Arc<Sandbox>>), StartupError> {
    let connected = crate::server::db::connect(&config.database_url)
        .await
        .map_err(StartupError::Database)?;
    let db = connected.db.clone();
    let sessions = crate::server::auth::session_store::Store::open(&connected.typed, db.clone())
        .await
        .map_err(StartupError::Sessions)?;
    let preset = config
        .bootstrap_admin_password
        .as_ref()
        .map(secrecy::ExposeSecret::expose_secret);
    crate::server::auth::bootstrap::ensure_admin(&db, preset)
        .await
        .map_err(StartupError::Bootstrap)?;
    // The sandbox runs when either platform has no credentials, on a loopback port, with fresh
    // random credentials of its own.
    let sandboxed = config.credentials.is_none() || config.tagmango.credentials.is_none();
    let sandbox_credentials = Credentials {
        api_key: SecretString::from(random_token()?),
        bearer_token: SecretString::from(random_token()?),
    };
    let sandbox_tagmango = TagMangoCredentials {
        token: SecretString::from(random_token()?),
        host: SANDBOX_TAGMANGO_HOST.to_owned(),
    };
    let (sandbox, sandbox_url) = if sandboxed {
        let expose =
            |secret: &SecretString| secrecy::ExposeSecret::expose_secret(secret).to_owned();
        let sandbox = Sandbox::open(SandboxConfig {
            api_key: expose(&sandbox_credentials.api_key),
            bearer_token: expose(&sandbox_credentials.bearer_token),
            tagmango_token: expose(&sandbox_tagmango.token),
            data_file: config.sandbox_file.clone(),
            seed: true,
        })
        .map_err(StartupError::Sandbox)?;
        sandbox.set_loose(config.sandbox_loose);
        let addr = sandbox
            .spawn(([127, 0, 0, 1], 0).into())
            .await
            .map_err(StartupError::Sandbox)?;
        tracing::info!("sandbox listening on http://{addr} (loopback only)");
        (Some(sandbox), format!("http://{addr}"))
    } else {
        (None, String::new())
    };
    let client = match &config.credentials {
        Some(credentials) => WatchersClient::new(
            &config.live_base_url(),
            credentials,
            ClientSettings::default(),
        ),
        None => WatchersClient::new(
            &sandbox_url,
            &sandbox_credentials,
            ClientSettings::default(),
        ),
    }
    .map_err(StartupError::Client)?;
    // Replicas on PostgreSQL pace themselves under TagMango's limit together.
    let shared_pace = match &connected.typed {
        Typed::Postgres(pool) => Some(SharedPace::new(
            pool.clone(),
            "tagmango",
            RATE_LIMIT,
            RATE_WINDOW,
        )),
        Typed::Sqlite(_) => None,
    };
    let tagmango = match &config.tagmango.credentials {
        Some(credentials) => TagMangoClient::pacing_with(
            &config.tagmango.live_base_url(),
            credentials,
            ClientSettings::default(),
            shared_pace,
        ),
        None => TagMangoClient::pacing_with(
            &sandbox_url,
            &sandbox_tagmango,
            ClientSettings::default(),
            shared_pace,
        ),
    }
    .map_err(StartupError::Client)?;
    watch_upstream(client.clone());
    let state = AppState::new(leptos_options, config, client, db, sessions, tagmango);
    // Each replica's background passes (each one does nothing when its period is 0).
    crate::server::results::spawn_sampler(state.clone());
    // Test sends whose time is up are removed upstream, here as on every replica (each once).
    crate::server::test_sends::spawn_remover(state.clone());
    Ok((state, sandbox))
}

/// Asks Watchers for one badge at start and whenever it has been quiet for a minute, so that
/// `/healthz` knows whether it answers and a wrong key or token shows in the log at once.
fn watch_upstream(client: WatchersClient) {
    tokio::spawn(async move {
        loop {
            let quiet = client
                .health()
                .last_answer_seconds_ago
                .is_none_or(|secs| secs >= 60);
            if quiet {
                match client.list_badges(1, 0, BadgeOrder::IdDesc).await {
                    Ok(_) => tracing::debug!("Watchers answered the health probe"),
                    Err(UpstreamError::Unauthorized { status }) => tracing::error!(
                        status,
                        "Watchers refused the API key or bearer token; every call will fail"
                    ),
                    Err(err) => tracing::warn!(%err, "Watchers health probe failed"),
                }
            }
            tokio::time::sleep(std::time::Duration::from_secs(60)).await;
        }
    });
}

/// 32 random bytes as hex.
pub fn random_token() -> Result<String, StartupError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(StartupError::Random)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
