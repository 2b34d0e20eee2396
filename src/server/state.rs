//! The state every handler and server function can reach.

use super::config::Config;
use crate::model::deployment::ShellInfo;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub config: Arc<Config>,
}

impl AppState {
    pub fn new(leptos_options: LeptosOptions, config: Config) -> Self {
        AppState {
            leptos_options,
            config: Arc::new(config),
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
