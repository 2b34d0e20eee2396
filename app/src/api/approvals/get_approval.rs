//! `get_approval`: one request, with exactly what approving it will send (or what was asked,
//! once decided); the requester opening it decided has seen the decision.

use crate::error::AppError;
use crate::model::approval::Approval;
use leptos::prelude::*;

#[server(endpoint = "approvals/get")]
pub async fn get_approval(id: i64) -> Result<Approval, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{approvals, auth::guard};
    let (state, who) = guard::require(Capability::View).await?;
    approvals::open(&state, &who, id).await
}
