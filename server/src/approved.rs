//! Deciding an approval request and sending what was approved, once: the same server path (and
//! the same door) the change takes without approval, then how it ended noted on the request and
//! in the audit log. It stands above the areas whose changes it sends, and `approvals` beneath
//! them, so that an area can ask for approval without importing what sends it.

use crate::approvals::{self, store};
use crate::audit::{AuditEvent, Outcome, record_quietly};
use crate::auth::staff::Account;
use crate::badges;
use crate::door::{self, Delete};
use crate::error::AppError;
use crate::marketing::{Composer, Publish};
use crate::model::advertisement::form::AdForm;
use crate::model::approval::{self, Approval, ApprovalState, Payload};
use crate::model::badge::{USERS_CHUNK, UserIdList, UsersMode};
use crate::model::draft::Submitted;
use crate::model::offer::form::OfferForm;
use crate::rooms::RoomDelete;
use crate::state::AppState;

/// Approves (and sends, once) or rejects request `id`; answers it as it stands after.
pub async fn decide(
    state: &AppState,
    who: &Account,
    id: i64,
    approve: bool,
    reason: &str,
) -> Result<Approval, AppError> {
    let request = approvals::decide(state, who, id, approve, reason).await?;
    if approve {
        send(state, who, &request).await?;
    }
    approvals::get(state, who, id).await
}

/// Sends request `request` (just approved by `who`) and notes how it ended; a failure is kept on
/// the request, never sent again.
async fn send(state: &AppState, who: &Account, request: &Approval) -> Result<(), AppError> {
    let id = request.id;
    let payload = store::payload(&state.db, id)
        .await?
        .ok_or(AppError::Internal)?;
    let asked_by = request.requested_by.as_str();
    // The payload decoded to its kind, in this one place; each goes through the door as approved.
    let result = match payload {
        Payload::Offer {
            draft_key,
            target,
            form,
        } => publish::<OfferForm>(state, who, &draft_key, target, &form, asked_by).await,
        Payload::Advertisement {
            draft_key,
            target,
            form,
        } => publish::<AdForm>(state, who, &draft_key, target, &form, asked_by).await,
        Payload::DeleteRoom { room } => {
            let name = room.name.clone().unwrap_or_else(|| room.room_id.clone());
            let delete = Delete::new(RoomDelete::new(room.room_id.clone()), &name);
            door::approved(state, who, &delete)
                .await
                .map(|_| format!("room {} deleted (a copy is kept for restore)", room.room_id))
        }
        Payload::ReplaceUsers { badge_id, ids, .. } => replace(state, who, badge_id, ids).await,
    };
    let (to, outcome, audit_outcome): (_, String, _) = match &result {
        Ok(done) => (ApprovalState::Sent, done.clone(), Outcome::Ok),
        Err(err) => (ApprovalState::Failed, err.to_string(), Outcome::Failed),
    };
    store::finish(&state.db, id, to, &outcome).await?;
    state.approval_counts.changed().await;
    let event = AuditEvent::new(&who.username, request.action.area(), "send approved")
        .outcome(audit_outcome)
        .summary(format!(
            "sent approval #{id} ({} “{}”, asked by {asked_by}): {outcome}",
            request.action.label(),
            request.label
        ))
        .link(approval::request_path(id));
    record_quietly(&state.db, event).await;
    result.map(|_| ())
}

async fn publish<F: Composer>(
    state: &AppState,
    who: &Account,
    key: &str,
    target: Option<i64>,
    form: &F,
    asked_by: &str,
) -> Result<String, AppError> {
    let publish = Publish {
        key,
        target,
        form,
        input: form.to_input().map_err(crate::change::invalid)?,
        asked_by: Some(asked_by),
    };
    let sent = door::approved(state, who, &publish).await?;
    let noun = F::KIND.as_str();
    Ok(match publish.submitted(sent) {
        Submitted::Published { id, .. } => format!("published as {noun} #{id}"),
        Submitted::PublishedUnread { note, .. } => {
            format!("published, but the answer did not say the new id: {note}")
        }
        Submitted::DraftSaved { .. }
        | Submitted::AwaitingApproval { .. }
        | Submitted::TestSent { .. } => "kept".into(),
    })
}

/// The whole list in chunks: the first replaces, the others add; stops at the first failure.
async fn replace(
    state: &AppState,
    who: &Account,
    badge: i64,
    ids: Vec<String>,
) -> Result<String, AppError> {
    let total = ids.len();
    for (chunk, part) in ids.chunks(USERS_CHUNK).enumerate() {
        let change = badges::Users {
            id: badge,
            mode: UsersMode::Replace,
            chunk: chunk as u32,
            list: UserIdList {
                ids: part.to_vec(),
                ..UserIdList::default()
            },
        };
        door::approved(state, who, &change).await?;
    }
    Ok(format!("badge #{badge}'s users replaced with {total} ids"))
}
