//! `list_approvals`: the requests waiting for a second person (then the last decided), and which
//! actions wait.

use crate::error::AppError;
use crate::model::approval::ApprovalsPage;
use leptos::prelude::*;

#[server(endpoint = "approvals/list")]
pub async fn list_approvals() -> Result<ApprovalsPage, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{approvals, auth::guard};
    let (state, who) = guard::require(Capability::View).await?;
    Ok(ApprovalsPage {
        requests: approvals::list(&state, &who).await?,
        rules: approvals::rules(&state).await?,
        hours: state.config.approval_hours,
    })
}
