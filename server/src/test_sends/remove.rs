//! Removing tests upstream: the job that removes every test whose time is up, each claimed in the
//! database first (so exactly once across replicas, and again after a restart), tried again with
//! backoff when the platform fails; and "Remove now". Both go through the door as a delete that
//! keeps no snapshot (a test need not be restorable), audited as "remove test send".

use super::store;
use crate::audit::AuditEvent;
use crate::auth::staff::Account;
use crate::door::{self, Described, Done, Failure, Kind, Pass};
use crate::error::AppError;
use crate::model::draft::DraftKind;
use crate::model::staff::Role;
use crate::model::test_send::{SEND_FIELD, TestSend, retry_after};
use crate::state::AppState;
use crate::upstream::{Unavailable, UpstreamError};
use std::sync::OnceLock;
use std::time::Duration;

/// The most tests one pass removes; the rest wait for the next.
const PASS_MAX: i64 = 50;
/// Who the job's audit entries name: the dashboard itself (on the sender's behalf, as each
/// entry says); no member of staff may take the name (`model::staff::RESERVED_USERNAMES`).
pub const SYSTEM: &str = crate::model::staff::RESERVED_USERNAMES[1];
/// Why a test with no known id upstream is closed without a delete.
const NO_ID: &str = "Watchers did not say the test's id, so the dashboard cannot remove it: it ends on its own at its end time.";
/// Why a test whose send never finished is closed.
const STUCK: &str = "The dashboard stopped while sending this test, so its id is not known: if it went out, it ends on its own at its end time.";

/// The job's own account: the dashboard, allowed every removal whatever the sender's role is now.
fn system() -> Account {
    Account {
        id: 0,
        username: SYSTEM.to_owned(),
        password_hash: String::new(),
        role: Role::Admin,
        disabled: false,
        auth_version: 0,
        time_zone: None,
        test_audience: Default::default(),
    }
}

/// Starts the job: a pass of [`remove_due`] every `DASHBOARD_TEST_SEND_SWEEP_SECONDS` (15; none
/// when 0), each on a task of its own (a pass that panics is logged and the next runs all the
/// same), until the app that owns `state` is gone. The host calls it once at start.
pub fn spawn_remover(state: AppState) {
    let every = Duration::from_secs(state.config.test_send_sweep_seconds);
    if every.is_zero() {
        return;
    }
    state.repeat(
        "the test send remover",
        move |_| every,
        |state| async move {
            let tried = remove_due(&state).await;
            if tried > 0 {
                tracing::debug!(tried, "tried to remove test sends whose time was up");
            }
        },
    );
}

/// One pass of the job: every test whose time is up (and whose next try is due) is claimed and
/// removed, by the one replica whose claim wins; answers how many this replica tried. Tests left
/// half-sent by a process that stopped are closed first.
pub async fn remove_due(state: &AppState) -> usize {
    let (db, now) = (&state.db, state.clock.now());
    match store::abandon_stuck(db, now, STUCK).await {
        Ok(0) => {}
        Ok(n) => tracing::warn!(n, "closed test sends whose send never finished"),
        Err(err) => return database_down(state, &err),
    }
    let due = match store::due(db, now, PASS_MAX).await {
        Ok(due) => due,
        Err(err) => return database_down(state, &err),
    };
    let actor = system();
    let mut tried = 0;
    for id in due {
        match store::claim_due(db, id, now).await {
            Ok(true) => {}
            // Another replica's, or no longer due.
            Ok(false) => continue,
            Err(err) => return tried + database_down(state, &err),
        }
        tried += 1;
        let test = match store::get(db, id).await {
            Ok(Some(test)) => test,
            Ok(None) => continue,
            Err(err) => return tried + database_down(state, &err),
        };
        if let Err(err) = remove(state, &actor, &test, Why::Due).await {
            tracing::warn!(id, %err, "a test send could not be removed; it is tried again later");
        }
    }
    tried
}

/// Notes a database that does not answer (the breaker); a pass stops there, having tried none.
fn database_down(state: &AppState, err: &sqlx::Error) -> usize {
    tracing::error!("the test send remover cannot read its table: {err}");
    state.breaker.note(&state.db, err);
    0
}

/// "Remove now": `who` removes their own test `id` at once, whatever its time. A test already
/// removed is answered as it is; one being sent or removed right now is refused by
/// [`SEND_FIELD`]. A failed removal is refused with why, and the job tries again later.
pub async fn remove_now(state: &AppState, who: &Account, id: i64) -> Result<TestSend, AppError> {
    let db = &state.db;
    let not_found = || AppError::NotFound {
        what: "Test send".into(),
    };
    let test = store::get(db, id)
        .await?
        .filter(|test| test.by == who.username)
        .ok_or_else(not_found)?;
    if test.state.is_removed() {
        return Ok(test);
    }
    if !store::claim_now(db, id, state.clock.now()).await? {
        let again = store::get(db, id).await?.ok_or_else(not_found)?;
        if again.state.is_removed() {
            return Ok(again);
        }
        return Err(AppError::invalid(
            SEND_FIELD,
            "This test is being sent or removed right now: look again in a moment.",
        ));
    }
    let test = store::get(db, id).await?.ok_or_else(not_found)?;
    remove(state, who, &test, Why::Now).await?;
    store::get(db, id).await?.ok_or_else(not_found)
}

/// Why a removal runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Why {
    /// Its time is up (the job).
    Due,
    /// Its sender pressed "Remove now".
    Now,
}

