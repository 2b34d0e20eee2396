//! First start: with no staff at all, create `admin` and say its password once, on the console.

use super::{password, staff};
use crate::db::Db;
use crate::model::staff::{Role, validate_password};

/// Creates `admin` when there is no staff. With `preset` (from
/// `DASHBOARD_BOOTSTRAP_ADMIN_PASSWORD`) that password is used and nothing is printed; otherwise
/// a random one is printed to standard output, once, and never logged.
pub async fn ensure_admin(db: &Db, preset: Option<&str>) -> Result<(), String> {
    if staff::count(db).await.map_err(|e| e.to_string())? > 0 {
        return Ok(());
    }
    let (password, print) = match preset {
        Some(p) => {
            let problems = validate_password("password", p, "admin");
            if let Some(problem) = problems.0.first() {
                return Err(format!(
                    "DASHBOARD_BOOTSTRAP_ADMIN_PASSWORD: {}",
                    problem.message
                ));
            }
            (p.to_owned(), false)
        }
        None => (password::generate().map_err(|e| e.to_string())?, true),
    };
    let hash = password::hash(password.clone()).await?;
    let created = staff::insert(db, "admin", Role::Admin, &hash)
        .await
        .map_err(|e| e.to_string())?;
    if !created {
        // Another replica starting at the same moment created it first (and said its password).
        return Ok(());
    }
    tracing::info!("no staff yet: created the account admin");
    if print {
        println!(
            "\n  ┌──────────────────────────────────────────────────────────────┐\
             \n  │ First start: sign in as  admin  with password                │\
             \n  │     {password:<56} │\
             \n  │ It is shown only this once. Lost it? `make reset-admin`.     │\
             \n  └──────────────────────────────────────────────────────────────┘\n"
        );
    }
    Ok(())
}
