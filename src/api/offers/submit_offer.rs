//! `submit_offer`: the composer's two buttons. "Save draft" keeps the form on the server;
//! "Publish" creates the offer (or updates `offer_id`) and goes to its page.

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
    crate::server::publish::submit(&draft_key, offer_id, &intent, &form).await
}
