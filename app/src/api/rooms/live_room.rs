//! `live_room`: the new-room form's live parts for the form as typed (its zone's sentence, the
//! UTC time beside each time, its problems), which the live island puts in place. It reads and
//! changes nothing.

use crate::error::AppError;
use crate::model::room::RoomForm;
use leptos::prelude::*;

#[server(endpoint = "rooms/live")]
pub async fn live_room(form: RoomForm) -> Result<String, AppError> {
    use crate::components::room_form::live_parts;
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, zone};
    let (_, who) = guard::require(Capability::EditRooms).await?;
    let known = !zone::viewer(&who).undetected;
    Ok(live_parts(form, known))
}
