//! Puts the pieces together: in sandbox mode starts the emulator on a loopback port with fresh
//! random credentials; in live mode points the client at Watchers.

use super::config::{Config, Credentials};
use super::sandbox::{Sandbox, SandboxConfig};
use super::state::AppState;
use super::upstream::{ClientSettings, UpstreamError, WatchersClient};
use crate::model::badge::BadgeOrder;
use leptos::prelude::LeptosOptions;
use secrecy::SecretString;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot start the sandbox: {0}")]
    Sandbox(std::io::Error),
    #[error("cannot set up the Watchers client: {0}")]
    Client(super::upstream::UpstreamError),
    #[error("no randomness for sandbox credentials: {0}")]
    Random(getrandom::Error),
    #[error("cannot open the database: {0}")]
    Database(sqlx::Error),
    #[error("cannot create the first admin: {0}")]
    Bootstrap(String),
}

/// The running app's state, and the sandbox when there is one.
pub struct Started {
    pub state: AppState,
    pub sandbox: Option<Arc<Sandbox>>,
}

pub async fn start(config: Config, leptos_options: LeptosOptions) -> Result<Started, StartupError> {
    let db = crate::server::db::connect(&config.database_url)
        .await
        .map_err(StartupError::Database)?;
    let preset = config
        .bootstrap_admin_password
        .as_ref()
        .map(secrecy::ExposeSecret::expose_secret);
    crate::server::auth::bootstrap::ensure_admin(&db, preset)
        .await
        .map_err(StartupError::Bootstrap)?;
    let (client, sandbox) = match &config.credentials {
        Some(credentials) => {
            let client = WatchersClient::new(
                &config.live_base_url(),
                credentials,
                ClientSettings::default(),
            )
            .map_err(StartupError::Client)?;
            (client, None)
        }
        None => {
            let credentials = Credentials {
                api_key: SecretString::from(random_token()?),
                bearer_token: SecretString::from(random_token()?),
            };
            let sandbox = Sandbox::open(SandboxConfig {
                api_key: secrecy::ExposeSecret::expose_secret(&credentials.api_key).to_owned(),
                bearer_token: secrecy::ExposeSecret::expose_secret(&credentials.bearer_token)
                    .to_owned(),
                data_file: config.sandbox_file.clone(),
                seed: true,
            })
            .map_err(StartupError::Sandbox)?;
            let addr = sandbox
                .spawn(([127, 0, 0, 1], 0).into())
                .await
                .map_err(StartupError::Sandbox)?;
            let client = WatchersClient::new(
                &format!("http://{addr}"),
                &credentials,
                ClientSettings::default(),
            )
            .map_err(StartupError::Client)?;
            tracing::info!("sandbox listening on http://{addr} (loopback only)");
            (client, Some(sandbox))
        }
    };
    watch_upstream(client.clone());
    Ok(Started {
        state: AppState::new(leptos_options, config, client, db),
        sandbox,
    })
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