/// Removes claimed test `test` upstream through the door as `actor`, then notes how it ended:
/// removed (deleted, or found gone already), or failed, let go and tried again after a wait that
/// doubles each time ([`retry_after`]). A removal the door refused before sending (the role) is
/// only let go.
async fn remove(
    state: &AppState,
    actor: &Account,
    test: &TestSend,
    why: Why,
) -> Result<(), AppError> {
    let db = &state.db;
    let Some(upstream_id) = test.upstream_id else {
        store::removed(db, test.id, state.clock.now(), Some(NO_ID)).await?;
        return Ok(());
    };
    let removal = Removal {
        test,
        upstream_id,
        why,
        failure: OnceLock::new(),
    };
    let result = door::run(state, actor, &removal).await.and_then(Done::sent);
    let now = state.clock.now();
    match result {
        Ok(_) => {
            store::removed(db, test.id, now, None).await?;
            Ok(())
        }
        Err(err) => {
            match removal.failure.get() {
                Some(reason) => {
                    let attempts = test.attempts.saturating_add(1);
                    let next = now.saturating_add(retry_after(attempts));
                    store::failed(db, test.id, reason, attempts, next).await?;
                }
                None => store::release(db, test.id).await?,
            }
            Err(err)
        }
    }
}

/// What the platform answered a removal.
enum Gone {
    Deleted,
    /// 404: it was gone already (deleted by hand, or ended by Watchers itself).
    Already,
}

/// The delete of a test upstream, through the door: the capability that publishes its kind, no
/// rule, no snapshot. Its audit entry says who removed it and, for the job, on whose behalf.
struct Removal<'a> {
    test: &'a TestSend,
    upstream_id: i64,
    why: Why,
    /// Why the platform failed it, in plain words, once it has.
    failure: OnceLock<String>,
}

impl Kind for Removal<'_> {
    type Answer = Gone;

    fn describe(&self, who: &Account) -> Described {
        let (test, kind) = (self.test, self.test.kind);
        let summary = match self.why {
            Why::Due => format!(
                "removed the test of {} “{}” sent by {}: its time was up (by the dashboard, on {}'s behalf)",
                kind.as_str(),
                test.label,
                test.by,
                test.by
            ),
            Why::Now => format!(
                "removed the test of {} “{}” before its time",
                kind.as_str(),
                test.label
            ),
        };
        let audit = AuditEvent::new(&who.username, kind.area(), "remove test send")
            .target(self.upstream_id.to_string())
            .summary(summary);
        let what = format!("{} {}", kind.noun(), self.upstream_id);
        Described::new(kind.capability(), audit, what)
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<Gone, UpstreamError> {
        let (client, id) = (&state.upstream, self.upstream_id);
        let deleted = match self.test.kind {
            DraftKind::Offer => client.delete_offer(pass, id).await,
            DraftKind::Advertisement => client.delete_advertisement(pass, id).await,
        };
        match deleted {
            Ok(()) => Ok(Gone::Deleted),
            Err(UpstreamError::NotFound) => Ok(Gone::Already),
            Err(err) => Err(err),
        }
    }

    fn done(&self, gone: &Gone, event: AuditEvent) -> AuditEvent {
        match gone {
            Gone::Deleted => event,
            Gone::Already => {
                let summary = format!("{} (it was gone already)", event.summary);
                event.summary(summary)
            }
        }
    }

    async fn after(&self, _: &AppState, _: &Account, sent: Result<&Gone, Failure<'_>>) {
        if let Err(failure) = sent {
            let _ = self.failure.set(plain(failure.upstream));
        }
    }
}

/// Why a removal failed, as its sender reads it in their list of tests.
fn plain(err: &UpstreamError) -> String {
    match err {
        UpstreamError::Unavailable {
            cause: Unavailable::ServerError { status },
        } => format!("Watchers answered with an error (status {status})."),
        UpstreamError::Unavailable {
            cause: Unavailable::Timeout,
        } => "Watchers did not answer in time.".to_owned(),
        UpstreamError::Unavailable { .. } => "Watchers could not be reached.".to_owned(),
        UpstreamError::RateLimited { .. } => {
            "Watchers asked the dashboard to slow down.".to_owned()
        }
        UpstreamError::Unauthorized { .. } => {
            "Watchers refused the dashboard's credentials.".to_owned()
        }
        UpstreamError::Validation { message, .. } | UpstreamError::Conflict { message } => {
            format!("Watchers refused to remove it: {message}")
        }
        UpstreamError::Protocol { .. } => {
            "Watchers answered something the dashboard could not read.".to_owned()
        }
        UpstreamError::NotFound => "Watchers no longer has it.".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::plain;
    use crate::upstream::{Unavailable, UpstreamError};

    #[test]
    fn a_failed_removal_says_why_in_plain_words() {
        let server_error = UpstreamError::Unavailable {
            cause: Unavailable::ServerError { status: 503 },
        };
        assert_eq!(
            plain(&server_error),
            "Watchers answered with an error (status 503)."
        );
        let timeout = UpstreamError::Unavailable {
            cause: Unavailable::Timeout,
        };
        assert_eq!(plain(&timeout), "Watchers did not answer in time.");
        let refused = UpstreamError::Validation {
            status: 400,
            message: "not now".into(),
        };
        assert_eq!(plain(&refused), "Watchers refused to remove it: not now");
    }
}
