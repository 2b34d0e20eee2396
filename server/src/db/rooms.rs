//! The registry of rooms created or looked up through the dashboard (the API has no list), kept
//! fresh from GET.

use crate::db::Db;
use crate::db::now_text;
use crate::model::room::{Room, RoomStatus};

/// Stores what Watchers answered for a room.
pub async fn remember(db: &Db, room: &Room) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO rooms (room_id, name, about, is_speak, status, start_time, end_time, seen_at, added_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) \
         ON CONFLICT (room_id) DO UPDATE SET name = $2, about = $3, is_speak = $4, status = $5, \
         start_time = $6, end_time = $7, seen_at = $8",
    )
    .bind(&room.room_id)
    .bind(&room.name)
    .bind(&room.about)
    .bind(room.is_speak.map(i64::from))
    .bind(room.status.map(RoomStatus::as_str))
    .bind(&room.start_time)
    .bind(&room.end_time)
    .bind(now_text())
    .execute(db)
    .await
    .map(|_| ())
}

/// Marks a room Watchers no longer knows.
pub async fn mark_missing(db: &Db, room_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE rooms SET seen_at = NULL WHERE room_id = $1")
        .bind(room_id)
        .execute(db)
        .await
        .map(|_| ())
}

pub async fn forget(db: &Db, room_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM rooms WHERE room_id = $1")
        .bind(room_id)
        .execute(db)
        .await
        .map(|_| ())
}

/// Every registered room id, in the order they were added.
pub async fn ids(db: &Db) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT room_id FROM rooms ORDER BY added_at, room_id")
        .fetch_all(db)
        .await
}

/// The registry as last seen (rooms Watchers no longer knows have no status).
pub async fn list(db: &Db) -> Result<Vec<Room>, sqlx::Error> {
    let rows: Vec<Row> =
        sqlx::query_as("SELECT * FROM rooms ORDER BY start_time IS NULL, start_time, room_id")
            .fetch_all(db)
            .await?;
    Ok(rows.into_iter().map(Room::from).collect())
}

/// A `rooms` row: the registry's last look at a room.
#[derive(sqlx::FromRow)]
struct Row {
    room_id: String,
    name: Option<String>,
    about: Option<String>,
    is_speak: Option<i64>,
    status: Option<String>,
    seen_at: Option<String>,
    start_time: Option<String>,
    end_time: Option<String>,
}

impl From<Row> for Room {
    fn from(r: Row) -> Self {
        Room {
            room_id: r.room_id,
            name: r.name,
            about: r.about,
            is_speak: r.is_speak.map(|v| v != 0),
            // A room Watchers no longer knows (never seen again) has no status.
            status: r
                .seen_at
                .and(r.status)
                .map(|s| RoomStatus::parse(&s).unwrap_or(RoomStatus::Other)),
            start_time: r.start_time,
            end_time: r.end_time,
        }
    }
}
