//! `list_exclusions`: the users excluded or included again through the dashboard.

use crate::error::AppError;
use crate::model::exclusion::ExclusionEntry;
use leptos::prelude::*;

#[server(endpoint = "exclusions/list")]
pub async fn list_exclusions() -> Result<Vec<ExclusionEntry>, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, exclusions};
    let (state, _) = guard::require(Capability::View).await?;
    Ok(exclusions::list(&state.db).await?)
}
