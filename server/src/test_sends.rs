//! "Send a test to me": the composed offer or advertisement sent through the door to its sender's
//! test audience alone (whatever the form said), skipping the approval rules and never touching
//! the draft; then removed upstream by the dashboard after `DASHBOARD_TEST_SEND_MINUTES`, by a
//! job that survives a restart, removes each test exactly once across replicas (a claim in the
//! database) and tries again with backoff when the platform fails.

mod kept;
mod remove;
mod send;

/// The test sends' table, in the storage room.
pub use crate::db::test_sends as store;
pub use kept::{KEEP_SECONDS, keep_form, kept_form};
pub use remove::{SYSTEM, remove_due, remove_now, spawn_remover};
pub use send::send;

use crate::auth::staff::Account;
use crate::error::AppError;
use crate::model::draft::DraftKind;
use crate::model::test_send::{LIST_MAX, TestSend};
use crate::state::AppState;
use std::collections::HashSet;

/// `who`'s own tests (of `kind`, or of both), newest first, at most [`LIST_MAX`].
pub async fn list(
    state: &AppState,
    who: &Account,
    kind: Option<DraftKind>,
) -> Result<Vec<TestSend>, AppError> {
    Ok(store::list(&state.db, &who.username, kind, LIST_MAX).await?)
}

/// The upstream ids of every test of `kind` the dashboard sent, up or removed: the lists, the
/// calendar and the explainer mark these as tests, and the clash rules leave them out.
pub async fn upstream_ids(state: &AppState, kind: DraftKind) -> Result<HashSet<i64>, AppError> {
    Ok(store::upstream_ids(&state.db, kind)
        .await?
        .into_iter()
        .collect())
}
