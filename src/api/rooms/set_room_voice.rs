//! `set_room_voice`: voice chat on or off.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "rooms/voice")]
pub async fn set_room_voice(room_id: String, is_speak: bool) -> Result<(), AppError> {
    use crate::model::room::RoomSpeak;
    use crate::model::staff::Capability;
    use crate::server::auth::guard;
    use crate::server::change::{Change, change};
    let (state, who) = guard::require(Capability::EditRooms).await?;
    let summary = format!("voice {}", if is_speak { "on" } else { "off" });
    let body = RoomSpeak {
        room_id: room_id.clone(),
        is_speak,
    };
    let what = format!("Room {room_id}");
    change(
        &state,
        &who,
        Change {
            action: "voice",
            area: "rooms",
            target: Some(room_id),
            summary,
            what,
        },
        state.upstream.set_room_speak(&body),
    )
    .await
}
