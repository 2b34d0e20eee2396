//! Deletes, one kind for every item: keep the item for "Restore", delete it once, audit it with
//! a link to what was kept, and the item's after-effects; and how each item is recreated.

use super::keep::{self, Target};
use super::pass::Pass;
use super::{Applies, Described, Failure, Kind, Rule};
use crate::audit::AuditEvent;
use crate::auth::staff::Account;
use crate::error::AppError;
use crate::model::audit::AuditArea;
use crate::model::targeting::Sent;
use crate::model::undo;
use crate::state::AppState;
use crate::upstream::UpstreamError;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::future::Future;
use std::sync::OnceLock;

/// An item a delete removes: how it is read to be kept for "Restore", how it is deleted, what
/// the dashboard forgets once it is gone, and how it is recreated from what was kept.
pub trait Deletable: Send + Sync {
    /// The item as the snapshot keeps it.
    type Record: Serialize + DeserializeOwned + Send;
    fn area(&self) -> AuditArea;
    fn item_id(&self) -> String;
    /// The item, for "… was not found" ("Room lobby").
    fn what(&self) -> String;
    /// The users the dashboard gave it (a badge's), kept with the snapshot.
    fn users(&self) -> Option<&[String]> {
        None
    }
    /// The rule a delete of it may wait under (a LIVE room's): none by default.
    fn rule(&self) -> Option<Rule> {
        None
    }
    /// Whether this delete falls under its rule; `label` names the item in a request.
    fn applies(
        &self,
        _state: &AppState,
        _label: &str,
    ) -> impl Future<Output = Result<Applies, AppError>> + Send {
        async { Ok(Applies::No) }
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
    /// How it is undone: the one upstream call that recreates it from what was kept.
    fn recreate(
        state: &AppState,
        kept: Kept<'_, Self::Record>,
        pass: Pass,
    ) -> impl Future<Output = Result<Created, UpstreamError>> + Send;
}

/// What a snapshot kept, to recreate it.
pub struct Kept<'a, R> {
    pub record: R,
    /// The id it is recreated under, where the item chooses its own (a room's); the old id
    /// otherwise.
    pub item_id: &'a str,
    /// Who restores it.
    pub by: &'a str,
}

/// What a recreate answered: the new id, or why it is not known.
#[derive(Debug, Clone)]
pub enum Created {
    Id(String),
    Unread(String),
}

impl From<Sent> for Created {
    fn from(sent: Sent) -> Self {
        match sent.id {
            Some(id) => Created::Id(id.to_string()),
            None => Created::Unread(
                sent.unread
                    .unwrap_or_else(|| "the answer did not say the new id".into()),
            ),
        }
    }
}

/// The delete of an item: keep it (snapshot) → delete it, sent once → audit, linked to the
/// snapshot → forget the snapshot of a delete the platform refused → the item's after-effects.
/// Answers the snapshot (`None` when the item could not be read to keep one).
pub struct Delete<D> {
    item: D,
    /// How the audit log names it.
    label: String,
    kept: OnceLock<Option<i64>>,
}

impl<D: Deletable> Delete<D> {
    /// The delete of `item`, named `name` in the audit log.
    pub fn new(item: D, name: &str) -> Self {
        Delete {
            item,
            label: name.chars().take(60).collect(),
            kept: OnceLock::new(),
        }
    }
}

impl<D: Deletable> Kind for Delete<D> {
    type Answer = Option<i64>;

    fn describe(&self, who: &Account) -> Described {
        let area = self.item.area();
        let noun = undo::noun(area);
        let audit = AuditEvent::new(&who.username, area, "delete")
            .target(self.item.item_id())
            .summary(format!("deleted {noun} “{}”", self.label));
        Described::new(undo::capability(area), audit, self.item.what())
    }

    fn rule(&self) -> Option<Rule> {
        self.item.rule()
    }

    async fn applies(&self, state: &AppState, _who: &Account) -> Result<Applies, AppError> {
        self.item.applies(state, &self.label).await
    }

    async fn keep(&self, state: &AppState, who: &Account) -> Result<Option<i64>, AppError> {
        let item_id = self.item.item_id();
        let target = Target {
            area: self.item.area(),
            item_id: &item_id,
            label: &self.label,
            users: self.item.users(),
        };
        let kept = keep::before_delete(state, who, target, self.item.read(state)).await?;
        let _ = self.kept.set(kept);
        Ok(kept)
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<Option<i64>, UpstreamError> {
        self.item.send(state, pass).await?;
        Ok(self.kept.get().copied().flatten())
    }

    async fn after(
        &self,
        state: &AppState,
        _who: &Account,
        sent: Result<&Option<i64>, Failure<'_>>,
    ) {
        self.item.after(state, sent.is_ok()).await;
    }
}
