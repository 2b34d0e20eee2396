//! Rooms on behalf of staff: the registry refreshed from Watchers, look-ups, and every change
//! (sent once, audited).

pub mod cache;

use crate::db::rooms as registry;

use super::audit::AuditEvent;
use super::auth::staff::Account;
use super::change::read;
use super::door::{self, Applies, Ask, Gate};
use super::door::{Change, Pass, send};
use super::state::AppState;
use super::upstream::UpstreamError;
use super::versions::{self, Topic};
use crate::error::AppError;
use crate::model::approval::{ApprovalAction, Deletion, Payload, room_subject};
use crate::model::audit::AuditArea;
use crate::model::room::{Room, RoomInput, RoomList, RoomSpeak, RoomStatus, RoomStatusChange};
use crate::model::staff::Capability;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// A change to room `room_id` by `who`.
fn room_change(
    who: &Account,
    action: &'static str,
    room_id: &str,
    summary: String,
) -> Result<Change, AppError> {
    Change::new(
        who,
        Capability::EditRooms,
        AuditEvent::new(&who.username, AuditArea::Rooms, action)
            .target(room_id)
            .summary(summary),
        format!("Room {room_id}"),
    )
}

/// At most this many rooms are asked of Watchers at once when the list is refreshed.
const FAN_OUT: usize = 8;
/// The registry changed through this process: its list is read afresh here, and (within a poll)
/// in every other process.
async fn registry_changed(state: &AppState) {
    state.rooms.clear();
    versions::bump(&state.db, Topic::Rooms).await;
}

/// Every room in the registry, each asked of Watchers afresh (at most [`FAN_OUT`] at once, and
/// not again within [`cache::FRESH_FOR`]); those it could not be asked about keep their last known
/// state and are counted as stale.
pub async fn list(state: &AppState) -> Result<RoomList, AppError> {
    if let Some(list) = state.rooms.fresh() {
        return Ok(list);
    }
    let ids = registry::ids(&state.db).await?;
    let permits = Arc::new(Semaphore::new(FAN_OUT));
    let mut tasks = tokio::task::JoinSet::new();
    for id in ids {
        let client = state.upstream.clone();
        let permits = permits.clone();
        tasks.spawn(async move {
            let _permit = permits.acquire_owned().await;
            (id.clone(), client.get_room(&id).await)
        });
    }
    let mut stale = 0;
    while let Some(Ok((id, result))) = tasks.join_next().await {
        match result {
            Ok(room) => registry::remember(&state.db, &room).await?,
            Err(UpstreamError::NotFound) => registry::mark_missing(&state.db, &id).await?,
            Err(err) => {
                tracing::warn!(room = %id, %err, "cannot refresh a room");
                stale += 1;
            }
        }
    }
    let list = RoomList {
        rooms: registry::list(&state.db).await?,
        stale,
    };
    state.rooms.keep(&list);
    Ok(list)
}

/// Asks Watchers for room `room_id` and adds it to the registry.
pub async fn look_up(state: &AppState, room_id: String) -> Result<Room, AppError> {
    let mut room = read(
        &format!("Room {room_id}"),
        state.upstream.get_room(&room_id),
    )
    .await?;
    if room.room_id.is_empty() {
        room.room_id = room_id;
    }
    registry::remember(&state.db, &room).await?;
    registry_changed(state).await;
    Ok(room)
}

/// Creates (and optionally schedules) a room, then reads back its status for the registry.
pub async fn create(state: &AppState, who: &Account, input: RoomInput) -> Result<String, AppError> {
    let schedule = match (&input.start_time, &input.end_time) {
        (None, None) => String::new(),
        (start, end) => format!(
            " from {} to {} UTC",
            start.as_deref().unwrap_or("now"),
            end.as_deref().unwrap_or("open end")
        ),
    };
    let summary = format!("created room “{}”{schedule}", input.name);
    let described = room_change(who, "create", &input.room_id, summary)?;
    send(state, described, |pass| {
        state.upstream.create_room(pass, &input)
    })
    .await?;
    remember_created(state, &input.room_id).await;
    Ok(input.room_id)
}

