//! `set_room_status`: LIVE, SOON, ENDED or DISABLED (the page confirms the last two first).

use crate::error::AppError;
use crate::model::room::RoomStatus;
use leptos::prelude::*;

#[server(endpoint = "rooms/status")]
pub async fn set_room_status(room_id: String, status: RoomStatus) -> Result<(), AppError> {
    use crate::model::{room, staff::Capability};
    use crate::server::{auth::guard, change::invalid, landed, rooms};
    let (state, who) = guard::require(Capability::EditRooms).await?;
    let room_id = room::room_id(&room_id).map_err(invalid)?;
    let status = room::settable_status(status).map_err(invalid)?;
    rooms::set_status(&state, &who, room_id, status).await?;
    landed::done(format!("Status set to {}.", status.as_str()));
    Ok(())
}
