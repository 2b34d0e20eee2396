//! `create_badge`: validates the editor's form with the shared rules, creates the badge, and
//! goes to its page (or to the list when Watchers' answer could not be read).

use crate::error::AppError;
use crate::model::badge::BadgeForm;
use leptos::prelude::*;

#[server(endpoint = "badges/create")]
pub async fn create_badge(form: BadgeForm) -> Result<Option<i64>, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, badges, change::invalid, landed};
    let (state, who) = guard::require(Capability::EditBadges).await?;
    let input = form.to_input().map_err(invalid)?;
    let id = badges::create(&state, &who, input).await?;
    if id.is_some() {
        landed::done("Badge created.");
    }
    // Created, but with no readable id: to the list, which says so.
    leptos_axum::redirect(&id.map_or_else(
        || "/badges?notice=created-unread".to_owned(),
        |id| format!("/badges/{id}"),
    ));
    Ok(id)
}
