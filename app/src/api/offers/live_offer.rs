//! `live_offer`: the offer composer's live parts for the form as typed (the preview, the payload,
//! the UTC times, the zone's sentence, the clashes, the readiness, the problems), which the live
//! island puts in place. It reads and changes nothing.

use crate::error::AppError;
use crate::model::offer::form::OfferForm;
use leptos::prelude::*;

#[server(endpoint = "offers/live")]
pub async fn live_offer(form: OfferForm, offer_id: Option<i64>) -> Result<String, AppError> {
    use crate::components::live_composer::live_parts;
    use crate::model::draft::DraftKind;
    use crate::server::{auth::guard, zone};
    let (_, who) = guard::require(DraftKind::Offer.capability()).await?;
    let known = !zone::viewer(&who).undetected;
    Ok(live_parts(form, offer_id, known).await)
}
