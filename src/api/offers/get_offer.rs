//! `get_offer`: one offer, with what its last publish through the dashboard reported.

use crate::error::AppError;
use crate::model::draft::WithReport;
use crate::model::offer::Offer;
use leptos::prelude::*;

#[server(endpoint = "offers/get")]
pub async fn get_offer(id: i64) -> Result<WithReport<Offer>, AppError> {
    use crate::model::draft::DraftKind;
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, change::read, drafts};
    let (state, _) = guard::require(Capability::View).await?;
    let item = read(&format!("Offer {id}"), state.upstream.get_offer(id)).await?;
    let report = drafts::report(&state.db, DraftKind::Offer, id)
        .await
        .unwrap_or_else(|err| {
            tracing::error!("cannot read the publish report of offer {id}: {err}");
            None
        });
    Ok(WithReport { item, report })
}
