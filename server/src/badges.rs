//! Badges on behalf of staff: reads, and every change (sent once, audited).

/// The users the dashboard gave each badge, in the storage room.
pub use crate::db::badge_users as assigned;

use super::approvals;
use super::audit::AuditEvent;
use super::auth::staff::Account;
use super::change::read;
use super::door::{self, Applies, Ask, Gate};
use super::door::{Change, Pass, send, send_noted};
use super::state::AppState;
use crate::change::for_viewer;
use crate::error::AppError;
use crate::model::approval::{ApprovalAction, Payload};
use crate::model::audit::AuditArea;
use crate::model::badge::{
    BADGES_PAGE, Badge, BadgeInput, BadgeOrder, USERS_CHUNK, UserIdList, UsersChanged, UsersMode,
};
use crate::model::loose::Listed;
use crate::model::staff::Capability;
use crate::upstream::UpstreamError;

/// A change by `who` to a badge (`id`, when it has one yet).
fn badge_change(
    who: &Account,
    needs: Capability,
    action: &'static str,
    id: Option<i64>,
    summary: String,
) -> Result<Change, AppError> {
    let mut audit = AuditEvent::new(&who.username, AuditArea::Badges, action).summary(summary);
    if let Some(id) = id {
        audit = audit.target(id.to_string());
    }
    let what = id.map_or_else(|| "Badge".to_owned(), |id| format!("Badge {id}"));
    Change::new(who, needs, audit, what)
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
    let described = badge_change(who, Capability::EditBadges, "create", None, summary)?;
    let call = |pass| state.upstream.publish_badge(pass, &input);
    let sent = send_noted(state, described, call, |sent| match sent.id {
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
    let described = badge_change(who, Capability::EditBadges, "update", Some(id), summary)?;
    send(state, described, |pass| {
        state.upstream.update_badge(pass, id, &input)
    })
    .await
}

/// Deletes badge `id` (named `name` in the audit log).
/// Answers the snapshot kept for "Restore" (`None` when the badge could not be read to keep one).
pub async fn delete(
    state: &AppState,
    who: &Account,
    id: i64,
    name: &str,
) -> Result<Option<i64>, AppError> {
    let users = assigned::known(&state.db, id).await?;
    door::delete(state, who, &BadgeDelete { id, users }, name).await
}

/// A badge to delete, with the users the dashboard gave it (kept with the snapshot).
struct BadgeDelete {
    id: i64,
    users: Vec<String>,
}

impl door::Deletable for BadgeDelete {
    type Record = Badge;

    fn area(&self) -> AuditArea {
        AuditArea::Badges
    }

    fn item_id(&self) -> String {
        self.id.to_string()
    }

    fn what(&self) -> String {
        format!("Badge {}", self.id)
    }

    fn users(&self) -> Option<&[String]> {
        Some(&self.users)
    }

    async fn read(&self, state: &AppState) -> Result<Badge, UpstreamError> {
        state.upstream.get_badge(self.id).await
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<(), UpstreamError> {
        state.upstream.delete_badge(pass, self.id).await
    }

    async fn after(&self, state: &AppState, deleted: bool) {
        if deleted && let Err(err) = assigned::forget(&state.db, self.id).await {
            tracing::error!("cannot forget a deleted badge's users: {err}");
        }
    }
}

/// One chunk of a user list: chunk 0 of a replace replaces, later chunks add. A replace waits
/// for a second person instead (its chunks gathered in one request) when an administrator asked
/// for that.
pub async fn change_users(
    state: &AppState,
    who: &Account,
    id: i64,
    mode: UsersMode,
    chunk: u32,
    list: UserIdList,
) -> Result<UsersChanged, AppError> {
    if mode != UsersMode::Replace {
        return change_users_now(state, who, id, mode, chunk, list).await;
    }
    let action = ApprovalAction::ReplaceBadgeUsers;
    let db = &state.db;
    // Borrowed by the gate: the list is copied only into a request, and sent as it came when
    // no rule stops it.
    let asked = &list;
    let gate = door::gate(state, who, action, None, move || async move {
        let open = match chunk {
            0 => None,
            _ => approvals::store::open_replace(db, id, &who.username).await?,
        };
        if let Some(request) = open
            && let Some(Payload::ReplaceUsers { mut ids, .. }) =
                approvals::store::payload(db, request).await?
            && ids.len() == chunk as usize * USERS_CHUNK
        {
            ids.extend(asked.ids.iter().cloned());
            let total = ids.len() as u32;
            let payload = Payload::ReplaceUsers {
                badge_id: id,
                ids,
                total,
            };
            if approvals::store::set_payload(db, request, &payload).await? {
                return Ok(Applies::Joined(request));
            }
        }
        let total = asked.ids.len() as u32;
        Ok(Applies::Ask(Ask {
            target: Some(id.to_string()),
            subject: None,
            label: format!("badge #{id}"),
            payload: Payload::ReplaceUsers {
                badge_id: id,
                ids: asked.ids.clone(),
                total,
            },
        }))
    })
    .await?;
    match gate {
        Gate::Waiting(request) => Ok(waiting(request)),
        Gate::Open => change_users_now(state, who, id, mode, chunk, list).await,
    }
}

/// Nothing sent: the list waits in approval request `request`.
fn waiting(request: i64) -> UsersChanged {
    UsersChanged {
        waiting: Some(request),
        ..UsersChanged::default()
    }
}

/// Sends one chunk of a user list now: chunk 0 of a replace replaces, later chunks add.
pub async fn change_users_now(
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
    let ids = &list.ids;
    let call = |pass| async move {
        match (mode, chunk) {
            (UsersMode::Replace, 0) => upstream.replace_badge_users(pass, id, ids).await,
            (UsersMode::Remove, _) => upstream.remove_badge_users(pass, id, ids).await,
            _ => upstream.add_badge_users(pass, id, ids).await,
        }
    };
    let described = badge_change(who, Capability::AssignBadgeUsers, action, Some(id), summary)?;
    let changed = send(state, described, call).await?;
    if let Err(err) = assigned::note(&state.db, id, mode, chunk, &list.ids).await {
        tracing::error!("cannot note badge {id}'s users: {err}");
    }
    Ok(changed)
}
