//! Badges on behalf of staff: reads, and every change (sent once, audited).

/// The users the dashboard gave each badge, in the storage room.
pub use crate::db::badge_users as assigned;

use super::approvals;
use super::audit::AuditEvent;
use super::auth::staff::Account;
use super::change::read;
use super::door::{self, Applies, Ask, Created, Deletable, Delete, Described, Done};
use super::door::{Kept, Kind, Pass, Rule, Write};
use super::read_cache::Call;
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
use crate::model::targeting::Sent;
use crate::model::undo;
use crate::upstream::UpstreamError;

/// What a change by `who` to a badge (`id`, when it has one yet) is.
fn badge_change(
    who: &Account,
    needs: Capability,
    action: &'static str,
    id: Option<i64>,
    summary: String,
) -> Described {
    let mut audit = AuditEvent::new(&who.username, AuditArea::Badges, action).summary(summary);
    if let Some(id) = id {
        audit = audit.target(id.to_string());
    }
    let what = id.map_or_else(|| "Badge".to_owned(), |id| format!("Badge {id}"));
    Described::new(needs, audit, what)
}

/// Page `page` (from 0) of badges in `order`, each read on its own (see [`for_viewer`]); for a
/// page, so kept a short while (`state.reads`).
pub async fn list(
    state: &AppState,
    who: &Account,
    page: u32,
    order: BadgeOrder,
) -> Result<Vec<Listed<Badge>>, AppError> {
    let offset = page.saturating_mul(BADGES_PAGE);
    let call = state.upstream.list_badges(BADGES_PAGE, offset, order);
    let kept = state.reads.get(
        Call::new("badges", format!("{offset} {}", order.as_str())),
        call,
    );
    Ok(for_viewer(who, read("Badges", kept).await?))
}

/// Badge `id`, for a page: kept a short while (`state.reads`).
pub async fn get(state: &AppState, id: i64) -> Result<Badge, AppError> {
    let call = state.upstream.get_badge(id);
    let kept = state.reads.get(Call::new("badge", id.to_string()), call);
    read(&format!("Badge {id}"), kept).await
}

/// Creates a badge; answers its id, or `None` when Watchers accepted it but its answer could not
/// be read (a success all the same, audited with why).
pub async fn create(
    state: &AppState,
    who: &Account,
    input: BadgeInput,
) -> Result<Option<i64>, AppError> {
    let sent = door::run(state, who, &Create(input)).await?.sent()?;
    Ok(sent.id)
}

/// A new badge.
struct Create(BadgeInput);

impl Kind for Create {
    type Answer = Sent;

    fn describe(&self, who: &Account) -> Described {
        let summary = format!("created badge “{}”", self.0.text);
        badge_change(who, Capability::EditBadges, "create", None, summary)
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<Sent, UpstreamError> {
        state.upstream.publish_badge(pass, &self.0).await
    }

    fn done(&self, sent: &Sent, event: AuditEvent) -> AuditEvent {
        let unread = match sent.id {
            Some(_) => sent.unread.as_deref(),
            None => Some(sent.unread.as_deref().unwrap_or("no id in it")),
        };
        door::noted(event, unread)
    }
}

pub async fn update(
    state: &AppState,
    who: &Account,
    id: i64,
    input: BadgeInput,
) -> Result<(), AppError> {
    door::run(state, who, &Update { id, input }).await?.sent()
}

/// Badge `id` as `input` says.
struct Update {
    id: i64,
    input: BadgeInput,
}

impl Kind for Update {
    type Answer = ();

    fn describe(&self, who: &Account) -> Described {
        let summary = format!("updated badge “{}”", self.input.text);
        badge_change(
            who,
            Capability::EditBadges,
            "update",
            Some(self.id),
            summary,
        )
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<(), UpstreamError> {
        state
            .upstream
            .update_badge(pass, self.id, &self.input)
            .await
    }
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
    let delete = Delete::new(BadgeDelete { id, users }, name);
    door::run(state, who, &delete).await?.sent()
}

/// A badge to delete, with the users the dashboard gave it (kept with the snapshot).
pub struct BadgeDelete {
    id: i64,
    users: Vec<String>,
}

impl Deletable for BadgeDelete {
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

