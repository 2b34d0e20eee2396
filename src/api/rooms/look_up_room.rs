//! `look_up_room`: asks Watchers for a room by id and adds it to the registry.

use crate::error::AppError;
use crate::model::room::Room;
use leptos::prelude::*;

#[server(endpoint = "rooms/look-up")]
pub async fn look_up_room(room_id: String) -> Result<Room, AppError> {
    use crate::model::staff::Capability;
    use crate::server::change::{read, with_status};
    use crate::server::{auth::guard, rooms};
    let (state, _) = guard::require(Capability::View).await?;
    let room_id = room_id.trim().to_owned();
    if room_id.is_empty() {
        return Err(with_status(AppError::invalid(
            "room_id",
            "Enter a room id.",
        )));
    }
    let mut room = read(
        &format!("Room {room_id}"),
        state.upstream.get_room(&room_id),
    )
    .await?;
    if room.room_id.is_empty() {
        room.room_id = room_id;
    }
    rooms::remember(&state.db, &room).await.map_err(|err| {
        tracing::error!("room registry: {err}");
        AppError::Internal
    })?;
    Ok(room)
}
