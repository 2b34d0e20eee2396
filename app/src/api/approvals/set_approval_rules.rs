//! `set_approval_rules`: which actions wait for a second person (administrators only).

use crate::error::AppError;
use crate::model::approval::{ApprovalRule, RulesForm};
use leptos::prelude::*;

#[server(endpoint = "approvals/rules")]
pub async fn set_approval_rules(rules: RulesForm) -> Result<Vec<ApprovalRule>, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{approvals, auth::guard, landed};
    let (state, who) = guard::require(Capability::ManageStaff).await?;
    let saved = approvals::set_rules(&state, &who, &rules.enabled()).await?;
    landed::done("Saved.");
    Ok(saved)
}
