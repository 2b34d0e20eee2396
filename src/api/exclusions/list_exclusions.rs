//! `list_exclusions`: the users excluded or included again through the dashboard.

use crate::error::AppError;
use crate::model::exclusion::ExclusionEntry;
use leptos::prelude::*;

#[server(endpoint = "exclusions/list")]
pub async fn list_exclusions() -> Result<Vec<ExclusionEntry>, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, change::with_status, exclusions};
    let (state, _) = guard::require(Capability::View).await?;
    exclusions::list(&state.db).await.map_err(|err| {
        tracing::error!("cannot read exclusions: {err}");
        with_status(AppError::Internal)
    })
}
