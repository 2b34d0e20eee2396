//! Calling an upstream on behalf of a member of staff: reads map their errors to plain language;
//! changes are also written to the audit log with how they ended.

use super::audit::{AuditEvent, Outcome, record_quietly};
use super::auth::staff::Account;
use super::state::AppState;
use super::upstream::UpstreamError;
use crate::error::AppError;
use crate::model::deployment::Platform;
use crate::model::loose::Listed;
use crate::model::staff::Role;
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

/// Sends a change once (never retried), records it, and types its error.
pub async fn change<T>(
    state: &AppState,
    change: Change,
    call: impl Future<Output = Result<T, UpstreamError>>,
) -> Result<T, AppError> {
    change_noted(state, change, call, |_| None).await
}

/// [`change`], where a success may carry a note for the audit log (`note` reads it from the
/// answer): an answer that could not be read is still a success, recorded as one, with why.
pub async fn change_noted<T>(
    state: &AppState,
    change: Change,
    call: impl Future<Output = Result<T, UpstreamError>>,
    note: impl Fn(&T) -> Option<String>,
) -> Result<T, AppError> {
    let result = call.await;
    let mut event = change.audit;
    match &result {
        Ok(answer) => {
            if let Some(note) = note(answer) {
                event.summary = format!(
                    "{} (done; the answer could not be read: {note})",
                    event.summary
                );
            }
        }
        Err(err) if err.upstream_answered() => {
            event.outcome = Outcome::Refused;
            event.summary = format!("{} (refused: {err})", event.summary);
        }
        Err(err) => {
            event.outcome = Outcome::Failed;
            event.summary = format!("{} (failed: {err})", event.summary);
        }
    }
    let (action, area) = (event.action, event.area.as_str());
    record_quietly(&state.db, event).await;
    result.map_err(|err| {
        tracing::warn!(action, area, %err, "an upstream refused or failed a change");
        err.into_app_error(change.platform, &change.what)
    })
}

/// Reads from Watchers, typing the error; `what` names the thing read.
pub async fn read<T>(
    what: &str,
    call: impl Future<Output = Result<T, UpstreamError>>,
) -> Result<T, AppError> {
    read_from(Platform::Watchers, what, call).await
}

/// Reads from `platform`, typing the error; `what` names the thing read.
pub async fn read_from<T>(
    platform: Platform,
    what: &str,
    call: impl Future<Output = Result<T, UpstreamError>>,
) -> Result<T, AppError> {
    call.await.map_err(|err| {
        tracing::warn!(%platform, %err, "upstream read failed: {what}");
        err.into_app_error(platform, what)
    })
}

/// The first problem of a form as the browser's error, next to its field.
pub fn invalid(problems: crate::model::validate::Problems) -> AppError {
    match problems.into_vec().into_iter().next() {
        Some(p) => AppError::invalid(&p.field, p.message),
        None => AppError::Internal,
    }
}

/// A list as `who` may see it: records that could not be read are logged, and keep their raw
/// JSON only for administrators.
pub fn for_viewer<T>(who: &Account, records: Vec<Listed<T>>) -> Vec<Listed<T>> {
    let admin = who.role == Role::Admin;
    records
        .into_iter()
        .map(|record| {
            if let Listed::Unreadable(u) = &record {
                tracing::warn!(id = ?u.id, problem = %u.problem, "a listed record could not be read");
            }
            if admin { record } else { record.without_raw() }
        })
        .collect()
}
