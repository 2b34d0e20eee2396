//! `watchers-dashboard db …`: the database itself (moving to another one, backing it up and
//! putting a backup back).

use crate::server::db::backup::{self, Failure};
use crate::server::db::{DEFAULT_DATABASE_URL, copy};
use clap::Subcommand;
use std::path::PathBuf;
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
    /// Write a consistent copy of the SQLite database at DATABASE_URL into a new file; safe while
    /// the dashboard runs. (PostgreSQL: use pg_dump.)
    Backup {
        /// The new file, e.g. backups/dashboard-2025-01-31.db (an existing one is refused)
        file: PathBuf,
    },
    /// Put a backup back into the database at DATABASE_URL, which must be empty (or not exist
    /// yet). Stop the dashboard first; sessions are not restored.
    Restore {
        /// A file written by `db backup`
        file: PathBuf,
    },
}

pub async fn run(command: DbCommand) -> ExitCode {
    match command {
        DbCommand::Copy { from, to } => match copy::copy(&from, &to).await {
            Ok(copied) => {
                print_copied(&copied);
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
        DbCommand::Backup { file } => match backup::backup(&database_url(), &file).await {
            Ok(written) => {
                let tables = written
                    .tables
                    .iter()
                    .filter(|(t, _)| t != "_sqlx_migrations");
                for (table, rows) in tables {
                    println!("{table:<22} {rows:>8} rows");
                }
                println!(
                    "Wrote {} ({} bytes).",
                    written.path.display(),
                    written.bytes
                );
                ExitCode::SUCCESS
            }
            Err(failure) => failed("backup", &failure),
        },
        DbCommand::Restore { file } => match backup::restore(&file, &database_url()).await {
            Ok(copied) => {
                print_copied(&copied);
                let total: u64 = copied.iter().map(|(_, rows)| rows).sum();
                println!(
                    "Restored {total} rows from {}. Start the dashboard; everyone signs in again.",
                    file.display()
                );
                ExitCode::SUCCESS
            }
            Err(failure) => failed("restore", &failure),
        },
    }
}

/// The database the dashboard uses: `DATABASE_URL`, or the default when it is unset or blank.
pub(super) fn database_url() -> String {
    std::env::var("DATABASE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned())
}

fn print_copied(copied: &copy::Copied) {
    for (table, rows) in copied {
        println!("{table:<22} {rows:>8} rows");
    }
}

/// Says why on stderr; exits 2 for a refusal (nothing was tried), 1 for a failure.
fn failed(command: &str, failure: &Failure) -> ExitCode {
    eprintln!("watchers-dashboard db {command}: {}", failure.message());
    match failure {
        Failure::Refused(_) => ExitCode::from(2),
        Failure::Failed(_) => ExitCode::from(1),
    }
}
