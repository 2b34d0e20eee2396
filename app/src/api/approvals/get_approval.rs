//! `get_approval`: one request, with exactly what approving it will send.

use crate::error::AppError;
use crate::model::approval::Approval;
use leptos::prelude::*;

#[server(endpoint = "approvals/get")]
pub async fn get_approval(id: i64) -> Result<Approval, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{approvals, auth::guard};
    let (state, who) = guard::require(Capability::View).await?;
    approvals::get(&state, &who, id).await
}
