//! `list_offers`: a page of published offers, newest first.

use crate::error::AppError;
use crate::model::loose::Listed;
use crate::model::offer::Offer;
use leptos::prelude::*;

#[server(endpoint = "offers/list")]
pub async fn list_offers(page: u32) -> Result<Vec<Listed<Offer>>, AppError> {
    use crate::model::offer::form::OfferForm;
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, marketing};
    let (state, who) = guard::require(Capability::View).await?;
    marketing::list::<OfferForm>(&state, &who, page).await
}
