//! `set_room_voice`: voice chat on or off.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "rooms/voice")]
pub async fn set_room_voice(room_id: String, is_speak: bool) -> Result<(), AppError> {
    use crate::model::{room, staff::Capability};
    use crate::server::{auth::guard, change::invalid, landed, rooms};
    let (state, who) = guard::require(Capability::EditRooms).await?;
    let room_id = room::room_id(&room_id).map_err(invalid)?;
    rooms::set_voice(&state, &who, room_id, is_speak).await?;
    landed::done(if is_speak {
        "Voice switched on."
    } else {
        "Voice switched off."
    });
    Ok(())
}
