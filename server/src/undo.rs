//! Real undo: a delete first keeps the item as the platform last answered it (a snapshot, kept by
//! the door's delete: `door::delete`), and "Restore" recreates it from that, once, through the
//! door; a restored badge gets its known users back in chunks.

mod restore;
/// The snapshots' table, in the storage room.
pub use crate::db::snapshots as store;

pub use restore::restore;

use super::audit::AuditEvent;
use super::auth::staff::Account;
use super::door::{self, Change};
use super::state::AppState;
use crate::db::badge_users as assigned;
use crate::error::AppError;
use crate::model::audit::AuditArea;
use crate::model::badge::{USERS_CHUNK, UsersMode};
use crate::model::deployment::Platform;
use crate::model::undo::{self, Deleted, KnownUsers, Restore};

/// Deletes kept of `area`, newest first.
pub async fn list(state: &AppState, area: AuditArea) -> Result<Vec<Deleted>, AppError> {
    Ok(store::list(&state.db, area, state.clock.now()).await?)
}

/// Snapshot `id`, if it is still kept and `who` may restore what it holds.
pub async fn get(state: &AppState, who: &Account, id: i64) -> Result<Deleted, AppError> {
    let deleted = store::get(&state.db, id, state.clock.now())
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "Deleted item".into(),
        })?;
    if !who.role.can(undo::capability(deleted.area)) {
        return Err(AppError::Forbidden);
    }
    Ok(deleted)
}

/// Re-assigns the next chunk of a restored badge's known users (at most [`USERS_CHUNK`]), once;
/// answers how far it got.
pub async fn restore_users(
    state: &AppState,
    who: &Account,
    id: i64,
) -> Result<KnownUsers, AppError> {
    let deleted = get(state, who, id).await?;
    if deleted.area != AuditArea::Badges {
        // Only a badge has users to give back.
        return Ok(KnownUsers::default());
    }
    let Restore::Done {
        as_id: Some(new_id),
        ..
    } = &deleted.restore
    else {
        return Err(AppError::invalid(
            "snapshot",
            "Restore the badge first: its users go to the new badge.",
        ));
    };
    let new_id: i64 = new_id.parse().map_err(|_| AppError::Internal)?;
    let (users, sent) = store::users(&state.db, id).await?;
    let total = users.len() as u32;
    if sent >= users.len() {
        return Ok(KnownUsers { total, sent: total });
    }
    let chunk: Vec<String> = users.iter().skip(sent).take(USERS_CHUNK).cloned().collect();
    let n = chunk.len();
    let done = sent + n;
    let event = AuditEvent::new(&who.username, AuditArea::Badges, "restore users")
        .target(new_id.to_string())
        .summary(format!(
            "re-assigning {n} known users to restored badge #{new_id}"
        ))
        .link(undo::snapshot_path(id));
    // The role before the claim: a refused chunk leaves the users free to send.
    let needs = undo::capability(AuditArea::Badges);
    let change = Change::new(who, needs, event, format!("Badge {new_id}"))?;
    if !store::claim_users(&state.db, id, sent, chunk.len()).await? {
        return Err(AppError::invalid(
            "snapshot",
            "Another chunk of these users is being sent right now: wait a moment and look again.",
        ));
    }
    let add = |pass| state.upstream.add_badge_users(pass, new_id, &chunk);
    let described = |_: &_, event: AuditEvent| {
        event.summary(format!(
            "re-assigned {n} known users to restored badge #{new_id} ({done} of {total})"
        ))
    };
    let result = door::send_then(state, change, add, described).await;
    store::users_done(&state.db, id, if result.is_ok() { done } else { sent }).await?;
    match result {
        Ok(_) => {
            if let Err(err) = assigned::note(&state.db, new_id, UsersMode::Add, 1, &chunk).await {
                tracing::error!("cannot note a restored badge's users: {err}");
            }
            Ok(KnownUsers {
                total,
                sent: done as u32,
            })
        }
        Err(err) => Err(err.into_app_error(Platform::Watchers, &format!("Badge {new_id}"))),
    }
}
