//! The door's send: the one way to write to a platform. It hands the write its [`Pass`], sends
//! it once (never retried), and records its audit entry with how it ended.

use super::pass::Pass;
use crate::audit::{AuditEvent, Outcome, record_quietly};
use crate::error::AppError;
use crate::model::deployment::Platform;
use crate::state::AppState;
use crate::upstream::UpstreamError;
use std::future::Future;

/// A change about to be sent upstream: its audit event (outcome still to come), the thing
/// changed (for "… was not found"), and the platform it goes to.
pub struct Change {
    pub audit: AuditEvent,
    pub what: String,
    pub platform: Platform,
}

impl Change {
    /// A change sent to Watchers.
    pub fn watchers(audit: AuditEvent, what: impl Into<String>) -> Self {
        Change {
            audit,
            what: what.into(),
            platform: Platform::Watchers,
        }
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
