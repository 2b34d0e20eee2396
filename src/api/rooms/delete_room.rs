//! `delete_room`: deletes a room (the page asks first, naming it) and forgets it here.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "rooms/delete")]
pub async fn delete_room(room_id: String, name: String) -> Result<(), AppError> {
    use crate::model::{room, staff::Capability};
    use crate::server::{auth::guard, change::invalid, rooms};
    let (state, who) = guard::require(Capability::EditRooms).await?;
    let room_id = room::room_id(&room_id).map_err(invalid)?;
    rooms::delete(&state, &who, &room_id, &name).await?;
    leptos_axum::redirect("/rooms");
    Ok(())
}
