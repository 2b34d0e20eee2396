//! `list_badges`: a page of badges, newest or oldest first.

use crate::error::AppError;
use crate::model::badge::{Badge, BadgeOrder};
use leptos::prelude::*;

/// Badges per page of the list.
pub const BADGES_PAGE: u32 = 20;

#[server(endpoint = "badges/list")]
pub async fn list_badges(page: u32, order: BadgeOrder) -> Result<Vec<Badge>, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, change::read};
    let (state, _) = guard::require(Capability::View).await?;
    let offset = page.saturating_mul(BADGES_PAGE);
    read(
        "Badges",
        state.upstream.list_badges(BADGES_PAGE, offset, order),
    )
    .await
}
