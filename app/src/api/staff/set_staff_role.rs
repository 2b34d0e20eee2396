//! `set_staff_role`: changes what an account may do.

use crate::error::AppError;
use crate::model::staff::Role;
use leptos::prelude::*;

#[server(endpoint = "staff/set-role")]
pub async fn set_staff_role(username: String, role: Role) -> Result<(), AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, landed, staff};
    let (state, admin) = guard::require(Capability::ManageStaff).await?;
    staff::set_role(&state.accounts, &admin.username, &username, role).await?;
    landed::done(format!("Role changed: {username} is now {}.", role.label()));
    Ok(())
}
