//! `live_advertisement`: the advertisement composer's live parts for the form as typed (the
//! preview per language, the payload, the UTC times, the zone's sentence, the clashes, the
//! readiness, the problems), which the live island puts in place. It reads and changes nothing.

use crate::error::AppError;
use crate::model::advertisement::form::AdForm;
use leptos::prelude::*;

#[server(endpoint = "advertisements/live")]
pub async fn live_advertisement(
    form: AdForm,
    advertisement_id: Option<i64>,
) -> Result<String, AppError> {
    use crate::components::live_composer::live_parts;
    use crate::model::draft::DraftKind;
    use crate::server::{auth::guard, zone};
    let (_, who) = guard::require(DraftKind::Advertisement.capability()).await?;
    let known = !zone::viewer(&who).undetected;
    Ok(live_parts(form, advertisement_id, known).await)
}
