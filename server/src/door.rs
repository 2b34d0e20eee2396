//! The one door a change of a platform goes through: the approval gate (while a rule applies to
//! it), the snapshot for undo (when it deletes), exactly one upstream send, its audit entry, and
//! the after-effects. A kind of change says what it is about and what it sends; the door runs the
//! ritual, the same for a change asked for now and for one a second person just approved.

use crate::approvals;
use crate::audit::AuditEvent;
use crate::auth::staff::Account;
use crate::change::{Change, change};
use crate::error::AppError;
use crate::model::approval::{ApprovalAction, Payload};
use crate::model::audit::AuditArea;
use crate::state::AppState;
use crate::undo;
use crate::upstream::UpstreamError;
use serde::Serialize;
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

/// An item a delete removes: how it is read to be kept for "Restore", how it is deleted, and
/// what the dashboard forgets once it is gone.
pub trait Deletable: Send + Sync {
    /// The item as the snapshot keeps it.
    type Record: Serialize + Send;
    fn area(&self) -> AuditArea;
    fn item_id(&self) -> String;
    /// The item, for "… was not found" ("Room lobby").
    fn what(&self) -> String;
    /// The users the dashboard gave it (a badge's), kept with the snapshot.
    fn users(&self) -> Option<&[String]> {
        None
    }
    /// Reads the item afresh, to keep it.
    fn read(
        &self,
        state: &AppState,
    ) -> impl Future<Output = Result<Self::Record, UpstreamError>> + Send;
    /// The one upstream call that deletes it.
    fn send(&self, state: &AppState) -> impl Future<Output = Result<(), UpstreamError>> + Send;
    /// What follows here, whether or not the platform deleted it (`deleted`).
    fn after(&self, state: &AppState, deleted: bool) -> impl Future<Output = ()> + Send;
}

/// The one delete ritual: keep the item (snapshot) → delete it, sent once → audit, linked to the
/// snapshot → forget the snapshot of a delete the platform refused → the kind's after-effects.
/// Answers the snapshot (`None` when the item could not be read to keep one). `name` is how the
/// audit log names it.
pub async fn delete<D: Deletable>(
    state: &AppState,
    who: &Account,
    item: &D,
    name: &str,
) -> Result<Option<i64>, AppError> {
    let area = item.area();
    let item_id = item.item_id();
    let label: String = name.chars().take(60).collect();
    let target = undo::Target {
        area,
        item_id: &item_id,
        label: &label,
        users: item.users(),
    };
    let kept = undo::before_delete(state, who, target, item.read(state)).await?;
    let noun = crate::model::undo::noun(area);
    let mut audit = AuditEvent::new(&who.username, area, "delete")
        .target(item_id)
        .summary(format!("deleted {noun} “{label}”"));
    audit.link = kept.map(crate::model::undo::snapshot_path);
    let deleted = change(
        state,
        Change::watchers(audit, item.what()),
        item.send(state),
    )
    .await;
    undo::after_delete(state, kept, &deleted).await;
    item.after(state, deleted.is_ok()).await;
    deleted.map(|()| kept)
}
