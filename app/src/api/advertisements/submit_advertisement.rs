//! `submit_advertisement`: the composer's three buttons. "Save draft" keeps the form on the
//! server; "Publish" creates the advertisement (or updates `advertisement_id`) and goes to its
//! page; "Send a test to me" sends it to the person's own test room alone, leaves the draft as it
//! was, and stays on the composer.

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
    use crate::model::draft::DraftKind;
    use crate::server::{auth::guard, marketing};
    let (state, who) = guard::require(DraftKind::Advertisement.capability()).await?;
    marketing::press(&state, &who, &draft_key, advertisement_id, &intent, &form).await
}
