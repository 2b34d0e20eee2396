//! `submit_advertisement`: the composer's two buttons. "Save draft" keeps the form on the server;
//! "Publish" creates the advertisement (or updates `advertisement_id`) and goes to its page.

use crate::error::AppError;
use crate::model::advertisement::form::AdForm;
use crate::model::draft::Submitted;
use leptos::prelude::*;

#[server(endpoint = "advertisements/submit")]
pub async fn submit_advertisement(
    draft_key: String,
    advertisement_id: Option<i64>,
    intent: String,
    form: AdForm,
) -> Result<Submitted, AppError> {
    use crate::model::draft::{DraftKind, submission};
    use crate::server::{auth::guard, change::invalid, landed, marketing};
    let kind = DraftKind::Advertisement;
    let (state, who) = guard::require(kind.capability()).await?;
    let intent = submission(&draft_key, &intent).map_err(invalid)?;
    let submitted =
        marketing::submit(&state, &who, &draft_key, advertisement_id, intent, &form).await?;
    if let Some(notice) = submitted.notice() {
        landed::done(notice);
    }
    leptos_axum::redirect(&submitted.location(kind));
    Ok(submitted)
}
