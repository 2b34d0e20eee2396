//! `get_badge`: one badge, with its chain when it belongs to one.

use crate::error::AppError;
use crate::model::badge::Badge;
use leptos::prelude::*;

#[server(endpoint = "badges/get")]
pub async fn get_badge(id: i64) -> Result<Badge, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, badges};
    let (state, _) = guard::require(Capability::View).await?;
    badges::get(&state, id).await
}
