//! `set_staff_disabled`: disables an account (ending its sessions) or enables it again.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "staff/set-disabled")]
pub async fn set_staff_disabled(username: String, disabled: bool) -> Result<(), AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, landed, staff};
    let (state, admin) = guard::require(Capability::ManageStaff).await?;
    staff::set_disabled(&state.accounts, &admin.username, &username, disabled).await?;
    landed::done(if disabled {
        format!("{username} is disabled; their sessions have ended.")
    } else {
        format!("{username} can sign in again.")
    });
    Ok(())
}
