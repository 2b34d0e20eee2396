//! The door's send: the one way to write to a platform. It hands the write its [`Pass`], sends
//! it once (never retried), and records its audit entry with how it ended.

use super::pass::Pass;
use crate::audit::{AuditEvent, Outcome, record_quietly};
use crate::auth::staff::Account;
use crate::error::AppError;
use crate::model::deployment::Platform;
use crate::model::staff::Capability;
use crate::state::AppState;
use crate::upstream::UpstreamError;
use std::future::Future;

/// A change about to be sent upstream: its audit event (outcome still to come), the thing
/// changed (for "… was not found"), and the platform it goes to. Made only by [`Change::new`],
/// which is the door's role check.
pub struct Change {
    pub(super) audit: AuditEvent,
    pub(super) what: String,
    pub(super) platform: Platform,
}

impl Change {
    /// A change `who` asks of Watchers, which their role must allow (`needs`): checked here again
    /// whatever the server function checked before it, so no change is made to send without it.
    pub fn new(
        who: &Account,
        needs: Capability,
        audit: AuditEvent,
        what: impl Into<String>,
    ) -> Result<Self, AppError> {
        if !who.role.can(needs) {
            tracing::warn!(user = %who.username, ?needs, action = audit.action, "the door refused a change that the role does not allow");
            return Err(AppError::Forbidden);
        }
        Ok(Change {
            audit,
            what: what.into(),
            platform: Platform::Watchers,
        })
    }

    /// The same change, sent to `platform` instead.
    pub fn to(self, platform: Platform) -> Self {
        Change { platform, ..self }
    }
}

/// Sends a change once, records it, and types its error for the browser.
pub async fn send<T, Fut>(
    state: &AppState,
    change: Change,
    write: impl FnOnce(Pass) -> Fut,
) -> Result<T, AppError>
where
    Fut: Future<Output = Result<T, UpstreamError>>,
{
    send_noted(state, change, write, |_| None).await
}

/// [`send`], where a success may carry a note for the audit log (`note` reads it from the
/// answer): an answer that could not be read is still a success, recorded as one, with why.
pub async fn send_noted<T, Fut>(
    state: &AppState,
    change: Change,
    write: impl FnOnce(Pass) -> Fut,
    note: impl FnOnce(&T) -> Option<String>,
) -> Result<T, AppError>
where
    Fut: Future<Output = Result<T, UpstreamError>>,
{
    let (platform, what) = (change.platform, change.what.clone());
    let done = |answer: &T, mut event: AuditEvent| {
        if let Some(note) = note(answer) {
            event.summary = format!(
                "{} (done; the answer could not be read: {note})",
                event.summary
            );
        }
        event
    };
    send_then(state, change, write, done)
        .await
        .map_err(|err| err.into_app_error(platform, &what))
}

/// The door's one send, for a kind that reads the upstream's own error (restore tells a create
/// that may have happened from one that did not): sends once, then records the audit entry,
/// which `done` completes from a success; a refusal or failure is recorded as one, with why.
pub async fn send_then<T, Fut>(
    state: &AppState,
    change: Change,
    write: impl FnOnce(Pass) -> Fut,
    done: impl FnOnce(&T, AuditEvent) -> AuditEvent,
) -> Result<T, UpstreamError>
where
    Fut: Future<Output = Result<T, UpstreamError>>,
{
    let result = write(Pass::new()).await;
    let mut event = change.audit;
    match &result {
        Ok(answer) => event = done(answer, event),
        Err(err) => {
            let outcome = if err.upstream_answered() {
                Outcome::Refused
            } else {
                Outcome::Failed
            };
            event.outcome = outcome;
            event.summary = format!("{} ({}: {err})", event.summary, outcome.as_str());
        }
    }
    let (action, area) = (event.action, event.area.as_str());
    if let Err(err) = &result {
        tracing::warn!(action, area, %err, "an upstream refused or failed a change");
    }
    record_quietly(&state.db, event).await;
    result
}

#[cfg(test)]
mod tests {
    use super::Change;
    use crate::audit::AuditEvent;
    use crate::auth::staff::Account;
    use crate::error::AppError;
    use crate::model::audit::AuditArea;
    use crate::model::staff::{Capability, Role};

    fn account(role: Role) -> Account {
        Account {
            id: 1,
            username: "someone".into(),
            password_hash: String::new(),
            role,
            disabled: false,
            auth_version: 0,
        }
    }

    #[test]
    fn the_door_checks_the_role_again() {
        let change = |role, needs| {
            let audit = AuditEvent::new("someone", AuditArea::Rooms, "create");
            Change::new(&account(role), needs, audit, "Room lobby")
        };
        // A moderator runs rooms but may not publish an offer; marketing the other way round.
        assert!(change(Role::Moderator, Capability::EditRooms).is_ok());
        assert!(matches!(
            change(Role::Moderator, Capability::EditOffers),
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            change(Role::Marketing, Capability::EditRooms),
            Err(AppError::Forbidden)
        ));
        assert!(change(Role::Admin, Capability::EditRooms).is_ok());
    }
}
