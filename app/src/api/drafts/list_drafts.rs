//! `list_drafts`: the saved drafts of offers or of advertisements, most recent first, for those
//! who may publish them.

use crate::error::AppError;
use crate::model::draft::{DraftKind, DraftSummary};
use leptos::prelude::*;

#[server(endpoint = "drafts/list")]
pub async fn list_drafts(kind: DraftKind) -> Result<Vec<DraftSummary>, AppError> {
    use crate::server::{auth::guard, drafts};
    let (state, _) = guard::require(kind.capability()).await?;
    Ok(drafts::list(&state.db, kind).await?)
}
