//! `check_plan`: the clashes an offer or advertisement being composed would have, before it is
//! published (the same rules as the calendar), times said in the viewer's zone.

use crate::error::AppError;
use crate::model::clash::Clash;
use crate::model::plan::Candidate;
use leptos::prelude::*;

#[server(endpoint = "plan/check")]
pub async fn check_plan(candidate: Candidate) -> Result<Vec<Clash>, AppError> {
    use crate::model::clash::check_candidate;
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, plan, zone};
    let (state, who) = guard::require(Capability::View).await?;
    let all = plan::gather(&state, &who, true).await?;
    Ok(check_candidate(
        &candidate.planned(),
        candidate.is_offer,
        &all.offer_plans(),
        &all.ad_plans(),
        &all.room_facts(),
        zone::viewer(&who).zone,
    ))
}
