//! `reset_staff_password`: sets another account's password, ending its sessions.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "staff/reset-password")]
pub async fn reset_staff_password(username: String, password: String) -> Result<(), AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, landed, staff};
    let (state, admin) = guard::require(Capability::ManageStaff).await?;
    staff::reset_password(&state.accounts, &admin.username, &username, password).await?;
    landed::done(format!(
        "Password of {username} reset; their sessions have ended."
    ));
    Ok(())
}
