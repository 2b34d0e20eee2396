//! The door's send: the role checked again, then the write handed its [`Pass`] and sent once
//! (never retried), and its audit entry recorded with how it ended.

use super::Described;
use super::pass::Pass;
use crate::audit::{AuditEvent, Outcome, record_with};
use crate::auth::staff::Account;
use crate::db::batch::Write;
use crate::error::AppError;
use crate::model::deployment::Platform;
use crate::state::AppState;
use crate::upstream::UpstreamError;
use std::future::Future;

/// A change about to be sent upstream: its audit event (outcome still to come), the thing
/// changed (for "… was not found"), and the platform it goes to. Made only by [`Change::new`],
/// which is the door's role check.
pub(super) struct Change {
    pub(super) audit: AuditEvent,
    pub(super) what: String,
    pub(super) platform: Platform,
}

impl Change {
    /// The change `described`, asked for by `who`, whose role must allow it: checked here again
    /// whatever the server function checked before, before anything is read, kept or sent.
    pub(super) fn new(who: &Account, described: Described) -> Result<Self, AppError> {
        let Described {
            needs,
            audit,
            what,
            platform,
        } = described;
        if !who.role.can(needs) {
            tracing::warn!(user = %who.username, ?needs, action = audit.action, "the door refused a change that the role does not allow");
            return Err(AppError::Forbidden);
        }
        Ok(Change {
            audit,
            what,
            platform,
        })
    }
}

/// Sends a change once, then drops every copy of the platforms' answers the pages read (here at
/// once, on every other replica within a poll: even a failed write may have changed something),
/// and records its audit entry, which `done` completes from a success; a refusal or failure is
/// recorded as one, with why. What a success leaves to remember here (`remember`), the entry and
/// the version that tells the other replicas are written in one transaction: one commit, not one
/// each.
pub(super) async fn once<'k, T, Fut>(
    state: &AppState,
    change: Change,
    write: impl FnOnce(Pass) -> Fut,
    done: impl FnOnce(&T, AuditEvent) -> AuditEvent,
    remember: impl FnOnce(&T) -> Vec<Write<'k>>,
) -> Result<T, UpstreamError>
where
    Fut: Future<Output = Result<T, UpstreamError>>,
{
    let result = write(Pass::new()).await;
    let mut writes = vec![state.reads.changed()];
    let mut event = change.audit;
    match &result {
        Ok(answer) => {
            writes.extend(remember(answer));
            event = done(answer, event);
        }
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
    record_with(&state.db, event, &writes).await;
    result
}

#[cfg(test)]
mod tests {
    use super::Change;
    use crate::audit::AuditEvent;
    use crate::auth::staff::Account;
    use crate::door::Described;
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
            time_zone: None,
            test_audience: Default::default(),
        }
    }

    #[test]
    fn the_door_checks_the_role_again() {
        let change = |role, needs| {
            let audit = AuditEvent::new("someone", AuditArea::Rooms, "create");
            Change::new(&account(role), Described::new(needs, audit, "Room lobby"))
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
