//! `watchers-dashboard db …`: the database itself (moving to another one).

use crate::server::db::copy;
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Copy everything the dashboard keeps into a new, empty database (SQLite to PostgreSQL when
    /// moving to several replicas). Stop the dashboard first; sessions are not copied.
    Copy {
        /// The database to copy from, e.g. sqlite://data/dashboard.db
        #[arg(long)]
        from: String,
        /// The new database to copy into, e.g. postgres://dashboard@db.internal/dashboard
        #[arg(long)]
        to: String,
    },
}

pub async fn run(command: DbCommand) -> ExitCode {
    match command {
        DbCommand::Copy { from, to } => match copy::copy(&from, &to).await {
            Ok(copied) => {
                for (table, rows) in &copied {
                    println!("{table:<22} {rows:>8} rows");
                }
                let total: u64 = copied.iter().map(|(_, rows)| rows).sum();
                println!(
                    "Copied {total} rows. Point DATABASE_URL at the new database and start the dashboard."
                );
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("watchers-dashboard db copy: {message}");
                ExitCode::from(1)
            }
        },
    }
}
