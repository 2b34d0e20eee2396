//! Real undo: a delete first keeps the item as the platform last answered it (a snapshot), and
//! "Restore" recreates it from that, once; a restored badge gets its known users back in chunks.

mod restore;
/// The snapshots' table, in the storage room.
pub use crate::db::snapshots as store;

pub use restore::restore;

use super::audit::{AuditEvent, Outcome, record_quietly};
use super::auth::staff::Account;
use super::badges::assigned;
use super::state::AppState;
use super::upstream::UpstreamError;
use crate::error::AppError;
use crate::model::audit::AuditArea;
use crate::model::badge::{USERS_CHUNK, UsersMode};
use crate::model::clash::capitalise;
use crate::model::undo::{self, Deleted, KnownUsers, Restore};

/// Keeps `record` (item `item_id` of `area`, named `label`) before it is deleted; answers the
/// snapshot's id. Nothing may be deleted when this fails.
pub async fn keep(
    state: &AppState,
    who: &Account,
    area: AuditArea,
    item_id: &str,
    label: &str,
    record: &serde_json::Value,
    users: Option<&[String]>,
) -> Result<i64, AppError> {
    let now = state.clock.now();
    if let Err(err) = store::purge(&state.db, now).await {
        tracing::error!("cannot forget old snapshots: {err}");
    }
    let kept = store::Kept {
        area,
        item_id,
        label,
        record,
        users,
        by: &who.username,
        keep_until: now + state.config.snapshot_days * 86_400,
    };
    store::insert(&state.db, kept).await.map_err(|err| {
        tracing::error!("cannot keep a snapshot before a delete: {err}");
        AppError::Internal
    })
}

/// The item a delete is about to remove.
pub struct Target<'a> {
    pub area: AuditArea,
    pub item_id: &'a str,
    pub label: &'a str,
    /// Badges: the users the dashboard gave it.
    pub users: Option<&'a [String]>,
}

/// Reads the item afresh (`read`) and keeps it before its delete; answers the snapshot. An item
/// whose answer cannot be read is deleted without one (`None`, logged); when the platform cannot
/// be asked, nothing is deleted.
pub async fn before_delete<T: serde::Serialize>(
    state: &AppState,
    who: &Account,
    target: Target<'_>,
    read: impl std::future::Future<Output = Result<T, UpstreamError>>,
) -> Result<Option<i64>, AppError> {
    let Target {
        area,
        item_id,
        label,
        users,
    } = target;
    let record = match read.await {
        Ok(item) => serde_json::to_value(&item).map_err(|_| AppError::Internal)?,
        Err(UpstreamError::Protocol { reason }) => {
            tracing::warn!(area = area.as_str(), item_id, %reason, "deleting an item that cannot be read: no snapshot kept");
            return Ok(None);
        }
        Err(err) => {
            let what = format!("{} {item_id}", capitalise(undo::noun(area).to_owned()));
            tracing::warn!(%err, "cannot read an item before deleting it");
            return Err(err.into_app_error(crate::model::deployment::Platform::Watchers, &what));
        }
    };
    keep(state, who, area, item_id, label, &record, users)
        .await
        .map(Some)
}

/// Forgets the snapshot of a delete the platform refused; one that may have happened (no answer,
/// or one that could not be read) keeps it, so the item can still be restored.
pub async fn after_delete<T>(state: &AppState, kept: Option<i64>, deleted: &Result<T, AppError>) {
    let maybe_gone = |err: &AppError| {
        matches!(
            err,
            AppError::Unavailable { .. } | AppError::Protocol { .. } | AppError::Transport
        )
    };
    if let (Some(id), Err(err)) = (kept, deleted)
        && !maybe_gone(err)
    {
        discard(state, id).await;
    }
}

/// Forgets snapshot `id`: its delete did not happen.
pub async fn discard(state: &AppState, id: i64) {
    if let Err(err) = store::remove(&state.db, id).await {
        tracing::error!("cannot forget the snapshot of a delete that failed: {err}");
    }
}

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
    if !store::claim_users(&state.db, id, sent, chunk.len()).await? {
        return Err(AppError::invalid(
            "snapshot",
            "Another chunk of these users is being sent right now: wait a moment and look again.",
        ));
    }
    let result = state.upstream.add_badge_users(new_id, &chunk).await;
    let done = if result.is_ok() {
        sent + chunk.len()
    } else {
        sent
    };
    store::users_done(&state.db, id, done).await?;
    let n = chunk.len();
    let event = AuditEvent::new(&who.username, AuditArea::Badges, "restore users")
        .target(new_id.to_string())
        .link(undo::snapshot_path(id));
    match result {
        Ok(_) => {
            if let Err(err) = assigned::note(&state.db, new_id, UsersMode::Add, 1, &chunk).await {
                tracing::error!("cannot note a restored badge's users: {err}");
            }
            let summary = format!(
                "re-assigned {n} known users to restored badge #{new_id} ({done} of {total})"
            );
            record_quietly(&state.db, event.summary(summary)).await;
            Ok(KnownUsers {
                total,
                sent: done as u32,
            })
        }
        Err(err) => {
            let summary = format!("re-assigning {n} known users to restored badge #{new_id}");
            Err(failed(state, event, summary, err, &format!("Badge {new_id}")).await)
        }
    }
}

/// Records a change the platform refused or failed, and types the error for the browser.
pub(super) async fn failed(
    state: &AppState,
    event: AuditEvent,
    summary: String,
    err: UpstreamError,
    what: &str,
) -> AppError {
    let outcome = if err.upstream_answered() {
        Outcome::Refused
    } else {
        Outcome::Failed
    };
    let event = event
        .outcome(outcome)
        .summary(format!("{summary} ({}: {err})", outcome.as_str()));
    record_quietly(&state.db, event).await;
    tracing::warn!(%err, "a restore was refused or failed");
    err.into_app_error(crate::model::deployment::Platform::Watchers, what)
}
