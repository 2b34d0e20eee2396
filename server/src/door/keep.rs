//! The snapshot a delete keeps first, for "Restore": the item read afresh and stored before it is
//! deleted, and forgotten again when the platform refused the delete.

use crate::auth::staff::Account;
use crate::db::snapshots as store;
use crate::error::AppError;
use crate::model::audit::AuditArea;
use crate::model::clash::capitalise;
use crate::model::undo;
use crate::state::AppState;
use crate::upstream::UpstreamError;

/// Keeps `record` (item `item_id` of `area`, named `label`) before it is deleted; answers the
/// snapshot's id. Nothing may be deleted when this fails.
async fn keep(
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
pub(super) struct Target<'a> {
    pub area: AuditArea,
    pub item_id: &'a str,
    pub label: &'a str,
    /// Badges: the users the dashboard gave it.
    pub users: Option<&'a [String]>,
}

/// Reads the item afresh (`read`) and keeps it before its delete; answers the snapshot. An item
/// whose answer cannot be read is deleted without one (`None`, logged); when the platform cannot
/// be asked, nothing is deleted.
pub(super) async fn before_delete<T: serde::Serialize>(
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

/// Forgets the snapshot of a delete the platform refused (`err`); one that may have happened (no
/// answer, or one that could not be read) keeps it, so the item can still be restored.
pub(super) async fn after_failure(state: &AppState, kept: Option<i64>, err: &AppError) {
    let maybe_gone = matches!(
        err,
        AppError::Unavailable { .. } | AppError::Protocol { .. } | AppError::Transport
    );
    if let Some(id) = kept
        && !maybe_gone
    {
        discard(state, id).await;
    }
}

/// Forgets snapshot `id`: its delete did not happen.
async fn discard(state: &AppState, id: i64) {
    if let Err(err) = store::remove(&state.db, id).await {
        tracing::error!("cannot forget the snapshot of a delete that failed: {err}");
    }
}
