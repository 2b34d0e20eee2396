//! Starts the dashboard on an ephemeral loopback port for one test.

use leptos::prelude::LeptosOptions;
use std::collections::HashMap;
use watchers_dashboard::server::{config::Config, router::router, state::AppState};

pub struct TestApp {
    pub base_url: String,
    pub client: reqwest::Client,
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

/// Starts the app with the given `WATCHERS_*` variables and nothing else from the environment.
pub async fn spawn_app(vars: &[(&str, &str)]) -> TestApp {
    let vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
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
    let app = router(AppState::new(options, config));
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    TestApp {
        base_url: format!("http://{addr}"),
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
    }
}
