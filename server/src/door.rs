//! The one door a change of a platform goes through: the role check (`Change::new`), the
//! approval gate (while a rule applies to it), the snapshot for undo (when it deletes), exactly
//! one upstream send, its audit entry, and the after-effects. A kind of change says what it is
//! about and what it sends; the door runs the ritual, the same for a change asked for now, for
//! one a second person just approved, and for a restore. The upstream clients' writes each take a [`Pass`], which only the door makes: the
//! compiler refuses a write that does not come through it.

mod delete;
mod keep;
pub mod pass;
mod send;

pub use delete::{Deletable, delete};
pub use pass::Pass;
pub use send::{Change, send, send_noted, send_then};

use crate::approvals;
use crate::auth::staff::Account;
use crate::error::AppError;
use crate::model::approval::{ApprovalAction, Payload};
use crate::state::AppState;
use std::future::Future;

/// What an approval request for a change would hold.
pub struct Ask {
    pub target: Option<String>,
    /// What it is about (`model::approval::draft_subject`, `room_subject`): at most one open
    /// request per subject.
    pub subject: Option<String>,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// Nothing stops it: send it now.
    Open,
    /// It waits in approval request `0`.
    Waiting(i64),
}

/// The one approval gate. A change about `subject` while a request about it is open is refused
/// with that request (whether or not a rule is on now: the request alone may send it). Then,
/// while `action`'s rule is on, `applies` says whether the change falls under it.
pub async fn gate<Fut>(
    state: &AppState,
    who: &Account,
    action: ApprovalAction,
    subject: Option<&str>,
    applies: impl FnOnce() -> Fut,
) -> Result<Gate, AppError>
where
    Fut: Future<Output = Result<Applies, AppError>>,
{
    if let Some(subject) = subject
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
        Applies::Ask(ask) => {
            let Ask {
                target,
                subject,
                label,
                payload,
            } = ask;
            approvals::request(state, who, action, target, subject, &label, &payload)
                .await
                .map(Gate::Waiting)
        }
    }
}
