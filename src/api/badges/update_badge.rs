//! `update_badge`: saves the editor's form over badge `id`.

use crate::error::AppError;
use crate::model::badge::BadgeForm;
use leptos::prelude::*;

#[server(endpoint = "badges/update")]
pub async fn update_badge(id: i64, form: BadgeForm) -> Result<i64, AppError> {
    use crate::model::staff::Capability;
    use crate::server::auth::guard;
    use crate::server::change::{Change, change, invalid};
    let (state, who) = guard::require(Capability::EditBadges).await?;
    let input = form.to_input().map_err(invalid)?;
    let summary = format!("updated badge “{}”", input.text);
    change(
        &state,
        &who,
        Change {
            action: "update",
            area: "badges",
            target: Some(id.to_string()),
            summary,
            what: format!("Badge {id}"),
        },
        state.upstream.update_badge(id, &input),
    )
    .await?;
    leptos_axum::redirect(&format!("/badges/{id}"));
    Ok(id)
}
