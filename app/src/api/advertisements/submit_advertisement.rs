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
    use crate::model::draft::{DraftKind, Intent, submission};
    use crate::server::{auth::guard, change::invalid, landed, marketing, test_sends, zone};
    let kind = DraftKind::Advertisement;
    let (state, who) = guard::require(kind.capability()).await?;
    let intent = submission(&draft_key, &intent).map_err(invalid)?;
    // A test before anything else: it never touches the draft.
    let submitted = if intent == Intent::Test {
        let test = test_sends::send(&state, &who, &form).await?;
        let reach = who.test_audience.reach(kind).unwrap_or_default();
        Submitted::test_sent(test, &reach, zone::viewer(&who).zone)
    } else {
        marketing::submit(&state, &who, &draft_key, advertisement_id, intent, &form).await?
    };
    if let Some(notice) = submitted.notice() {
        landed::done(notice);
    }
    // A test stays on the composer it was sent from (without JavaScript, the page it posted from).
    if let Some(location) = submitted.location(kind) {
        leptos_axum::redirect(&location);
    }
    Ok(submitted)
}
