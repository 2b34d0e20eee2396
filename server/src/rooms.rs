//! Rooms on behalf of staff: the registry refreshed from Watchers, look-ups, and every change
//! (sent once, audited).

pub mod cache;

use crate::db::rooms as registry;

use super::audit::AuditEvent;
use super::auth::staff::Account;
use super::change::read;
use super::door::{self, Applies, Ask, Created, Deletable, Delete, Described, Done, Failure};
use super::door::{Kept, Kind, Pass, Rule};
use super::state::AppState;
use super::upstream::UpstreamError;
use super::versions::{self, Topic};
use crate::error::AppError;
use crate::model::approval::{ApprovalAction, Deletion, Payload, room_subject};
use crate::model::audit::AuditArea;
use crate::model::room::{Room, RoomInput, RoomList, RoomSpeak, RoomStatus, RoomStatusChange};
use crate::model::staff::Capability;
use crate::model::undo;
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// What a change to room `room_id` by `who` is.
fn room_change(who: &Account, action: &'static str, room_id: &str, summary: String) -> Described {
    let audit = AuditEvent::new(&who.username, AuditArea::Rooms, action)
        .target(room_id)
        .summary(summary);
    Described::new(Capability::EditRooms, audit, format!("Room {room_id}"))
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
    door::run(state, who, &Create(input)).await?.sent()
}

/// A new room.
struct Create(RoomInput);

impl Kind for Create {
    type Answer = String;

    fn describe(&self, who: &Account) -> Described {
        let input = &self.0;
        let schedule = match (&input.start_time, &input.end_time) {
            (None, None) => String::new(),
            (start, end) => format!(
                " from {} to {} UTC",
                start.as_deref().unwrap_or("now"),
                end.as_deref().unwrap_or("open end")
            ),
        };
        let summary = format!("created room “{}”{schedule}", input.name);
        room_change(who, "create", &input.room_id, summary)
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<String, UpstreamError> {
        state.upstream.create_room(pass, &self.0).await?;
        Ok(self.0.room_id.clone())
    }

    async fn after(&self, state: &AppState, _: &Account, sent: Result<&String, Failure<'_>>) {
        if let Ok(room_id) = sent {
            remember_created(state, room_id).await;
        }
    }
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
    let delete = Delete::new(RoomDelete::new(room_id.to_owned()), name);
    Ok(match door::run(state, who, &delete).await? {
        Done::Sent(kept) => Deletion::Deleted { kept },
        Done::Waiting(request) => Deletion::Waiting { request },
    })
}

/// A room to delete; `known`: the room as the gate just read it, which the snapshot keeps
/// instead of reading it again.
pub struct RoomDelete {
    room_id: String,
    known: Mutex<Option<Room>>,
}

impl RoomDelete {
    pub fn new(room_id: String) -> Self {
        RoomDelete {
            room_id,
            known: Mutex::new(None),
        }
    }
}

impl Deletable for RoomDelete {
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

    fn rule(&self) -> Option<Rule> {
        Some(Rule {
            action: ApprovalAction::DeleteLiveRoom,
            subject: Some(room_subject(&self.room_id)),
        })
    }

    /// A LIVE room's delete.
    async fn applies(&self, state: &AppState, label: &str) -> Result<Applies, AppError> {
        let room_id = &self.room_id;
        let mut room = read(&format!("Room {room_id}"), state.upstream.get_room(room_id)).await?;
        if room.room_id.is_empty() {
            room.room_id.clone_from(room_id);
        }
        if room.status != Some(RoomStatus::Live) {
            *self.known.lock().unwrap_or_else(|e| e.into_inner()) = Some(room);
            return Ok(Applies::No);
        }
        Ok(Applies::Ask(Ask {
            target: Some(room_id.clone()),
            label: label.to_owned(),
            payload: Payload::DeleteRoom { room },
        }))
    }

    async fn read(&self, state: &AppState) -> Result<Room, UpstreamError> {
        let known = self.known.lock().unwrap_or_else(|e| e.into_inner()).take();
        match known {
            Some(room) => Ok(room),
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

    /// The room as it was, under `kept.item_id` (which must be free).
    async fn recreate(
        state: &AppState,
        kept: Kept<'_, Room>,
        pass: Pass,
    ) -> Result<Created, UpstreamError> {
        let input = undo::room_input(&kept.record, kept.item_id);
        state.upstream.create_room(pass, &input).await?;
        remember_created(state, kept.item_id).await;
        Ok(Created::Id(kept.item_id.to_owned()))
    }
}

/// Sets room `room_id`'s status.
pub async fn set_status(
    state: &AppState,
    who: &Account,
    room_id: String,
    status: RoomStatus,
) -> Result<(), AppError> {
    let body = RoomStatusChange { room_id, status };
    door::run(state, who, &Status(body)).await?.sent()
}

/// A room's status, as the body says.
struct Status(RoomStatusChange);

impl Kind for Status {
    type Answer = ();

    fn describe(&self, who: &Account) -> Described {
        let summary = format!("status set to {}", self.0.status.as_str());
        room_change(who, "status", &self.0.room_id, summary)
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<(), UpstreamError> {
        state.upstream.set_room_status(pass, &self.0).await
    }

    async fn after(&self, state: &AppState, _: &Account, _: Result<&(), Failure<'_>>) {
        registry_changed(state).await;
    }
}

/// Switches voice chat in room `room_id` on or off.
pub async fn set_voice(
    state: &AppState,
    who: &Account,
    room_id: String,
    is_speak: bool,
) -> Result<(), AppError> {
    let body = RoomSpeak { room_id, is_speak };
    door::run(state, who, &Voice(body)).await?.sent()
}

/// Voice chat in a room, on or off.
struct Voice(RoomSpeak);

impl Kind for Voice {
    type Answer = ();

    fn describe(&self, who: &Account) -> Described {
        let summary = format!("voice {}", if self.0.is_speak { "on" } else { "off" });
        room_change(who, "voice", &self.0.room_id, summary)
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<(), UpstreamError> {
        state.upstream.set_room_speak(pass, &self.0).await
    }

    async fn after(&self, state: &AppState, _: &Account, _: Result<&(), Failure<'_>>) {
        registry_changed(state).await;
    }
}
