//! Starts the dashboard: reads configuration, binds the listener, serves until Ctrl-C or SIGTERM.

use super::application::Application;
use crate::server::config::Config;
use leptos::prelude::get_configuration;
use std::process::ExitCode;

/// Runs the web server; the exit code says whether it started and stopped cleanly.
pub async fn serve() -> ExitCode {
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("watchers-dashboard: not starting: {err}");
            return ExitCode::from(2);
        }
    };
    let leptos = match get_configuration(None) {
        Ok(conf) => conf.leptos_options,
        Err(err) => {
            eprintln!("watchers-dashboard: not starting: bad LEPTOS_* settings: {err}");
            return ExitCode::from(2);
        }
    };
    let addr = leptos.site_addr;
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("watchers-dashboard: cannot listen on {addr}: {err}");
            return ExitCode::from(1);
        }
    };
    let app = match Application::build(config, leptos, listener).await {
        Ok(app) => app,
        Err(err) => {
            eprintln!("watchers-dashboard: not starting: {err}");
            return ExitCode::from(1);
        }
    };
    let info = app.state().shell_info();
    let addr = app.address();
    tracing::info!(
        mode = info.mode.as_str(),
        region = info.region.code(),
        version = %info.version,
        "Watchers Dashboard listening on http://{addr}/"
    );
    println!(
        "\n  Watchers Dashboard is running ({} mode, region {}).\n  Open http://{addr}/ in your browser and sign in with your staff account.\n  (The very first start prints admin's password above; `make reset-admin` sets a new one.)\n  Stop with Ctrl-C.\n",
        info.mode.badge(),
        info.region.code()
    );
    match app.run_until_stopped(shutdown_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!("server stopped with an error: {err}");
            ExitCode::from(1)
        }
    }
}

pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
