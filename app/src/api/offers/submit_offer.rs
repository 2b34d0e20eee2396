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
    use crate::model::draft::{DraftKind, submission};
    use crate::server::{auth::guard, change::invalid, landed, marketing};
    let kind = DraftKind::Offer;
    let (state, who) = guard::require(kind.capability()).await?;
    let intent = submission(&draft_key, &intent).map_err(invalid)?;
    let submitted = marketing::submit(&state, &who, &draft_key, offer_id, intent, &form).await?;
    if let Some(notice) = submitted.notice() {
        landed::done(notice);
    }
    leptos_axum::redirect(&submitted.location(kind));
    Ok(submitted)
}
