//! `get_offer_draft`: a saved offer draft, with its form as it was typed.

use crate::error::AppError;
use crate::model::draft::Draft;
use crate::model::offer::form::OfferForm;
use leptos::prelude::*;

#[server(endpoint = "offers/get-draft")]
pub async fn get_offer_draft(key: String) -> Result<Draft<OfferForm>, AppError> {
    use crate::model::draft::DraftKind;
    use crate::server::{auth::guard, marketing};
    let (state, _) = guard::require(DraftKind::Offer.capability()).await?;
    marketing::read_draft(&state, DraftKind::Offer, &key).await
}
