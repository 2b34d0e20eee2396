//! `decide_approval`: approves a request (sending it, once) or rejects it with a reason, then goes
//! to the request, which says how it ended. Only another member of staff whose role allows the
//! action may.

use crate::error::AppError;
use crate::model::approval::Approval;
use leptos::prelude::*;

/// `decision`: `approve` or `reject` (which needs a `reason`).
#[server(endpoint = "approvals/decide")]
pub async fn decide_approval(
    id: i64,
    decision: String,
    #[server(default)] reason: String,
) -> Result<Approval, AppError> {
    use crate::model::{approval::request_path, staff::Capability};
    use crate::server::{approved, auth::guard, landed};
    let approve = match decision.as_str() {
        "approve" => true,
        "reject" => false,
        _ => return Err(AppError::invalid("decision", "Approve or reject.")),
    };
    let (state, who) = guard::require(Capability::View).await?;
    let decided = approved::decide(&state, &who, id, approve, &reason).await?;
    landed::done(format!("{}.", decided.state.label()));
    leptos_axum::redirect(&request_path(id));
    Ok(decided)
}
