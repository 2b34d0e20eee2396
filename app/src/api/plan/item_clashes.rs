//! `item_clashes`: the clashes one published offer or advertisement has with what is planned,
//! times said in the viewer's zone.

use crate::error::AppError;
use crate::model::clash::Clash;
use leptos::prelude::*;

/// `kind` is `offer` or `advertisement`.
#[server(endpoint = "plan/item-clashes")]
pub async fn item_clashes(kind: String, id: i64) -> Result<Vec<Clash>, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, plan, zone};
    let (state, who) = guard::require(Capability::View).await?;
    let key = match kind.as_str() {
        "offer" | "advertisement" => format!("{kind}:{id}"),
        _ => {
            return Err(AppError::Invalid {
                field: Some("kind".into()),
                message: "Ask about an offer or an advertisement.".into(),
            });
        }
    };
    let all = plan::gather(&state, &who, true).await?;
    Ok(all
        .clashes(zone::viewer(&who).zone)
        .into_iter()
        .filter(|c| c.keys.contains(&key))
        .collect())
}
