//! `get_offer`: one offer, with what its last publish through the dashboard reported.

use crate::error::AppError;
use crate::model::offer::Offer;
use crate::model::targeting::WithReport;
use leptos::prelude::*;

#[server(endpoint = "offers/get")]
pub async fn get_offer(id: i64) -> Result<WithReport<Offer>, AppError> {
    use crate::model::offer::form::OfferForm;
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, marketing};
    let (state, _) = guard::require(Capability::View).await?;
    marketing::get::<OfferForm>(&state, id).await
}
