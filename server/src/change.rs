//! Reading an upstream on behalf of a member of staff, with errors in plain language, and what
//! the server code around a change shares (a form's first problem, a list as its viewer may see
//! it). A change itself is sent by the door (`door::run`).

use super::auth::staff::Account;
use super::upstream::UpstreamError;
use crate::error::AppError;
use crate::model::deployment::Platform;
use crate::model::loose::Listed;
use crate::model::staff::Role;
use std::future::Future;

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
