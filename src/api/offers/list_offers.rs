//! `list_offers`: a page of published offers, newest first.

use crate::error::AppError;
use crate::model::offer::Offer;
use leptos::prelude::*;

#[server(endpoint = "offers/list")]
pub async fn list_offers(page: u32) -> Result<Vec<Offer>, AppError> {
    use crate::api::offers::MARKETING_PAGE;
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, change::read};
    let (state, _) = guard::require(Capability::View).await?;
    let offset = page.saturating_mul(MARKETING_PAGE);
    read("Offers", state.upstream.list_offers(MARKETING_PAGE, offset)).await
}
