//! `create_badge`: validates the editor's form with the shared rules, creates the badge, and
//! goes to its page.

use crate::error::AppError;
use crate::model::badge::BadgeForm;
use leptos::prelude::*;

#[server(endpoint = "badges/create")]
pub async fn create_badge(form: BadgeForm) -> Result<i64, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, badges, change::invalid};
    let (state, who) = guard::require(Capability::EditBadges).await?;
    let input = form.to_input().map_err(invalid)?;
    let id = badges::create(&state, &who, input).await?;
    leptos_axum::redirect(&format!("/badges/{id}"));
    Ok(id)
}
