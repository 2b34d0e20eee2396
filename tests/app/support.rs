//! Starts the dashboard (or a bare sandbox and client) on ephemeral loopback ports for one test.

use leptos::prelude::LeptosOptions;
use secrecy::SecretString;
use std::collections::HashMap;
use std::sync::Arc;
use watchers_dashboard::server::config::{Config, Credentials};
use watchers_dashboard::server::router::router;
use watchers_dashboard::server::sandbox::{Sandbox, SandboxConfig};
use watchers_dashboard::server::startup::start;
use watchers_dashboard::server::upstream::{ClientSettings, WatchersClient};

pub struct TestApp {
    pub base_url: String,
    pub client: reqwest::Client,
    pub sandbox: Option<Arc<Sandbox>>,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    pub async fn get_text(&self, path: &str) -> (reqwest::StatusCode, String) {
        let response = self.client.get(self.url(path)).send().await.expect("GET");
        let status = response.status();
        (status, response.text().await.expect("body"))
    }
}

/// Starts the app with the given `WATCHERS_*` variables and nothing else from the environment;
/// the sandbox keeps its data in memory unless the variables say otherwise.
pub async fn spawn_app(vars: &[(&str, &str)]) -> TestApp {
    let mut vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    vars.entry("WATCHERS_SANDBOX_FILE".into())
        .or_insert_with(|| ":memory:".into());
    let config = Config::from_lookup(|name| vars.get(name).cloned()).expect("config");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let options = LeptosOptions::builder()
        .output_name("watchers-dashboard")
        .site_root("target/site")
        .site_addr(addr)
        .build();
    let started = start(config, options).await.expect("start");
    let app = router(started.state);
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    TestApp {
        base_url: format!("http://{addr}"),
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        sandbox: started.sandbox,
    }
}

pub const KEY: &str = "test-key";
pub const TOKEN: &str = "test-token";

pub fn credentials(key: &str, token: &str) -> Credentials {
    Credentials {
        api_key: SecretString::from(key.to_owned()),
        bearer_token: SecretString::from(token.to_owned()),
    }
}

/// A sandbox in memory (seeded or empty) and a client that holds its credentials.
pub async fn sandbox_and_client(
    seed: bool,
    settings: ClientSettings,
) -> (Arc<Sandbox>, WatchersClient) {
    let sandbox = Sandbox::open(SandboxConfig {
        api_key: KEY.into(),
        bearer_token: TOKEN.into(),
        data_file: None,
        seed,
    })
    .expect("sandbox");
    let addr = sandbox
        .spawn(([127, 0, 0, 1], 0).into())
        .await
        .expect("spawn");
    let client = WatchersClient::new(
        &format!("http://{addr}"),
        &credentials(KEY, TOKEN),
        settings,
    )
    .expect("client");
    (sandbox, client)
}

/// Quick timeouts so fault tests finish fast.
pub fn fast_settings() -> ClientSettings {
    ClientSettings {
        connect_timeout: std::time::Duration::from_millis(500),
        timeout: std::time::Duration::from_millis(400),
        get_retry_backoff: std::time::Duration::from_millis(20),
    }
}
