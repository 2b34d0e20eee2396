//! `list_exclusions`: the users excluded or included again through the dashboard, times in the
//! viewer's zone with UTC beside.

use crate::error::AppError;
use crate::model::exclusion::Exclusions;
use leptos::prelude::*;

#[server(endpoint = "exclusions/list")]
pub async fn list_exclusions() -> Result<Exclusions, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, exclusions, zone};
    let (state, who) = guard::require(Capability::View).await?;
    let viewer = zone::viewer(&who);
    exclusions::list(&state, &viewer).await
}
