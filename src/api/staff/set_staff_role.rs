//! `set_staff_role`: changes what an account may do.

use crate::error::AppError;
use crate::model::staff::Role;
use leptos::prelude::*;

#[server(endpoint = "staff/set-role")]
pub async fn set_staff_role(username: String, role: Role) -> Result<(), AppError> {
    use crate::model::staff::Capability;
    use crate::server::audit::{Outcome, record_quietly};
    use crate::server::auth::{guard, staff};

    let (state, admin) = guard::require(Capability::ManageStaff).await?;
    let name = staff::normalize(&username);
    if name == admin.username && role != Role::Admin {
        return Err(AppError::invalid(
            "role",
            "You cannot take away your own admin role.",
        ));
    }
    let found = staff::set_role(&state.db, &name, role)
        .await
        .map_err(|err| {
            tracing::error!("cannot set a role: {err}");
            AppError::Internal
        })?;
    if !found {
        return Err(AppError::NotFound {
            what: format!("Staff member {name}"),
        });
    }
    record_quietly(
        &state.db,
        &admin.username,
        "set_role",
        "staff",
        Some(&name),
        Outcome::Ok,
        &format!("role set to {}", role.as_str()),
    )
    .await;
    Ok(())
}
