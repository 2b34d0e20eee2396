//! `get_deleted`: one deleted item as it was kept, and how its restore stands.

use crate::error::AppError;
use crate::model::undo::Deleted;
use leptos::prelude::*;

#[server(endpoint = "undo/get")]
pub async fn get_deleted(id: i64) -> Result<Deleted, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, undo};
    let (state, who) = guard::require(Capability::View).await?;
    undo::get(&state, &who, id).await
}
