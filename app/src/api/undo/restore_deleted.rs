//! `restore_deleted`: recreates a deleted item from what was kept, once, and shows how it ended.

use crate::error::AppError;
use crate::model::undo::Deleted;
use leptos::prelude::*;

/// `room_id`: a room comes back under this id (empty: its old one), which must be free. A second
/// restore sends nothing and answers how the first ended.
#[server(endpoint = "undo/restore")]
pub async fn restore_deleted(
    id: i64,
    #[server(default)] room_id: String,
) -> Result<Deleted, AppError> {
    use crate::model::{staff::Capability, undo::snapshot_path};
    use crate::server::{auth::guard, landed, undo};
    let (state, who) = guard::require(Capability::View).await?;
    let restored = undo::restore(&state, &who, id, &room_id).await?;
    landed::done("Restored.");
    leptos_axum::redirect(&snapshot_path(id));
    Ok(restored)
}