/// Reads a room just created back into the registry (the create answer is not documented).
pub async fn remember_created(state: &AppState, room_id: &str) {
    match state.upstream.get_room(room_id).await {
        Ok(mut room) => {
            if room.room_id.is_empty() {
                room.room_id = room_id.to_owned();
            }
            let _ = registry::remember(&state.db, &room).await;
        }
        Err(err) => tracing::warn!(%err, "created a room but cannot read it back"),
    }
    registry_changed(state).await;
}

/// Deletes room `room_id` (named `name` in the audit log) and forgets it here; a LIVE room waits
/// for a second person instead when an administrator asked for that.
pub async fn delete(
    state: &AppState,
    who: &Account,
    room_id: &str,
    name: &str,
) -> Result<Deletion, AppError> {
    let subject = room_subject(room_id);
    // The room read to tell whether it is LIVE is the one the snapshot keeps: no second read.
    let mut known = None;
    let read_now = &mut known;
    let asked_about = subject.clone();
    let gate = door::gate(
        state,
        who,
        ApprovalAction::DeleteLiveRoom,
        Some(&subject),
        move || async move {
            let mut room =
                read(&format!("Room {room_id}"), state.upstream.get_room(room_id)).await?;
            if room.room_id.is_empty() {
                room.room_id = room_id.to_owned();
            }
            if room.status != Some(RoomStatus::Live) {
                *read_now = Some(room);
                return Ok(Applies::No);
            }
            Ok(Applies::Ask(Ask {
                target: Some(room_id.to_owned()),
                subject: Some(asked_about),
                label: name.chars().take(60).collect(),
                payload: Payload::DeleteRoom { room },
            }))
        },
    )
    .await?;
    match gate {
        Gate::Waiting(request) => Ok(Deletion::Waiting { request }),
        Gate::Open => {
            let item = RoomDelete {
                room_id: room_id.to_owned(),
                known,
            };
            let kept = door::delete(state, who, &item, name).await?;
            Ok(Deletion::Deleted { kept })
        }
    }
}

/// Deletes room `room_id` now, keeping it first for "Restore"; answers the snapshot.
pub async fn delete_now(
    state: &AppState,
    who: &Account,
    room_id: &str,
    name: &str,
) -> Result<Option<i64>, AppError> {
    let item = RoomDelete {
        room_id: room_id.to_owned(),
        known: None,
    };
    door::delete(state, who, &item, name).await
}

/// A room to delete; `known`: the room as just read, which the snapshot keeps instead of reading
/// it again.
struct RoomDelete {
    room_id: String,
    known: Option<Room>,
}

impl door::Deletable for RoomDelete {
    type Record = Room;

    fn area(&self) -> AuditArea {
        AuditArea::Rooms
    }

    fn item_id(&self) -> String {
        self.room_id.clone()
    }

    fn what(&self) -> String {
        format!("Room {}", self.room_id)
    }

    async fn read(&self, state: &AppState) -> Result<Room, UpstreamError> {
        match &self.known {
            Some(room) => Ok(room.clone()),
            None => state.upstream.get_room(&self.room_id).await,
        }
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<(), UpstreamError> {
        state.upstream.delete_room(pass, &self.room_id).await
    }

    async fn after(&self, state: &AppState, deleted: bool) {
        if deleted {
            let _ = registry::forget(&state.db, &self.room_id).await;
        }
        registry_changed(state).await;
    }
}

/// Sets room `room_id`'s status.
pub async fn set_status(
    state: &AppState,
    who: &Account,
    room_id: String,
    status: RoomStatus,
) -> Result<(), AppError> {
    let summary = format!("status set to {}", status.as_str());
    let described = room_change(who, "status", &room_id, summary)?;
    let body = RoomStatusChange { room_id, status };
    let changed = send(state, described, |pass| {
        state.upstream.set_room_status(pass, &body)
    })
    .await;
    registry_changed(state).await;
    changed
}

/// Switches voice chat in room `room_id` on or off.
pub async fn set_voice(
    state: &AppState,
    who: &Account,
    room_id: String,
    is_speak: bool,
) -> Result<(), AppError> {
    let summary = format!("voice {}", if is_speak { "on" } else { "off" });
    let described = room_change(who, "voice", &room_id, summary)?;
    let body = RoomSpeak { room_id, is_speak };
    let changed = send(state, described, |pass| {
        state.upstream.set_room_speak(pass, &body)
    })
    .await;
    registry_changed(state).await;
    changed
}
