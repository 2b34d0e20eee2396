//! `change_badge_users`: adds, removes or replaces one chunk of a badge's users. The browser
//! splits long lists into chunks and calls this once per chunk; without JavaScript the form sends
//! one chunk of at most [`USERS_CHUNK`] ids.

use crate::error::AppError;
use crate::model::badge::{UsersChanged, UsersMode};
use leptos::prelude::*;

/// `first`: whether this is the first chunk (a replace replaces with it, and adds the others).
#[server(endpoint = "badges/users")]
pub async fn change_badge_users(
    id: i64,
    mode: UsersMode,
    ids: String,
    #[server(default)] chunk: u32,
) -> Result<UsersChanged, AppError> {
    use crate::model::{badge::UserIdList, staff::Capability};
    use crate::server::{auth::guard, badges, change::invalid};
    let (state, who) = guard::require(Capability::AssignBadgeUsers).await?;
    let list = UserIdList::chunk(&ids).map_err(invalid)?;
    badges::change_users(&state, &who, id, mode, chunk, list).await
}
