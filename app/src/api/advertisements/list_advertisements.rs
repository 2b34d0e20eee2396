//! `list_advertisements`: a page of published advertisements, newest first.

use crate::error::AppError;
use crate::model::advertisement::Advertisement;
use crate::model::loose::Listed;
use leptos::prelude::*;

#[server(endpoint = "advertisements/list")]
pub async fn list_advertisements(page: u32) -> Result<Vec<Listed<Advertisement>>, AppError> {
    use crate::model::advertisement::form::AdForm;
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, marketing};
    let (state, who) = guard::require(Capability::View).await?;
    marketing::list::<AdForm>(&state, &who, page).await
}
