//! `set_room_status`: LIVE, SOON, ENDED or DISABLED (the page confirms the last two first).

use crate::error::AppError;
use crate::model::room::RoomStatus;
use leptos::prelude::*;

#[server(endpoint = "rooms/status")]
pub async fn set_room_status(room_id: String, status: RoomStatus) -> Result<(), AppError> {
    use crate::model::room::RoomStatusChange;
    use crate::model::staff::Capability;
    use crate::server::auth::guard;
    use crate::server::change::{Change, change, with_status};
    let (state, who) = guard::require(Capability::EditRooms).await?;
    if status == RoomStatus::Other {
        return Err(with_status(AppError::invalid(
            "status",
            "Choose LIVE, SOON, ENDED or DISABLED.",
        )));
    }
    let summary = format!("status set to {}", status.as_str());
    let body = RoomStatusChange {
        room_id: room_id.clone(),
        status,
    };
    let what = format!("Room {room_id}");
    change(
        &state,
        &who,
        Change {
            action: "status",
            area: "rooms",
            target: Some(room_id),
            summary,
            what,
        },
        state.upstream.set_room_status(&body),
    )
    .await
}
