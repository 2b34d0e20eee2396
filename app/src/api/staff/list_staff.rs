//! `list_staff`: every account, for the staff page.

use crate::error::AppError;
use crate::model::staff::StaffMember;
use leptos::prelude::*;

#[server(endpoint = "staff/list")]
pub async fn list_staff() -> Result<Vec<StaffMember>, AppError> {
    use crate::model::staff::Capability;
    use crate::server::auth::{guard, staff};
    let (state, _) = guard::require(Capability::ManageStaff).await?;
    Ok(staff::list(&state.db).await?)
}
