//! `submit_advertisement`: "Save draft" keeps the form on the server; "Publish" creates the
//! advertisement (or updates `advertisement_id`) and goes to its page.

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
    crate::server::publish::submit(&draft_key, advertisement_id, &intent, &form).await
}
