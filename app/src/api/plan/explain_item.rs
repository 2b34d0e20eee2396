//! `explain_item`: "why won't it show?" for one user (optionally in one room, at one moment) and
//! one offer or advertisement, as a checklist with the verdict first (a test says so first).

use crate::error::AppError;
use crate::model::explain::{ExplainQuery, Explained};
use leptos::prelude::*;

/// `kind` is `offer` or `advertisement`.
#[server(endpoint = "plan/explain")]
pub async fn explain_item(
    kind: String,
    id: i64,
    query: ExplainQuery,
) -> Result<Explained, AppError> {
    use crate::model::advertisement::form::AdForm;
    use crate::model::draft::DraftKind;
    use crate::model::offer::form::OfferForm;
    use crate::model::plan::{ad_facts, offer_facts};
    use crate::model::staff::Capability;
    use crate::server::plan::explain::{answer, question};
    use crate::server::{auth::guard, marketing, rooms, test_sends, zone};
    let (state, who) = guard::require(Capability::View).await?;
    let viewer = zone::viewer(&who);
    let q = question(&query, viewer.zone, chrono::Utc::now())?;
    let (mut facts, kind) = match kind.as_str() {
        "offer" => {
            let got = marketing::get::<OfferForm>(&state, id).await?;
            (
                offer_facts(&got.item, got.report.as_ref()),
                DraftKind::Offer,
            )
        }
        "advertisement" => {
            let got = marketing::get::<AdForm>(&state, id).await?;
            (
                ad_facts(&got.item, got.report.as_ref()),
                DraftKind::Advertisement,
            )
        }
        _ => {
            return Err(AppError::Invalid {
                field: Some("kind".into()),
                message: "Ask about an offer or an advertisement.".into(),
            });
        }
    };
    facts.test = test_sends::upstream_ids(&state, kind).await?.contains(&id);
    let registry = rooms::list(&state).await?;
    answer(&state, q, &facts, &registry.rooms).await
}
