//! Restore: recreates a deleted item from its snapshot, once (a claim on the snapshot), with one
//! create sent upstream through the door; the audit says "restored #old as #new".

use super::{get, store};
use crate::audit::AuditEvent;
use crate::auth::staff::Account;
use crate::db::now_text;
use crate::door::{self, Change, Pass};
use crate::error::AppError;
use crate::marketing::Composer;
use crate::model::advertisement::form::AdForm;
use crate::model::audit::AuditArea;
use crate::model::badge::Badge;
use crate::model::deployment::Platform;
use crate::model::offer::form::OfferForm;
use crate::model::room::{self, Room};
use crate::model::targeting::Sent;
use crate::model::targeting::{PublishReport, WithReport};
use crate::model::undo::{self, Deleted};
use crate::state::AppState;
use crate::upstream::{Unavailable, UpstreamError};
use crate::{drafts, rooms};

/// What the create answered: the new id, or why it is not known.
enum Created {
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

/// Recreates snapshot `id`'s item. Rooms take `room_id` (empty: the old one), which must be
/// free. A second restore of one snapshot changes nothing and answers how the first ended.
pub async fn restore(
    state: &AppState,
    who: &Account,
    id: i64,
    room_id: &str,
) -> Result<Deleted, AppError> {
    let deleted = get(state, who, id).await?;
    if !deleted.restorable() {
        return Ok(deleted);
    }
    let room_id = match deleted.area {
        AuditArea::Rooms => Some(free_room_id(state, &deleted, room_id).await?),
        _ => None,
    };
    let noun = undo::noun(deleted.area);
    let old = &deleted.item_id;
    let label = &deleted.label;
    let event = AuditEvent::new(&who.username, deleted.area, "restore")
        .summary(format!("restoring {noun} #{old} (“{label}”)"))
        .link(undo::snapshot_path(id));
    let what = format!("{noun} {old}");
    // The role before the claim: a refused restore leaves the snapshot free.
    let change = Change::new(who, undo::capability(deleted.area), event, what.clone())?;
    if !store::claim(&state.db, id, &who.username).await? {
        return get(state, who, id).await;
    }
    let record = &deleted.record;
    let create = |pass| async move {
        match (deleted.area, room_id) {
            (AuditArea::Offers, _) => marketing::<OfferForm>(state, who, record, pass).await,
            (AuditArea::Advertisements, _) => marketing::<AdForm>(state, who, record, pass).await,
            (AuditArea::Badges, _) => badge(state, record, pass).await,
            (_, Some(room_id)) => room(state, record, &room_id, pass).await,
            (_, None) => Err(UpstreamError::Protocol {
                reason: "no room id".into(),
            }),
        }
    };
    let done = |created: &Created, event: AuditEvent| match created {
        Created::Id(new) => event
            .target(new.clone())
            .summary(format!("restored {noun} #{old} as #{new} (“{label}”)"))
            .link(undo::item_path(deleted.area, new)),
        Created::Unread(note) => event.summary(format!(
            "restored {noun} #{old} (“{label}”); the answer did not say the new id: {note}"
        )),
    };
    match door::send_then(state, change, create, done).await {
        Ok(Created::Id(new)) => store::restored(&state.db, id, Some(&new), None).await?,
        Ok(Created::Unread(note)) => store::restored(&state.db, id, None, Some(&note)).await?,
        Err(err) => {
            let sent_unknown = !err.upstream_answered()
                && !matches!(
                    err,
                    UpstreamError::Unavailable {
                        cause: Unavailable::Connect
                    }
                );
            if sent_unknown {
                // It may have been created: never invite a second create of the same thing.
                let note = format!("sent, but no answer came ({err}): look for it in the list");
                store::restored(&state.db, id, None, Some(&note)).await?;
            } else {
                store::release(&state.db, id).await?;
            }
            return Err(err.into_app_error(Platform::Watchers, &what));
        }
    }
    get(state, who, id).await
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

/// An offer or advertisement as it was, with the rooms and users it was last sent to; its report
/// is kept for the new id, as a publish keeps it.
async fn marketing<F: Composer>(
    state: &AppState,
    who: &Account,
    record: &serde_json::Value,
    pass: Pass,
) -> Result<Created, UpstreamError> {
    let kept: WithReport<F::Item> = serde_json::from_value(record.clone()).map_err(unreadable)?;
    let input = F::from_published(&kept).payload();
    let sent = F::publish(&state.upstream, pass, None, &input).await?;
    if let Some(new) = sent.id {
        let (sent_room_ids, sent_user_ids) = F::sent_ids(&input);
        let report = PublishReport {
            targeting: sent.targeting.clone(),
            sent_room_ids,
            sent_user_ids,
            published_by: who.username.clone(),
            published_at: now_text(),
        };
        if let Err(err) = drafts::save_report(&state.db, F::KIND, new, &report).await {
            tracing::error!(
                "restored {} {new} but cannot keep its report: {err}",
                F::KIND.as_str()
            );
        }
    }
    Ok(sent.into())
}

async fn badge(
    state: &AppState,
    record: &serde_json::Value,
    pass: Pass,
) -> Result<Created, UpstreamError> {
    let kept: Badge = serde_json::from_value(record.clone()).map_err(unreadable)?;
    let sent = state
        .upstream
        .publish_badge(pass, &undo::badge_input(&kept))
        .await?;
    Ok(sent.into())
}

async fn room(
    state: &AppState,
    record: &serde_json::Value,
    room_id: &str,
    pass: Pass,
) -> Result<Created, UpstreamError> {
    let kept: Room = serde_json::from_value(record.clone()).map_err(unreadable)?;
    state
        .upstream
        .create_room(pass, &undo::room_input(&kept, room_id))
        .await?;
    rooms::remember_created(state, room_id).await;
    Ok(Created::Id(room_id.to_owned()))
}

/// A snapshot that no longer reads as its kind (never seen: it was written by this code).
fn unreadable(err: serde_json::Error) -> UpstreamError {
    UpstreamError::Protocol {
        reason: format!("the kept record cannot be read: {err}"),
    }
}
