//! `set_staff_disabled`: disables an account (ending its sessions) or enables it again.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "staff/set-disabled")]
pub async fn set_staff_disabled(username: String, disabled: bool) -> Result<(), AppError> {
    use crate::model::staff::Capability;
    use crate::server::audit::{Outcome, record_quietly};
    use crate::server::auth::{guard, staff};

    let (state, admin) = guard::require(Capability::ManageStaff).await?;
    let name = staff::normalize(&username);
    if name == admin.username && disabled {
        return Err(AppError::invalid(
            "username",
            "You cannot disable your own account.",
        ));
    }
    let found = staff::set_disabled(&state.db, &name, disabled)
        .await
        .map_err(|err| {
            tracing::error!("cannot disable staff: {err}");
            AppError::Internal
        })?;
    if !found {
        return Err(AppError::NotFound {
            what: format!("Staff member {name}"),
        });
    }
    let (action, summary) = if disabled {
        ("disable", "disabled; sessions ended")
    } else {
        ("enable", "enabled")
    };
    record_quietly(
        &state.db,
        &admin.username,
        action,
        "staff",
        Some(&name),
        Outcome::Ok,
        summary,
    )
    .await;
    Ok(())
}
