//! `live_known_users`: how far a restored badge's known users are given back, drawn as the page
//! draws it, which the live island puts in place after each chunk of "Give back all". It
//! changes nothing.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "undo/live-users")]
pub async fn live_known_users(id: i64) -> Result<String, AppError> {
    use crate::components::live::live_answer;
    use crate::components::undo::known_users_progress;
    use crate::model::{staff::Capability, validate::Problems};
    use crate::server::{auth::guard, undo};
    let (state, who) = guard::require(Capability::View).await?;
    let deleted = undo::get(&state, &who, id).await?;
    let users = known_users_progress(&deleted).into_any();
    Ok(live_answer(vec![("users", users)], &Problems::default()))
}
