//! `delete_draft`: throws a draft away (nothing is sent to Watchers) and goes to its list.

use crate::error::AppError;
use crate::model::draft::DraftKind;
use leptos::prelude::*;

#[server(endpoint = "drafts/delete")]
pub async fn delete_draft(kind: DraftKind, key: String) -> Result<(), AppError> {
    use crate::server::{auth::guard, marketing};
    let (state, who) = guard::require(kind.capability()).await?;
    marketing::discard_draft(&state, &who, kind, &key).await?;
    leptos_axum::redirect(kind.base());
    Ok(())
}
