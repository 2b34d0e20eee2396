//! `submit_offer`: the composer's three buttons. "Save draft" keeps the form on the server;
//! "Publish" creates the offer (or updates `offer_id`) and goes to its page; "Send a test to me"
//! sends it to the person's own test users alone, leaves the draft as it was, and stays on the
//! composer.

use crate::error::AppError;
use crate::model::draft::Submitted;
use crate::model::offer::form::OfferForm;
use leptos::prelude::*;

#[server(endpoint = "offers/submit")]
pub async fn submit_offer(
    draft_key: String,
    offer_id: Option<i64>,
    intent: String,
    form: OfferForm,
) -> Result<Submitted, AppError> {
    use crate::model::draft::DraftKind;
    use crate::server::{auth::guard, marketing};
    let (state, who) = guard::require(DraftKind::Offer.capability()).await?;
    marketing::press(&state, &who, &draft_key, offer_id, &intent, &form).await
}
