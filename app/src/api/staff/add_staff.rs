//! `add_staff`: a new account with the password the admin chose; the page then says so.

use crate::error::AppError;
use crate::model::staff::Role;
use leptos::prelude::*;

#[server(endpoint = "staff/add")]
pub async fn add_staff(username: String, role: Role, password: String) -> Result<(), AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, landed, staff};
    let (state, admin) = guard::require(Capability::ManageStaff).await?;
    let name = staff::add(&state.accounts, &admin.username, &username, role, password).await?;
    landed::done(format!(
        "Added {name} as {}. Tell them their password in person.",
        role.label()
    ));
    Ok(())
}
