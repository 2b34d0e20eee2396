//! Badges on behalf of staff: reads, and every change (sent once, audited).

use super::audit::AuditEvent;
use super::auth::staff::Account;
use super::change::{Change, change, change_noted, read};
use super::state::AppState;
use crate::error::AppError;
use crate::model::audit::AuditArea;
use crate::model::badge::{
    BADGES_PAGE, Badge, BadgeInput, BadgeOrder, UserIdList, UsersChanged, UsersMode,
};
use crate::model::loose::Listed;
use crate::server::change::for_viewer;

/// A change by `who` to a badge (`id`, when it has one yet).
fn badge_change(who: &Account, action: &'static str, id: Option<i64>, summary: String) -> Change {
    let mut audit = AuditEvent::new(&who.username, AuditArea::Badges, action).summary(summary);
    if let Some(id) = id {
        audit = audit.target(id.to_string());
    }
    let what = id.map_or_else(|| "Badge".to_owned(), |id| format!("Badge {id}"));
    Change::watchers(audit, what)
}

/// Page `page` (from 0) of badges in `order`, each read on its own (see [`for_viewer`]).
pub async fn list(
    state: &AppState,
    who: &Account,
    page: u32,
    order: BadgeOrder,
) -> Result<Vec<Listed<Badge>>, AppError> {
    let offset = page.saturating_mul(BADGES_PAGE);
    let call = state.upstream.list_badges(BADGES_PAGE, offset, order);
    Ok(for_viewer(who, read("Badges", call).await?))
}

pub async fn get(state: &AppState, id: i64) -> Result<Badge, AppError> {
    read(&format!("Badge {id}"), state.upstream.get_badge(id)).await
}

/// Creates a badge; answers its id, or `None` when Watchers accepted it but its answer could not
/// be read (a success all the same, audited with why).
pub async fn create(
    state: &AppState,
    who: &Account,
    input: BadgeInput,
) -> Result<Option<i64>, AppError> {
    let summary = format!("created badge “{}”", input.text);
    let described = badge_change(who, "create", None, summary);
    let call = state.upstream.publish_badge(&input);
    let sent = change_noted(state, described, call, |sent| match sent.id {
        Some(_) => sent.unread.clone(),
        None => Some(
            sent.unread
                .clone()
                .unwrap_or_else(|| "no id in it".to_owned()),
        ),
    })
    .await?;
    Ok(sent.id)
}

pub async fn update(
    state: &AppState,
    who: &Account,
    id: i64,
    input: BadgeInput,
) -> Result<(), AppError> {
    let summary = format!("updated badge “{}”", input.text);
    let described = badge_change(who, "update", Some(id), summary);
    change(state, described, state.upstream.update_badge(id, &input)).await
}

/// Deletes badge `id` (named `name` in the audit log).
pub async fn delete(state: &AppState, who: &Account, id: i64, name: &str) -> Result<(), AppError> {
    let name: String = name.chars().take(60).collect();
    let described = badge_change(who, "delete", Some(id), format!("deleted badge “{name}”"));
    change(state, described, state.upstream.delete_badge(id)).await
}

/// Sends one chunk of a user list: chunk 0 of a replace replaces, later chunks add.
pub async fn change_users(
    state: &AppState,
    who: &Account,
    id: i64,
    mode: UsersMode,
    chunk: u32,
    list: UserIdList,
) -> Result<UsersChanged, AppError> {
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
    let upstream = &state.upstream;
    let call = async {
        match (mode, chunk) {
            (UsersMode::Replace, 0) => upstream.replace_badge_users(id, &list.ids).await,
            (UsersMode::Remove, _) => upstream.remove_badge_users(id, &list.ids).await,
            _ => upstream.add_badge_users(id, &list.ids).await,
        }
    };
    change(state, badge_change(who, action, Some(id), summary), call).await
}
