//! Calling Watchers on behalf of a member of staff: reads map their errors to plain language;
//! changes are also written to the audit log with how they ended.

use super::audit::{Outcome, record_quietly};
use super::auth::staff::Account;
use super::state::AppState;
use super::upstream::UpstreamError;
use crate::error::AppError;
use std::future::Future;

/// A change about to be sent upstream, described for the audit log.
pub struct Change<'a> {
    pub action: &'a str,
    pub area: &'a str,
    pub target: Option<String>,
    /// What changed, in a few words; never a secret.
    pub summary: String,
    /// The thing changed, for "… was not found".
    pub what: String,
}

/// Sends a change once (never retried), records it, and types its error.
pub async fn change<T>(
    state: &AppState,
    who: &Account,
    change: Change<'_>,
    call: impl Future<Output = Result<T, UpstreamError>>,
) -> Result<T, AppError> {
    let result = call.await;
    let (outcome, summary) = match &result {
        Ok(_) => (Outcome::Ok, change.summary),
        Err(err) if err.upstream_answered() => (
            Outcome::Refused,
            format!("{} (refused: {err})", change.summary),
        ),
        Err(err) => (
            Outcome::Failed,
            format!("{} (failed: {err})", change.summary),
        ),
    };
    record_quietly(
        &state.db,
        &who.username,
        change.action,
        change.area,
        change.target.as_deref(),
        outcome,
        &summary,
    )
    .await;
    result.map_err(|err| {
        tracing::warn!(action = change.action, area = change.area, %err, "Watchers refused or failed a change");
        with_status(err.into_app_error(&change.what))
    })
}

/// Sets the HTTP status of the server function's answer to match `err`, and hands it back.
pub fn with_status(err: AppError) -> AppError {
    use axum::http::StatusCode;
    let status = match &err {
        AppError::Unauthorized => StatusCode::UNAUTHORIZED,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::NotFound { .. } => StatusCode::NOT_FOUND,
        AppError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        AppError::Protocol | AppError::UpstreamRejectedCredentials => StatusCode::BAD_GATEWAY,
        AppError::Transport | AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    };
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
    err
}

/// Reads from Watchers, typing the error; `what` names the thing read.
pub async fn read<T>(
    what: &str,
    call: impl Future<Output = Result<T, UpstreamError>>,
) -> Result<T, AppError> {
    call.await.map_err(|err| {
        tracing::warn!(%err, "Watchers read failed: {what}");
        with_status(err.into_app_error(what))
    })
}

/// The first problem of a form as the browser's error, next to its field.
pub fn invalid(problems: crate::model::validate::Problems) -> AppError {
    with_status(match problems.into_vec().into_iter().next() {
        Some(p) => AppError::invalid(&p.field, p.message),
        None => AppError::Internal,
    })
}
