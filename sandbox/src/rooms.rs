//! Sandbox room endpoints. A scheduled room is SOON before its start, LIVE until its end and
//! ENDED after, by the sandbox's clock, unless a status was set by hand.

use super::Sandbox;
use super::reply::{
    Reply, bad_request, check, created_json, error, not_found, ok_json, ok_true, parse_body,
};
use super::store::StoredRoom;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use dashboard_model::room::{RoomInput, RoomSpeak, RoomStatus};
use dashboard_model::time::parse_room_time;
use serde::Deserialize;
use serde_json::{Value, json};
use std::sync::Arc;

/// The status a room has at `now`.
pub fn status_at(room: &StoredRoom, now: DateTime<Utc>) -> RoomStatus {
    if let Some(status) = room.manual_status {
        return status;
    }
    let start = room.input.start_time.as_deref().and_then(parse_room_time);
    let end = room.input.end_time.as_deref().and_then(parse_room_time);
    match (start, end) {
        (_, Some(end)) if now >= end => RoomStatus::Ended,
        (Some(start), _) if now < start => RoomStatus::Soon,
        _ => RoomStatus::Live,
    }
}

fn room_json(room: &StoredRoom, now: DateTime<Utc>) -> Value {
    let i = &room.input;
    json!({
        "roomId": i.room_id,
        "name": i.name,
        "about": i.about,
        "isSpeak": i.is_speak,
        "status": status_at(room, now).as_str(),
        "startTime": i.start_time,
        "endTime": i.end_time,
    })
}

pub async fn create(State(sandbox): State<Arc<Sandbox>>, body: Bytes) -> Reply {
    let input: RoomInput = parse_body(&body)?;
    check(input.validate())?;
    let answer = {
        let mut data = sandbox.store().lock();
        if data.rooms.contains_key(&input.room_id) {
            return Err(bad_request(
                "roomId",
                "a room with this roomId already exists",
            ));
        }
        let room = StoredRoom {
            input,
            manual_status: None,
        };
        let answer = room_json(&room, sandbox.now());
        data.rooms.insert(room.input.room_id.clone(), room);
        answer
    };
    sandbox.store().save().await;
    created_json(answer)
}

pub async fn get_one(State(sandbox): State<Arc<Sandbox>>, Path(room_id): Path<String>) -> Reply {
    let data = sandbox.store().lock();
    let room = data
        .rooms
        .get(&room_id)
        .ok_or_else(|| not_found(format!("Room {room_id}")))?;
    ok_json(room_json(room, sandbox.now()))
}

pub async fn speak(State(sandbox): State<Arc<Sandbox>>, body: Bytes) -> Reply {
    let body: RoomSpeak = parse_body(&body)?;
    {
        let mut data = sandbox.store().lock();
        let room = data
            .rooms
            .get_mut(&body.room_id)
            .ok_or_else(|| not_found(format!("Room {}", body.room_id)))?;
        room.input.is_speak = body.is_speak;
    }
    sandbox.store().save().await;
    created_json(true)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct StatusBody {
    room_id: String,
    status: String,
}

pub async fn status(State(sandbox): State<Arc<Sandbox>>, body: Bytes) -> Reply {
    let body: StatusBody = parse_body(&body)?;
    let status = RoomStatus::parse(&body.status)
        .ok_or_else(|| bad_request("status", "must be one of LIVE, SOON, ENDED, DISABLED"))?;
    {
        let mut data = sandbox.store().lock();
        let room = data
            .rooms
            .get_mut(&body.room_id)
            .ok_or_else(|| not_found(format!("Room {}", body.room_id)))?;
        room.manual_status = Some(status);
    }
    sandbox.store().save().await;
    created_json(true)
}

pub async fn delete(State(sandbox): State<Arc<Sandbox>>, Path(room_id): Path<String>) -> Reply {
    if room_id.trim().is_empty() {
        return Err(error(StatusCode::BAD_REQUEST, "roomId: is required"));
    }
    let removed = sandbox.store().lock().rooms.remove(&room_id);
    removed.ok_or_else(|| not_found(format!("Room {room_id}")))?;
    sandbox.store().save().await;
    ok_true()
}
