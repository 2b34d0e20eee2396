//! `create_room`: creates (and optionally schedules) a room, then reads back its status.

use crate::error::AppError;
use crate::model::room::RoomForm;
use leptos::prelude::*;

#[server(endpoint = "rooms/create")]
pub async fn create_room(form: RoomForm) -> Result<String, AppError> {
    use crate::model::staff::Capability;
    use crate::server::change::{Change, change, invalid};
    use crate::server::{auth::guard, rooms};
    let (state, who) = guard::require(Capability::EditRooms).await?;
    let input = form.to_input().map_err(invalid)?;
    let schedule = match (&input.start_time, &input.end_time) {
        (None, None) => String::new(),
        (start, end) => format!(
            " from {} to {} UTC",
            start.as_deref().unwrap_or("now"),
            end.as_deref().unwrap_or("open end")
        ),
    };
    let summary = format!("created room “{}”{schedule}", input.name);
    let target = Some(input.room_id.clone());
    let what = format!("Room {}", input.room_id);
    change(
        &state,
        &who,
        Change {
            action: "create",
            area: "rooms",
            target,
            summary,
            what,
        },
        state.upstream.create_room(&input),
    )
    .await?;
    // The create answer is not documented: the registry is filled from GET.
    match state.upstream.get_room(&input.room_id).await {
        Ok(mut room) => {
            if room.room_id.is_empty() {
                room.room_id = input.room_id.clone();
            }
            let _ = rooms::remember(&state.db, &room).await;
        }
        Err(err) => tracing::warn!(%err, "created a room but cannot read it back"),
    }
    leptos_axum::redirect(&format!(
        "/rooms/{}",
        crate::model::query::encode(&input.room_id)
    ));
    Ok(input.room_id)
}
