//! The door's one approval gate: a change about a subject whose request is still open is
//! refused with it; while the change's rule is on, the kind says whether it falls under it.

use crate::approvals;
use crate::auth::staff::Account;
use crate::error::AppError;
use crate::model::approval::{ApprovalAction, Payload};
use crate::state::AppState;
use std::future::Future;

/// The rule a kind of change falls under, and what it is about.
pub struct Rule {
    pub action: ApprovalAction,
    /// What it is about (`model::approval::draft_subject`, `room_subject`): at most one open
    /// request per subject, and no change about it beside that request.
    pub subject: Option<String>,
}

/// What an approval request for a change would hold.
pub struct Ask {
    pub target: Option<String>,
    pub label: String,
    pub payload: Payload,
}

/// Whether a change falls under its rule (asked only while the rule is on).
pub enum Applies {
    /// Not this one: it is sent now.
    No,
    /// It waits for a second person, in a new request holding this.
    Ask(Ask),
    /// It joined request `0`, already open (the later chunks of a badge's user list).
    Joined(i64),
}

/// How a change passed the gate.
pub(super) enum Gate {
    /// Nothing stops it: send it now.
    Open,
    /// It waits in approval request `0`.
    Waiting(i64),
}

/// A change about `rule.subject` while a request about it is open is refused with that request
/// (whether or not the rule is on now: the request alone may send it). Then, while the rule is
/// on, `applies` says whether the change falls under it.
pub(super) async fn gate<Fut>(
    state: &AppState,
    who: &Account,
    rule: Rule,
    applies: impl FnOnce() -> Fut,
) -> Result<Gate, AppError>
where
    Fut: Future<Output = Result<Applies, AppError>>,
{
    let Rule { action, subject } = rule;
    if let Some(subject) = &subject
        && let Some(request) = approvals::store::open_about(&state.db, subject).await?
    {
        return Err(AppError::AlreadyWaiting { request });
    }
    if !approvals::required(state, action).await? {
        return Ok(Gate::Open);
    }
    match applies().await? {
        Applies::No => Ok(Gate::Open),
        Applies::Joined(request) => Ok(Gate::Waiting(request)),
        Applies::Ask(Ask {
            target,
            label,
            payload,
        }) => approvals::request(state, who, action, target, subject, &label, &payload)
            .await
            .map(Gate::Waiting),
    }
}
