//! `create_mango_badge`: validates the editor's form with the shared rules, creates the badge,
//! and goes to its page (or to the list when TagMango's answer could not be read).

use crate::error::AppError;
use crate::model::tagmango::MangoBadgeForm;
use leptos::prelude::*;

#[server(endpoint = "tagmango/create")]
pub async fn create_mango_badge(form: MangoBadgeForm) -> Result<Option<String>, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, change::invalid, tagmango};
    let (state, who) = guard::require(Capability::EditBadges).await?;
    let input = form.to_input().map_err(invalid)?;
    let automated = input.enable_automation;
    let id = tagmango::create(&state, &who, input).await?;
    let notice = if automated {
        "saved-automated"
    } else {
        "saved"
    };
    leptos_axum::redirect(&id.as_ref().map_or_else(
        || "/badges/tagmango?notice=created-unread".to_owned(),
        |id| format!("/badges/tagmango/{id}?notice={notice}"),
    ));
    Ok(id)
}
