//! The door's delete ritual, one for every kind: keep the item for "Restore", delete it once,
//! audit it with a link to what was kept, and the kind's after-effects.

use super::keep::{self, Target};
use super::pass::Pass;
use super::send::{Change, send};
use crate::audit::AuditEvent;
use crate::auth::staff::Account;
use crate::error::AppError;
use crate::model::audit::AuditArea;
use crate::model::undo;
use crate::state::AppState;
use crate::upstream::UpstreamError;
use serde::Serialize;
use std::future::Future;

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
    /// The one upstream call that deletes it, let through by `pass`.
    fn send(
        &self,
        state: &AppState,
        pass: Pass,
    ) -> impl Future<Output = Result<(), UpstreamError>> + Send;
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
    let noun = undo::noun(area);
    let audit = AuditEvent::new(&who.username, area, "delete")
        .target(item_id.clone())
        .summary(format!("deleted {noun} “{label}”"));
    // The role first: nothing is read or kept for a change the door refuses.
    let mut change = Change::new(who, undo::capability(area), audit, item.what())?;
    let target = Target {
        area,
        item_id: &item_id,
        label: &label,
        users: item.users(),
    };
    let kept = keep::before_delete(state, who, target, item.read(state)).await?;
    change.audit.link = kept.map(undo::snapshot_path);
    let deleted = send(state, change, |pass| item.send(state, pass)).await;
    keep::after_delete(state, kept, &deleted).await;
    item.after(state, deleted.is_ok()).await;
    deleted.map(|()| kept)
}
