//! `live_badge`: the badge editor's live parts for the form as typed (the preview, the contrast,
//! the counts, the readiness, the problems), which the live island puts in place. It reads and
//! changes nothing.

use crate::error::AppError;
use crate::model::badge::BadgeForm;
use leptos::prelude::*;

#[server(endpoint = "badges/live")]
pub async fn live_badge(form: BadgeForm) -> Result<String, AppError> {
    use crate::components::badge_editor::live_parts;
    use crate::model::staff::Capability;
    use crate::server::auth::guard;
    guard::require(Capability::EditBadges).await?;
    Ok(live_parts(form))
}
