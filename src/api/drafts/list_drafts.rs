//! `list_drafts`: the saved drafts of offers or of advertisements, most recent first, for those
//! who may publish them.

use crate::error::AppError;
use crate::model::draft::{DraftKind, DraftSummary};
use leptos::prelude::*;

#[server(endpoint = "drafts/list")]
pub async fn list_drafts(kind: DraftKind) -> Result<Vec<DraftSummary>, AppError> {
    use crate::server::{auth::guard, change::with_status, drafts, publish::capability};
    let (state, _) = guard::require(capability(kind)).await?;
    drafts::list(&state.db, kind).await.map_err(|err| {
        tracing::error!("cannot read drafts: {err}");
        with_status(AppError::Internal)
    })
}
