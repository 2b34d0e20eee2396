//! Remembers that the database stopped answering, so that the rest of a page and the requests
//! after it answer 503 at once instead of each waiting out the pool again; a probe closes it as
//! soon as the database answers.

use super::db::Db;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often the probe asks while the breaker is open.
const PROBE_EVERY: Duration = Duration::from_millis(500);

/// Open while the database is known not to answer.
#[derive(Debug, Default)]
pub struct Breaker {
    open: AtomicBool,
}

impl Breaker {
    /// Whether the database is known not to answer right now.
    pub fn is_open(&self) -> bool {
        self.open.load(Ordering::Acquire)
    }

    /// Opens the breaker when `err` says the database is not answering (for the callers that
    /// handle a database error themselves instead of turning it into an `AppError`).
    pub fn note(self: &Arc<Self>, db: &Db, err: &sqlx::Error) {
        if crate::error::database::database_unavailable(err) {
            self.trip(db);
        }
    }

    /// Opens the breaker (a query of this process found the database not answering) and, if it
    /// was closed, starts the probe that closes it again once `SELECT 1` is answered.
    pub fn trip(self: &Arc<Self>, db: &Db) {
        if self.open.swap(true, Ordering::AcqRel) {
            return;
        }
        tracing::warn!("the database is not answering: requests are answered 503 until it does");
        let (breaker, db) = (Arc::clone(self), db.clone());
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(PROBE_EVERY).await;
                if crate::db::answers(&db, Duration::from_secs(1)).await {
                    breaker.open.store(false, Ordering::Release);
                    tracing::info!("the database answers again");
                    return;
                }
            }
        });
    }
}
