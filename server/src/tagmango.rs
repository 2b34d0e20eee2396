//! TagMango badges on behalf of staff: reads, and every change (sent once, audited under the
//! TagMango area so the log names the platform).

use super::audit::AuditEvent;
use super::auth::staff::Account;
use super::change::{for_viewer, read_from};
use super::door::{Change, send_noted};
use super::state::AppState;
use crate::error::AppError;
use crate::model::audit::AuditArea;
use crate::model::deployment::Platform;
use crate::model::loose::Listed;
use crate::model::staff::Capability;
use crate::model::tagmango::{MangoBadge, MangoBadgeInput, is_object_id};

/// A change by `who` to a TagMango badge (`id`, when it has one yet).
fn badge_change(
    who: &Account,
    action: &'static str,
    id: Option<&str>,
    summary: String,
) -> Result<Change, AppError> {
    let mut audit = AuditEvent::new(&who.username, AuditArea::TagMango, action).summary(summary);
    if let Some(id) = id {
        audit = audit.target(id);
    }
    let what = id.map_or_else(
        || "TagMango badge".to_owned(),
        |id| format!("TagMango badge {id}"),
    );
    Ok(Change::new(who, Capability::EditBadges, audit, what)?.to(Platform::TagMango))
}

/// Every badge of the creator, each read on its own (see [`for_viewer`]).
pub async fn list(state: &AppState, who: &Account) -> Result<Vec<Listed<MangoBadge>>, AppError> {
    let call = state.tagmango.list_badges();
    Ok(for_viewer(
        who,
        read_from(Platform::TagMango, "TagMango badges", call).await?,
    ))
}

/// Badge `id`: the API has no route for one badge, so it is found in the list.
pub async fn get(state: &AppState, id: &str) -> Result<MangoBadge, AppError> {
    let not_found = || AppError::NotFound {
        what: format!("TagMango badge {}", id.chars().take(24).collect::<String>()),
    };
    if !is_object_id(id) {
        return Err(not_found());
    }
    let call = state.tagmango.list_badges();
    read_from(Platform::TagMango, "TagMango badges", call)
        .await?
        .into_iter()
        .filter_map(Listed::into_read)
        .find(|badge| badge.id == id)
        .ok_or_else(not_found)
}

/// Creates a badge; answers its id, or `None` when TagMango accepted it but its answer could not
/// be read (a success all the same, audited with why).
pub async fn create(
    state: &AppState,
    who: &Account,
    input: MangoBadgeInput,
) -> Result<Option<String>, AppError> {
    let summary = format!("created TagMango badge “{}”", input.name);
    let described = badge_change(who, "create", None, summary)?;
    let call = |pass| state.tagmango.create_badge(pass, &input);
    let created = send_noted(state, described, call, |c| c.unread.clone()).await?;
    Ok(created.id)
}

pub async fn update(
    state: &AppState,
    who: &Account,
    id: &str,
    input: MangoBadgeInput,
) -> Result<(), AppError> {
    let summary = format!("updated TagMango badge “{}”", input.name);
    let described = badge_change(who, "update", Some(id), summary)?;
    let call = |pass| state.tagmango.update_badge(pass, id, &input);
    send_noted(state, described, call, |_| None).await
}
