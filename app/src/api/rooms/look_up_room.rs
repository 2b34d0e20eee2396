//! `look_up_room`: asks Watchers for a room by id and adds it to the registry.

use crate::error::AppError;
use crate::model::room::Room;
use leptos::prelude::*;

#[server(endpoint = "rooms/look-up")]
pub async fn look_up_room(room_id: String) -> Result<Room, AppError> {
    use crate::model::{room, staff::Capability};
    use crate::server::{auth::guard, change::invalid, rooms};
    let (state, _) = guard::require(Capability::View).await?;
    let room_id = room::room_id(&room_id).map_err(invalid)?;
    rooms::look_up(&state, room_id).await
}
