//! Real undo: a delete first keeps the item as the platform last answered it (a snapshot, kept by
//! the door's delete: `door::Delete`), and "Restore" recreates it from that, once, through the
//! door; a restored badge gets its known users back in chunks.

mod restore;
/// The snapshots' table, in the storage room.
pub use crate::db::snapshots as store;

pub use restore::restore;

use super::audit::AuditEvent;
use super::auth::staff::Account;
use super::door::{self, Described, Failure, Kind, Pass, Write};
use super::state::AppState;
use crate::error::AppError;
use crate::model::audit::AuditArea;
use crate::model::badge::{USERS_CHUNK, UsersChanged, UsersMode};
use crate::model::undo::{self, Deleted, KnownUsers, Restore};
use crate::upstream::UpstreamError;

/// Deletes kept of `area`, newest first.
pub async fn list(state: &AppState, area: AuditArea) -> Result<Vec<Deleted>, AppError> {
    Ok(store::list(&state.db, area, state.clock.now()).await?)
}

/// Snapshot `id`, if it is still kept and `who` may restore what it holds.
pub async fn get(state: &AppState, who: &Account, id: i64) -> Result<Deleted, AppError> {
    let deleted = store::get(&state.db, id, state.clock.now())
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "Deleted item".into(),
        })?;
    if !who.role.can(undo::capability(deleted.area)) {
        return Err(AppError::Forbidden);
    }
    Ok(deleted)
}

/// Re-assigns the next chunk of a restored badge's known users (at most [`USERS_CHUNK`]), once;
/// answers how far it got.
pub async fn restore_users(
    state: &AppState,
    who: &Account,
    id: i64,
) -> Result<KnownUsers, AppError> {
    let deleted = get(state, who, id).await?;
    if deleted.area != AuditArea::Badges {
        // Only a badge has users to give back.
        return Ok(KnownUsers::default());
    }
    let Restore::Done {
        as_id: Some(new_id),
        ..
    } = &deleted.restore
    else {
        return Err(AppError::invalid(
            "snapshot",
            "Restore the badge first: its users go to the new badge.",
        ));
    };
    let new_id: i64 = new_id.parse().map_err(|_| AppError::Internal)?;
    let (users, sent) = store::users(&state.db, id).await?;
    let total = users.len() as u32;
    if sent >= users.len() {
        return Ok(KnownUsers { total, sent: total });
    }
    let chunk: Vec<String> = users.iter().skip(sent).take(USERS_CHUNK).cloned().collect();
    // `get` checked the role: a refused chunk leaves the users free to send.
    if !store::claim_users(&state.db, id, sent, chunk.len()).await? {
        return Err(AppError::invalid(
            "snapshot",
            "Another chunk of these users is being sent right now: wait a moment and look again.",
        ));
    }
    let give = GiveBack {
        snapshot: id,
        badge: new_id,
        chunk,
        from: sent,
        total,
    };
    door::run(state, who, &give).await?.sent()?;
    Ok(KnownUsers {
        total,
        sent: (sent + give.chunk.len()) as u32,
    })
}

/// The next chunk of a restored badge's known users, given back to the new badge (`badge`),
/// once: the chunk after the first `from` of snapshot `snapshot`'s `total`.
struct GiveBack {
    snapshot: i64,
    badge: i64,
    chunk: Vec<String>,
    from: usize,
    total: u32,
}

impl Kind for GiveBack {
    type Answer = UsersChanged;

    fn describe(&self, who: &Account) -> Described {
        let (n, badge) = (self.chunk.len(), self.badge);
        let audit = AuditEvent::new(&who.username, AuditArea::Badges, "restore users")
            .target(badge.to_string())
            .summary(format!(
                "re-assigning {n} known users to restored badge #{badge}"
            ))
            .link(undo::snapshot_path(self.snapshot));
        let needs = undo::capability(AuditArea::Badges);
        Described::new(needs, audit, format!("Badge {badge}"))
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<UsersChanged, UpstreamError> {
        state
            .upstream
            .add_badge_users(pass, self.badge, &self.chunk)
            .await
    }

    fn done(&self, _: &UsersChanged, event: AuditEvent) -> AuditEvent {
        let (n, badge, total) = (self.chunk.len(), self.badge, self.total);
        let done = self.from + n;
        event.summary(format!(
            "re-assigned {n} known users to restored badge #{badge} ({done} of {total})"
        ))
    }

    /// The restored badge's users, written with the chunk's audit entry.
    fn remember(&self, _: &UsersChanged) -> Vec<Write<'_>> {
        vec![Write::BadgeUsers {
            badge: self.badge,
            mode: UsersMode::Add,
            chunk: 1,
            ids: &self.chunk,
        }]
    }

    async fn after(&self, state: &AppState, _: &Account, sent: Result<&UsersChanged, Failure<'_>>) {
        let reached = self.from + if sent.is_ok() { self.chunk.len() } else { 0 };
        if let Err(err) = store::users_done(&state.db, self.snapshot, reached).await {
            tracing::error!("cannot note how far a restored badge's users got: {err}");
        }
    }
}
