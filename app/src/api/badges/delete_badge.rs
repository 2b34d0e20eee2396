//! `delete_badge`: deletes badge `id` (the page asks first, naming it) and goes to the list, which offers "Restore"; answers the snapshot kept.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "badges/delete")]
pub async fn delete_badge(id: i64, name: String) -> Result<Option<i64>, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, badges};
    let (state, who) = guard::require(Capability::EditBadges).await?;
    let kept = badges::delete(&state, &who, id, &name).await?;
    leptos_axum::redirect(&crate::model::undo::after_delete("/badges", kept));
    Ok(kept)
}
