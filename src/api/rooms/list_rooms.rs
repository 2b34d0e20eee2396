//! `list_rooms`: the rooms created or looked up here, each refreshed from Watchers.

use crate::error::AppError;
use crate::model::room::Room;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoomList {
    pub rooms: Vec<Room>,
    /// Rooms Watchers could not be asked about just now: their last known state is shown.
    pub stale: u32,
}

#[server(endpoint = "rooms/list")]
pub async fn list_rooms() -> Result<RoomList, AppError> {
    use crate::model::staff::Capability;
    use crate::server::upstream::UpstreamError;
    use crate::server::{auth::guard, rooms};
    let (state, _) = guard::require(Capability::View).await?;
    let internal = |err: sqlx::Error| {
        tracing::error!("room registry: {err}");
        AppError::Internal
    };
    let ids = rooms::ids(&state.db).await.map_err(internal)?;
    let mut tasks = tokio::task::JoinSet::new();
    for id in ids {
        let client = state.upstream.clone();
        tasks.spawn(async move { (id.clone(), client.get_room(&id).await) });
    }
    let mut stale = 0;
    while let Some(Ok((id, result))) = tasks.join_next().await {
        match result {
            Ok(room) => rooms::remember(&state.db, &room).await.map_err(internal)?,
            Err(UpstreamError::NotFound) => rooms::mark_missing(&state.db, &id)
                .await
                .map_err(internal)?,
            Err(err) => {
                tracing::warn!(room = %id, %err, "cannot refresh a room");
                stale += 1;
            }
        }
    }
    Ok(RoomList {
        rooms: rooms::list(&state.db).await.map_err(internal)?,
        stale,
    })
}
