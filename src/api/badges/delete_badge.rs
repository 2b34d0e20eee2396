//! `delete_badge`: deletes badge `id` (the page asks first, naming it) and goes to the list.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "badges/delete")]
pub async fn delete_badge(id: i64, name: String) -> Result<(), AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, badges};
    let (state, who) = guard::require(Capability::EditBadges).await?;
    badges::delete(&state, &who, id, &name).await?;
    leptos_axum::redirect("/badges");
    Ok(())
}
