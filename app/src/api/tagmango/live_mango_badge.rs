//! `live_mango_badge`: the TagMango editor's live parts for the form as typed (the card, the
//! counts, the readiness, the problems), which the live island puts in place. It reads and
//! changes nothing.

use crate::error::AppError;
use crate::model::tagmango::MangoBadgeForm;
use leptos::prelude::*;

#[server(endpoint = "tagmango/live")]
pub async fn live_mango_badge(form: MangoBadgeForm) -> Result<String, AppError> {
    use crate::components::mango_editor::live_parts;
    use crate::model::staff::Capability;
    use crate::server::auth::guard;
    guard::require(Capability::EditBadges).await?;
    Ok(live_parts(form))
}
