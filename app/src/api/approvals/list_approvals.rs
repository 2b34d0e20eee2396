//! `list_approvals`: the requests waiting for a second person (then the last decided), the
//! caller's own decided since they last opened them, and which actions wait.

use crate::error::AppError;
use crate::model::approval::ApprovalsPage;
use leptos::prelude::*;

#[server(endpoint = "approvals/list")]
pub async fn list_approvals() -> Result<ApprovalsPage, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{approvals, auth::guard};
    let (state, who) = guard::require(Capability::View).await?;
    let requests = approvals::list(&state, &who).await?;
    Ok(ApprovalsPage {
        unseen: approvals::unseen(&state, &who).await?,
        requests,
        rules: approvals::rules(&state).await?,
        hours: state.config.approval_hours,
    })
}
