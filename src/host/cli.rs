//! The command line: serve the dashboard (default), run the Watchers sandbox on its own, manage
//! staff, or copy, back up and restore the database.

mod db;
mod user;

use super::run;
use crate::sandbox::{FaultSettings, Sandbox, SandboxConfig};
use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "watchers-dashboard",
    version,
    about = "Web admin for projects on the Watchers chat platform"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the dashboard (what runs when no command is given).
    Serve,
    /// Run the Watchers API sandbox alone, for pointing WATCHERS_BASE_URL at it.
    Sandbox(SandboxArgs),
    /// Manage staff accounts (in the database at DATABASE_URL).
    User {
        #[command(subcommand)]
        command: user::UserCommand,
    },
    /// The database: copy it into a new one, back it up while running, restore a backup.
    Db {
        #[command(subcommand)]
        command: db::DbCommand,
    },
}

#[derive(Debug, Args)]
pub struct SandboxArgs {
    /// Address to listen on; keep it on loopback.
    #[arg(long, default_value = "127.0.0.1:8787")]
    pub addr: SocketAddr,
    /// The x-api-key the sandbox accepts.
    #[arg(long, env = "SANDBOX_API_KEY", hide_env_values = true)]
    pub api_key: String,
    /// The bearer token the sandbox accepts.
    #[arg(long, env = "SANDBOX_BEARER_TOKEN", hide_env_values = true)]
    pub bearer_token: String,
    /// The bearer token its TagMango routes accept (without one, they accept none).
    #[arg(long, env = "SANDBOX_TAGMANGO_TOKEN", hide_env_values = true)]
    pub tagmango_token: Option<String>,
    /// Where to keep the data (`:memory:` for none).
    #[arg(long, default_value = "data/sandbox-standalone.json")]
    pub data_file: String,
    /// Start empty instead of with the demo data set.
    #[arg(long)]
    pub no_seed: bool,
    /// Answer as a live API that drifted from its documents: counters as strings, and an odd
    /// and an unreadable record on the first page of every list.
    #[arg(long, env = "WATCHERS_SANDBOX_LOOSE")]
    pub loose: bool,
    /// Fault injection: milliseconds added to every answer.
    #[arg(long, default_value_t = 0)]
    pub latency_ms: u64,
    /// Fault injection: percentage of requests answered 503.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=100))]
    pub error_percent: u32,
    /// Fault injection: answer every request 429 with this Retry-After.
    #[arg(long)]
    pub rate_limit_secs: Option<u32>,
}

pub async fn main() -> ExitCode {
    let cli = Cli::parse();
    crate::server::telemetry::init_logging();
    match cli.command {
        None | Some(Command::Serve) => run::serve().await,
        Some(Command::Sandbox(args)) => sandbox(args).await,
        Some(Command::User { command }) => user::run(command).await,
        Some(Command::Db { command }) => db::run(command).await,
    }
}

async fn sandbox(args: SandboxArgs) -> ExitCode {
    let data_file = (args.data_file != ":memory:").then(|| PathBuf::from(&args.data_file));
    let sandbox = match Sandbox::open(SandboxConfig {
        api_key: args.api_key,
        bearer_token: args.bearer_token,
        tagmango_token: match args.tagmango_token {
            Some(token) => token,
            None => match crate::host::application::random_token() {
                Ok(token) => token,
                Err(err) => {
                    eprintln!("watchers-dashboard sandbox: {err}");
                    return ExitCode::from(2);
                }
            },
        },
        data_file,
        seed: !args.no_seed,
    }) {
        Ok(sandbox) => sandbox,
        Err(err) => {
            eprintln!("watchers-dashboard sandbox: {err}");
            return ExitCode::from(2);
        }
    };
    sandbox.set_loose(args.loose);
    sandbox.set_faults(FaultSettings {
        latency_ms: args.latency_ms,
        error_percent: args.error_percent,
        rate_limit_secs: args.rate_limit_secs,
        ..Default::default()
    });
    match sandbox.spawn(args.addr).await {
        Ok(addr) => {
            println!("Watchers sandbox listening on http://{addr}/ (Ctrl-C to stop)");
            run::shutdown_signal().await;
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!(
                "watchers-dashboard sandbox: cannot listen on {}: {err}",
                args.addr
            );
            ExitCode::from(1)
        }
    }
}
