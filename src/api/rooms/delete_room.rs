//! `delete_room`: deletes a room (the page asks first, naming it) and forgets it here.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "rooms/delete")]
pub async fn delete_room(room_id: String, name: String) -> Result<(), AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, rooms};
    let (state, who) = guard::require(Capability::EditRooms).await?;
    rooms::delete(&state, &who, &room_id, &name).await?;
    leptos_axum::redirect("/rooms");
    Ok(())
}
