//! `list_advertisements`: a page of advertisements with their status and counters.

use crate::error::AppError;
use crate::model::advertisement::Advertisement;
use leptos::prelude::*;

#[server(endpoint = "advertisements/list")]
pub async fn list_advertisements(page: u32) -> Result<Vec<Advertisement>, AppError> {
    use crate::api::offers::MARKETING_PAGE;
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, change::read};
    let (state, _) = guard::require(Capability::View).await?;
    let offset = page.saturating_mul(MARKETING_PAGE);
    read(
        "Advertisements",
        state.upstream.list_advertisements(MARKETING_PAGE, offset),
    )
    .await
}
