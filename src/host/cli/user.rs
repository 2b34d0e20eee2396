//! `watchers-dashboard user …`: staff accounts from the command line (uses `DATABASE_URL`).

use crate::error::AppError;
use crate::model::staff::{Role, validate_password, validate_username};
use crate::server::auth::accounts::Accounts;
use crate::server::auth::{password, staff};
use crate::server::{db, staff as manage};
use clap::Subcommand;
use std::io::BufRead;
use std::process::ExitCode;

/// Changes made from the command line are recorded under this actor.
const CLI: &str = "cli";

const ROLES: [&str; 3] = ["admin", "marketing", "moderator"];

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a member of staff; the password comes from stdin, or a random one is printed.
    Add {
        name: String,
        #[arg(long, value_parser = ROLES)]
        role: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List every account.
    List,
    /// Change an account's role.
    SetRole {
        name: String,
        #[arg(value_parser = ROLES)]
        role: String,
    },
    /// Disable an account and end its sessions.
    Disable { name: String },
    /// Enable a disabled account.
    Enable { name: String },
    /// Lift the account's sign-in locks (after too many attempts), from every address.
    Unlock { name: String },
    /// Set a new password (ending the account's sessions); stdin, or a random one is printed.
    ResetPassword {
        name: String,
        #[arg(long)]
        password_stdin: bool,
    },
}

pub async fn run(command: UserCommand) -> ExitCode {
    let url = super::db::database_url();
    let pool = match db::connect(&url).await {
        Ok(connected) => connected.db,
        Err(err) => return fail(&format!("cannot open {url}: {err}")),
    };
    match execute(&pool, command).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => fail(&message),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("watchers-dashboard user: {message}");
    ExitCode::from(1)
}

/// The password from stdin, or a random one that is printed once.
fn new_password(from_stdin: bool, username: &str) -> Result<String, String> {
    if !from_stdin {
        let generated = password::generate().map_err(|e| e.to_string())?;
        println!("Password for {username}: {generated}");
        return Ok(generated);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| e.to_string())?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    match validate_password("password", &password, username)
        .into_vec()
        .first()
    {
        Some(problem) => Err(problem.message.clone()),
        None => Ok(password),
    }
}

/// What the command line says for a refused change: the model's words, or "no account".
fn refused(err: AppError) -> String {
    match err {
        AppError::NotFound { what } => {
            format!("no account {}", what.trim_start_matches("Staff member "))
        }
        other => other.to_string(),
    }
}

async fn execute(db: &crate::server::db::Db, command: UserCommand) -> Result<(), String> {
    // This process's own cache; running servers hear of the change through the cache versions
    // (`server::versions`) within a poll.
    let accounts = Accounts::new(db.clone());
    let role_of = |r: &str| Role::parse(r).ok_or_else(|| format!("unknown role {r}"));
    match command {
        UserCommand::Add {
            name,
            role,
            password_stdin,
        } => {
            if let Some(problem) = validate_username(&name).into_vec().first() {
                return Err(problem.message.clone());
            }
            let role = role_of(&role)?;
            let password = new_password(password_stdin, &staff::normalize(&name))?;
            let name = manage::add(&accounts, CLI, &name, role, password)
                .await
                .map_err(refused)?;
            println!("Added {name} ({}).", role.as_str());
        }
        UserCommand::List => {
            println!(
                "{:<24} {:<10} {:<9} last sign-in (UTC)",
                "username", "role", "status"
            );
            for m in staff::list(db).await.map_err(|e| e.to_string())? {
                let status = if m.disabled { "disabled" } else { "active" };
                let last = m.last_login_at.unwrap_or_else(|| "never".into());
                println!(
                    "{:<24} {:<10} {status:<9} {last}",
                    m.username,
                    m.role.as_str()
                );
            }
        }
        UserCommand::SetRole { name, role } => {
            let role = role_of(&role)?;
            manage::set_role(&accounts, CLI, &name, role)
                .await
                .map_err(refused)?;
            println!("{} is now {}.", staff::normalize(&name), role.as_str());
        }
        UserCommand::Disable { name } => {
            manage::set_disabled(&accounts, CLI, &name, true)
                .await
                .map_err(refused)?;
            println!("{} is disabled.", staff::normalize(&name));
        }
        UserCommand::Enable { name } => {
            manage::set_disabled(&accounts, CLI, &name, false)
                .await
                .map_err(refused)?;
            println!("{} is enabled.", staff::normalize(&name));
        }
        UserCommand::Unlock { name } => {
            manage::unlock(&accounts, CLI, &name)
                .await
                .map_err(refused)?;
            println!("{} can sign in again.", staff::normalize(&name));
        }
        UserCommand::ResetPassword {
            name,
            password_stdin,
        } => {
            let name = staff::normalize(&name);
            if staff::find(db, &name)
                .await
                .map_err(|e| e.to_string())?
                .is_none()
            {
                return Err(format!("no account {name}"));
            }
            let password = new_password(password_stdin, &name)?;
            manage::reset_password(&accounts, CLI, &name, password)
                .await
                .map_err(refused)?;
            println!("New password set for {name}; their sessions have ended.");
        }
    }
    Ok(())
}
