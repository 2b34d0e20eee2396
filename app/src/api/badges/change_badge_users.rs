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
    use crate::server::{auth::guard, badges, change::invalid, landed};
    let (state, who) = guard::require(Capability::AssignBadgeUsers).await?;
    let list = UserIdList::chunk(&ids).map_err(invalid)?;
    let changed = badges::change_users(&state, &who, id, mode, chunk, list).await?;
    landed::done(changed.notice());
    // A plain form (no JavaScript) goes to the request it made; the page's own chunks stay put.
    let plain_form = use_context::<axum::http::request::Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(axum::http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    });
    if let (Some(request), true) = (changed.waiting, plain_form) {
        leptos_axum::redirect(&crate::model::approval::request_path(request));
    }
    Ok(changed)
}
