//! `list_mango_badges`: every TagMango badge of the creator.

use crate::error::AppError;
use crate::model::loose::Listed;
use crate::model::tagmango::MangoBadge;
use leptos::prelude::*;

#[server(endpoint = "tagmango/list")]
pub async fn list_mango_badges() -> Result<Vec<Listed<MangoBadge>>, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, tagmango};
    let (state, who) = guard::require(Capability::View).await?;
    tagmango::list(&state, &who).await
}
