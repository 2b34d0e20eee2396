//! `create_room`: creates (and optionally schedules) a room, its times read in the zone the form
//! names (the person's), then goes to its page.

use crate::error::AppError;
use crate::model::room::RoomForm;
use leptos::prelude::*;

#[server(endpoint = "rooms/create")]
pub async fn create_room(form: RoomForm) -> Result<String, AppError> {
    use crate::model::staff::Capability;
    use crate::server::change::invalid;
    use crate::server::{auth::guard, landed, rooms};
    let (state, who) = guard::require(Capability::EditRooms).await?;
    let mut form = form;
    form.read_in_own_zone();
    let input = form.to_input().map_err(invalid)?;
    let room_id = rooms::create(&state, &who, input).await?;
    landed::done("Room created.");
    leptos_axum::redirect(&format!("/rooms/{}", crate::model::query::encode(&room_id)));
    Ok(room_id)
}
