//! `delete_badge`: deletes badge `id` (the page asks first, naming it) and goes to the list.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "badges/delete")]
pub async fn delete_badge(id: i64, name: String) -> Result<(), AppError> {
    use crate::model::staff::Capability;
    use crate::server::auth::guard;
    use crate::server::change::{Change, change};
    let (state, who) = guard::require(Capability::EditBadges).await?;
    let summary = format!(
        "deleted badge “{}”",
        name.chars().take(60).collect::<String>()
    );
    change(
        &state,
        &who,
        Change {
            action: "delete",
            area: "badges",
            target: Some(id.to_string()),
            summary,
            what: format!("Badge {id}"),
        },
        state.upstream.delete_badge(id),
    )
    .await?;
    leptos_axum::redirect("/badges");
    Ok(())
}
