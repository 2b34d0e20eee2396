//! `reset_staff_password`: sets another account's password, ending its sessions.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "staff/reset-password")]
pub async fn reset_staff_password(username: String, password: String) -> Result<(), AppError> {
    use crate::model::staff::{Capability, validate_password};
    use crate::server::audit::{Outcome, record_quietly};
    use crate::server::auth::{guard, password as pw, staff};

    let (state, admin) = guard::require(Capability::ManageStaff).await?;
    let name = staff::normalize(&username);
    if let Some(problem) = validate_password("password", &password, &name)
        .into_vec()
        .into_iter()
        .next()
    {
        return Err(AppError::invalid(&problem.field, problem.message));
    }
    let hash = pw::hash(password).await.map_err(|_| AppError::Internal)?;
    let found = staff::set_password(&state.db, &name, &hash)
        .await
        .map_err(|err| {
            tracing::error!("cannot reset a password: {err}");
            AppError::Internal
        })?;
    if found.is_none() {
        return Err(AppError::NotFound {
            what: format!("Staff member {name}"),
        });
    }
    record_quietly(
        &state.db,
        &admin.username,
        "reset_password",
        "staff",
        Some(&name),
        Outcome::Ok,
        "password reset; sessions ended",
    )
    .await;
    Ok(())
}
