//! `look_up_room`: asks Watchers for a room by id and adds it to the registry (the room list's
//! form says so; its page asks the same while it renders).

use crate::error::AppError;
use crate::model::room::Room;
use leptos::prelude::*;

#[server(endpoint = "rooms/look-up")]
pub async fn look_up_room(room_id: String) -> Result<Room, AppError> {
    use crate::model::{room, staff::Capability};
    use crate::server::{auth::guard, change::invalid, landed, rooms};
    let (state, _) = guard::require(Capability::View).await?;
    let room_id = room::room_id(&room_id).map_err(invalid)?;
    let room = rooms::look_up(&state, room_id).await?;
    landed::done(format!("Room {} is on the list.", room.room_id));
    Ok(room)
}
