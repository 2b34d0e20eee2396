//! Calling an upstream on behalf of a member of staff: reads map their errors to plain language;
//! changes are also written to the audit log with how they ended.

use super::audit::{AuditEvent, Outcome, record_quietly};
use super::state::AppState;
use super::upstream::UpstreamError;
use crate::error::AppError;
use std::future::Future;

/// A change about to be sent upstream: its audit event (outcome still to come), and the thing
/// changed, for "… was not found".
pub struct Change {
    pub audit: AuditEvent,
    pub what: String,
}

/// Sends a change once (never retried), records it, and types its error.
pub async fn change<T>(
    state: &AppState,
    change: Change,
    call: impl Future<Output = Result<T, UpstreamError>>,
) -> Result<T, AppError> {
    let result = call.await;
    let mut event = change.audit;
    match &result {
        Ok(_) => {}
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
        err.into_app_error(&change.what)
    })
}

/// Reads from an upstream, typing the error; `what` names the thing read.
pub async fn read<T>(
    what: &str,
    call: impl Future<Output = Result<T, UpstreamError>>,
) -> Result<T, AppError> {
    call.await.map_err(|err| {
        tracing::warn!(%err, "upstream read failed: {what}");
        err.into_app_error(what)
    })
}

/// The first problem of a form as the browser's error, next to its field.
pub fn invalid(problems: crate::model::validate::Problems) -> AppError {
    match problems.into_vec().into_iter().next() {
        Some(p) => AppError::invalid(&p.field, p.message),
        None => AppError::Internal,
    }
}
