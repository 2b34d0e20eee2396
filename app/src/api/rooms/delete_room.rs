//! `delete_room`: deletes a room (the page asks first, naming it) and forgets it here; the list then offers "Restore". A LIVE room may wait for a second person instead.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "rooms/delete")]
pub async fn delete_room(
    room_id: String,
    name: String,
) -> Result<crate::model::approval::Deletion, AppError> {
    use crate::model::{approval::Deletion, room, staff::Capability};
    use crate::server::{auth::guard, change::invalid, landed, rooms};
    let (state, who) = guard::require(Capability::EditRooms).await?;
    let room_id = room::room_id(&room_id).map_err(invalid)?;
    let deletion = rooms::delete(&state, &who, &room_id, &name).await?;
    // A delete done is told by the list's notice ("Restore"); one that waits, here.
    if matches!(deletion, Deletion::Waiting { .. }) {
        landed::done(
            "Not deleted yet: the room is LIVE, so another member of staff must approve it.",
        );
    }
    leptos_axum::redirect(&deletion.location("/rooms"));
    Ok(deletion)
}
