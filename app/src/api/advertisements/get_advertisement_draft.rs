//! `get_advertisement_draft`: a saved advertisement draft, with its form as it was typed.

use crate::error::AppError;
use crate::model::advertisement::form::AdForm;
use crate::model::draft::Draft;
use leptos::prelude::*;

#[server(endpoint = "advertisements/get-draft")]
pub async fn get_advertisement_draft(key: String) -> Result<Draft<AdForm>, AppError> {
    use crate::model::draft::DraftKind;
    use crate::server::{auth::guard, marketing};
    let (state, _) = guard::require(DraftKind::Advertisement.capability()).await?;
    marketing::read_draft(&state, DraftKind::Advertisement, &key).await
}
