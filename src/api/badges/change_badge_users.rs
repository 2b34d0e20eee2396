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
    use crate::model::badge::{USERS_CHUNK, UserIdList};
    use crate::model::staff::Capability;
    use crate::server::auth::guard;
    use crate::server::change::{Change, change, with_status};
    let (state, who) = guard::require(Capability::AssignBadgeUsers).await?;
    let list = UserIdList::parse(&ids);
    let problem = if list.ids.is_empty() {
        Some("Paste or upload at least one user id.".to_owned())
    } else if list.ids.len() > USERS_CHUNK {
        let n = list.ids.len();
        Some(format!(
            "Send at most {USERS_CHUNK} ids at once ({n} here)."
        ))
    } else {
        None
    };
    if let Some(message) = problem {
        return Err(with_status(AppError::invalid("ids", message)));
    }
    let n = list.ids.len();
    let (action, summary) = match (mode, chunk) {
        (UsersMode::Replace, 0) => ("replace_users", format!("replaced users with {n} ids")),
        (UsersMode::Replace | UsersMode::Add, _) => (
            "add_users",
            format!("added {n} user ids (chunk {})", chunk + 1),
        ),
        (UsersMode::Remove, _) => (
            "remove_users",
            format!("removed {n} user ids (chunk {})", chunk + 1),
        ),
    };
    let target = Some(id.to_string());
    let what = format!("Badge {id}");
    let upstream = &state.upstream;
    let call = async {
        match (mode, chunk) {
            (UsersMode::Replace, 0) => upstream.replace_badge_users(id, &list.ids).await,
            (UsersMode::Remove, _) => upstream.remove_badge_users(id, &list.ids).await,
            _ => upstream.add_badge_users(id, &list.ids).await,
        }
    };
    change(
        &state,
        &who,
        Change {
            action,
            area: "badges",
            target,
            summary,
            what,
        },
        call,
    )
    .await
}
