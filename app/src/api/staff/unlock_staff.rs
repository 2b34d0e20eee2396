//! `unlock_staff`: lifts an account's sign-in locks (after too many attempts), from every address.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "staff/unlock")]
pub async fn unlock_staff(username: String) -> Result<(), AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, landed, staff};
    let (state, admin) = guard::require(Capability::ManageStaff).await?;
    staff::unlock(&state.accounts, &admin.username, &username).await?;
    landed::done(format!("Unlocked: {username} can sign in again."));
    Ok(())
}
