//! `update_badge`: saves the editor's form over badge `id`, checked with the shared rules, and
//! goes to its page.

use crate::error::AppError;
use crate::model::badge::BadgeForm;
use leptos::prelude::*;

#[server(endpoint = "badges/update")]
pub async fn update_badge(id: i64, form: BadgeForm) -> Result<i64, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, badges, change::invalid, landed};
    let (state, who) = guard::require(Capability::EditBadges).await?;
    let input = form.to_input().map_err(invalid)?;
    badges::update(&state, &who, id, input).await?;
    landed::done("Saved.");
    leptos_axum::redirect(&format!("/badges/{id}"));
    Ok(id)
}