    /// A new badge as the old one was (its users follow, chunk by chunk: `undo::restore_users`).
    async fn recreate(
        state: &AppState,
        kept: Kept<'_, Badge>,
        pass: Pass,
    ) -> Result<Created, UpstreamError> {
        let input = undo::badge_input(&kept.record);
        Ok(state.upstream.publish_badge(pass, &input).await?.into())
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
    let change = Users {
        id,
        mode,
        chunk,
        list,
    };
    match door::run(state, who, &change).await? {
        Done::Sent(changed) => Ok(changed),
        Done::Waiting(request) => Ok(UsersChanged {
            waiting: Some(request),
            ..UsersChanged::default()
        }),
    }
}

/// One chunk of badge `id`'s user list: chunk 0 of a replace replaces, later chunks add.
pub struct Users {
    pub id: i64,
    pub mode: UsersMode,
    pub chunk: u32,
    pub list: UserIdList,
}

impl Kind for Users {
    type Answer = UsersChanged;

    fn describe(&self, who: &Account) -> Described {
        let (n, chunk) = (self.list.ids.len(), self.chunk);
        let (action, summary) = match (self.mode, chunk) {
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
        let needs = Capability::AssignBadgeUsers;
        badge_change(who, needs, action, Some(self.id), summary)
    }

    /// A replace's: its chunks are gathered in one request.
    fn rule(&self) -> Option<Rule> {
        (self.mode == UsersMode::Replace).then_some(Rule {
            action: ApprovalAction::ReplaceBadgeUsers,
            subject: None,
        })
    }

    async fn applies(&self, state: &AppState, who: &Account) -> Result<Applies, AppError> {
        let (db, id, chunk) = (&state.db, self.id, self.chunk);
        let open = match chunk {
            0 => None,
            _ => approvals::store::open_replace(db, id, &who.username).await?,
        };
        if let Some(request) = open
            && let Some(Payload::ReplaceUsers { mut ids, .. }) =
                approvals::store::payload(db, request).await?
            && ids.len() == chunk as usize * USERS_CHUNK
        {
            ids.extend(self.list.ids.iter().cloned());
            let total = ids.len() as u32;
            let payload = Payload::ReplaceUsers {
                badge_id: id,
                ids,
                total,
            };
            if approvals::store::set_payload(db, request, &payload).await? {
                state.approval_counts.changed().await;
                return Ok(Applies::Joined(request));
            }
        }
        let total = self.list.ids.len() as u32;
        Ok(Applies::Ask(Ask {
            target: Some(id.to_string()),
            label: format!("badge #{id}"),
            payload: Payload::ReplaceUsers {
                badge_id: id,
                ids: self.list.ids.clone(),
                total,
            },
        }))
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<UsersChanged, UpstreamError> {
        let (upstream, id, ids) = (&state.upstream, self.id, &self.list.ids);
        match (self.mode, self.chunk) {
            (UsersMode::Replace, 0) => upstream.replace_badge_users(pass, id, ids).await,
            (UsersMode::Remove, _) => upstream.remove_badge_users(pass, id, ids).await,
            _ => upstream.add_badge_users(pass, id, ids).await,
        }
    }

    /// The users the dashboard gave the badge (what a deleted badge's restore gives back),
    /// written with the chunk's audit entry.
    fn remember(&self, _: &UsersChanged) -> Vec<Write<'_>> {
        vec![Write::BadgeUsers {
            badge: self.id,
            mode: self.mode,
            chunk: self.chunk,
            ids: &self.list.ids,
        }]
    }
}
