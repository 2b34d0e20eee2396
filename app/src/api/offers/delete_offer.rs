//! `delete_offer`: deletes offer `id` (the page asks first, naming it) and goes to the list, which offers "Restore"; answers the snapshot kept.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "offers/delete")]
pub async fn delete_offer(id: i64, name: String) -> Result<Option<i64>, AppError> {
    use crate::model::draft::DraftKind;
    use crate::model::offer::form::OfferForm;
    use crate::server::{auth::guard, marketing};
    let (state, who) = guard::require(DraftKind::Offer.capability()).await?;
    let kept = marketing::delete::<OfferForm>(&state, &who, id, &name).await?;
    leptos_axum::redirect(&crate::model::undo::after_delete(
        DraftKind::Offer.base(),
        kept,
    ));
    Ok(kept)
}
