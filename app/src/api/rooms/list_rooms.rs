//! `list_rooms`: the rooms created or looked up here, each refreshed from Watchers.

use crate::error::AppError;
use crate::model::room::RoomList;
use leptos::prelude::*;

#[server(endpoint = "rooms/list")]
pub async fn list_rooms() -> Result<RoomList, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, rooms};
    let (state, _) = guard::require(Capability::View).await?;
    rooms::list(&state).await
}
