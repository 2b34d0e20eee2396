//! `add_staff`: a new account with the password the admin chose.

use crate::error::AppError;
use crate::model::staff::Role;
use leptos::prelude::*;

#[server(endpoint = "staff/add")]
pub async fn add_staff(username: String, role: Role, password: String) -> Result<(), AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, staff};
    let (state, admin) = guard::require(Capability::ManageStaff).await?;
    staff::add(&state.accounts, &admin.username, &username, role, password).await?;
    Ok(())
}
