//! `update_mango_badge`: saves the editor's form over TagMango badge `id`, checked with the
//! shared rules, and goes to its page.

use crate::error::AppError;
use crate::model::tagmango::MangoBadgeForm;
use leptos::prelude::*;

#[server(endpoint = "tagmango/update")]
pub async fn update_mango_badge(id: String, form: MangoBadgeForm) -> Result<String, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, change::invalid, tagmango};
    let (state, who) = guard::require(Capability::EditBadges).await?;
    let input = form.to_input().map_err(invalid)?;
    let automated = input.enable_automation;
    tagmango::update(&state, &who, &id, input).await?;
    let notice = if automated {
        "saved-automated"
    } else {
        "saved"
    };
    leptos_axum::redirect(&format!("/badges/tagmango/{id}?notice={notice}"));
    Ok(id)
}
