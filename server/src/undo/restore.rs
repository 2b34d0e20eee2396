//! Restore: recreates a deleted item from its snapshot, once (a claim on the snapshot), with one
//! create sent upstream through the door, as the item's delete says ([`Deletable::recreate`]);
//! the audit says "restored #old as #new".

use super::{get, store};
use crate::audit::AuditEvent;
use crate::auth::staff::Account;
use crate::badges::BadgeDelete;
use crate::door::{self, Created, Deletable, Described, Failure, Kept, Kind, Pass};
use crate::error::AppError;
use crate::marketing::Published;
use crate::model::advertisement::form::AdForm;
use crate::model::audit::AuditArea;
use crate::model::offer::form::OfferForm;
use crate::model::room;
use crate::model::undo::{self, Deleted};
use crate::rooms::RoomDelete;
use crate::state::AppState;
use crate::upstream::{Unavailable, UpstreamError};

/// Recreates snapshot `id`'s item. Rooms take `room_id` (empty: the old one), which must be
/// free. A second restore of one snapshot changes nothing and answers how the first ended.
pub async fn restore(
    state: &AppState,
    who: &Account,
    id: i64,
    room_id: &str,
) -> Result<Deleted, AppError> {
    // `get` checks the role first: a refused restore leaves the snapshot free.
    let deleted = get(state, who, id).await?;
    if !deleted.restorable() {
        return Ok(deleted);
    }
    let as_id = match deleted.area {
        AuditArea::Rooms => free_room_id(state, &deleted, room_id).await?,
        _ => deleted.item_id.clone(),
    };
    if !store::claim(&state.db, id, &who.username).await? {
        return get(state, who, id).await;
    }
    let restore = Restore {
        id,
        deleted: &deleted,
        as_id,
        by: who.username.clone(),
    };
    door::run(state, who, &restore).await?.sent()?;
    get(state, who, id).await
}

/// Snapshot `id`'s item recreated, once (the snapshot is claimed first), under `as_id` where the
/// item chooses its own; each kind of item says how ([`Deletable::recreate`]).
struct Restore<'a> {
    id: i64,
    deleted: &'a Deleted,
    as_id: String,
    by: String,
}

impl Restore<'_> {
    /// How the audit log names it: its area and noun, its old id and its label.
    fn named(&self) -> (AuditArea, &'static str, &str, &str) {
        let deleted = self.deleted;
        let area = deleted.area;
        (area, undo::noun(area), &deleted.item_id, &deleted.label)
    }

    /// The item recreated as the delete of `D` says.
    async fn again<D: Deletable>(
        &self,
        state: &AppState,
        pass: Pass,
    ) -> Result<Created, UpstreamError> {
        let record: D::Record =
            serde_json::from_value(self.deleted.record.clone()).map_err(unreadable)?;
        let kept = Kept {
            record,
            item_id: &self.as_id,
            by: &self.by,
        };
        D::recreate(state, kept, pass).await
    }
}

impl Kind for Restore<'_> {
    type Answer = Created;

    fn describe(&self, who: &Account) -> Described {
        let (area, noun, old, label) = self.named();
        let audit = AuditEvent::new(&who.username, area, "restore")
            .summary(format!("restoring {noun} #{old} (“{label}”)"))
            .link(undo::snapshot_path(self.id));
        Described::new(undo::capability(area), audit, format!("{noun} {old}"))
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<Created, UpstreamError> {
        match self.deleted.area {
            AuditArea::Offers => self.again::<Published<OfferForm>>(state, pass).await,
            AuditArea::Advertisements => self.again::<Published<AdForm>>(state, pass).await,
            AuditArea::Badges => self.again::<BadgeDelete>(state, pass).await,
            AuditArea::Rooms => self.again::<RoomDelete>(state, pass).await,
            other => Err(UpstreamError::Protocol {
                reason: format!("nothing of {} is restored", other.as_str()),
            }),
        }
    }

    fn done(&self, created: &Created, event: AuditEvent) -> AuditEvent {
        let (area, noun, old, label) = self.named();
        match created {
            Created::Id(new) => event
                .target(new.clone())
                .summary(format!("restored {noun} #{old} as #{new} (“{label}”)"))
                .link(undo::item_path(area, new)),
            Created::Unread(note) => event.summary(format!(
                "restored {noun} #{old} (“{label}”); the answer did not say the new id: {note}"
            )),
        }
    }

    async fn after(&self, state: &AppState, _: &Account, sent: Result<&Created, Failure<'_>>) {
        let (db, id) = (&state.db, self.id);
        let noted = match sent {
            Ok(Created::Id(new)) => store::restored(db, id, Some(new), None).await,
            Ok(Created::Unread(note)) => store::restored(db, id, None, Some(note)).await,
            Err(Failure { upstream, .. }) => {
                let sent_unknown = !upstream.upstream_answered()
                    && !matches!(
                        upstream,
                        UpstreamError::Unavailable {
                            cause: Unavailable::Connect
                        }
                    );
                if sent_unknown {
                    // It may have been created: never invite a second create of the same thing.
                    let note =
                        format!("sent, but no answer came ({upstream}): look for it in the list");
                    store::restored(db, id, None, Some(&note)).await
                } else {
                    store::release(db, id).await
                }
            }
        };
        if let Err(err) = noted {
            tracing::error!("cannot note how the restore of snapshot {id} ended: {err}");
        }
    }
}

/// The room id a room is restored under: the one asked for (or the old one), once it is known to
/// be free.
async fn free_room_id(
    state: &AppState,
    deleted: &Deleted,
    asked: &str,
) -> Result<String, AppError> {
    let asked = asked.trim();
    let room_id = if asked.is_empty() {
        deleted.item_id.clone()
    } else {
        room::room_id(asked).map_err(crate::change::invalid)?
    };
    match state.upstream.get_room(&room_id).await {
        Err(UpstreamError::NotFound) => Ok(room_id),
        Ok(_) => Err(AppError::invalid(
            "room_id",
            format!("Room id “{room_id}” is in use now: pick another one."),
        )),
        Err(err) => Err(err.into_app_error(
            crate::model::deployment::Platform::Watchers,
            &format!("Room {room_id}"),
        )),
    }
}

/// A snapshot that no longer reads as its kind (never seen: it was written by this code).
fn unreadable(err: serde_json::Error) -> UpstreamError {
    UpstreamError::Protocol {
        reason: format!("the kept record cannot be read: {err}"),
    }
}
