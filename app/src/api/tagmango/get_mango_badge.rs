//! `get_mango_badge`: one TagMango badge by its `_id`.

use crate::error::AppError;
use crate::model::tagmango::MangoBadge;
use leptos::prelude::*;

#[server(endpoint = "tagmango/get")]
pub async fn get_mango_badge(id: String) -> Result<MangoBadge, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, tagmango};
    let (state, _) = guard::require(Capability::View).await?;
    tagmango::get(&state, &id).await
}
