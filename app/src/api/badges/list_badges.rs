//! `list_badges`: a page of badges, newest or oldest first.

use crate::error::AppError;
use crate::model::badge::{Badge, BadgeOrder};
use crate::model::loose::Listed;
use leptos::prelude::*;

#[server(endpoint = "badges/list")]
pub async fn list_badges(page: u32, order: BadgeOrder) -> Result<Vec<Listed<Badge>>, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, badges};
    let (state, who) = guard::require(Capability::View).await?;
    badges::list(&state, &who, page, order).await
}
