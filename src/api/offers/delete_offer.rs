//! `delete_offer`: deletes offer `id` (the page asks first, naming it) and goes to the list.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "offers/delete")]
pub async fn delete_offer(id: i64, name: String) -> Result<(), AppError> {
    use crate::model::draft::DraftKind;
    use crate::model::offer::form::OfferForm;
    use crate::server::{auth::guard, marketing};
    let (state, who) = guard::require(DraftKind::Offer.capability()).await?;
    marketing::delete::<OfferForm>(&state, &who, id, &name).await?;
    leptos_axum::redirect(DraftKind::Offer.base());
    Ok(())
}
