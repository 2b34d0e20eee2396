//! `get_advertisement`: one advertisement, with what its last publish through the dashboard reported.

use crate::error::AppError;
use crate::model::advertisement::Advertisement;
use crate::model::targeting::WithReport;
use leptos::prelude::*;

#[server(endpoint = "advertisements/get")]
pub async fn get_advertisement(id: i64) -> Result<WithReport<Advertisement>, AppError> {
    use crate::model::advertisement::form::AdForm;
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, marketing};
    let (state, _) = guard::require(Capability::View).await?;
    marketing::get::<AdForm>(&state, id).await
}
