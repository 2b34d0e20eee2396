//! `delete_room`: deletes a room (the page asks first, naming it) and forgets it here.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "rooms/delete")]
pub async fn delete_room(room_id: String, name: String) -> Result<(), AppError> {
    use crate::model::staff::Capability;
    use crate::server::change::{Change, change};
    use crate::server::{auth::guard, rooms};
    let (state, who) = guard::require(Capability::EditRooms).await?;
    let summary = format!(
        "deleted room “{}”",
        name.chars().take(60).collect::<String>()
    );
    let what = format!("Room {room_id}");
    change(
        &state,
        &who,
        Change {
            action: "delete",
            area: "rooms",
            target: Some(room_id.clone()),
            summary,
            what,
        },
        state.upstream.delete_room(&room_id),
    )
    .await?;
    let _ = rooms::forget(&state.db, &room_id).await;
    leptos_axum::redirect("/rooms");
    Ok(())
}
