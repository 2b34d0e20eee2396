//! What a database error means for the person waiting: "the database is not answering" (503,
//! nothing changed) when it is one of availability, else an internal error; logged and counted
//! once, never shown. Server only.

use crate::AppError;
use std::sync::Arc;

/// What else happens when a page or a server function meets a database that is not answering:
/// the server provides it in each request's context (it opens the database breaker, so the rest
/// of the request and those after it answer at once instead of waiting for the database again).
#[derive(Clone)]
pub struct OnDatabaseDown(Arc<dyn Fn() + Send + Sync>);

impl std::fmt::Debug for OnDatabaseDown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OnDatabaseDown")
    }
}

impl OnDatabaseDown {
    pub fn new(run: impl Fn() + Send + Sync + 'static) -> Self {
        OnDatabaseDown(Arc::new(run))
    }
}

/// A database fault: logged here, once, and counted; answered as "the database is not
/// answering" when it is one of availability (see [`database_unavailable`]), else as an internal
/// error, without its detail either way.
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        note_database_error(&err);
        if database_unavailable(&err) {
            // Within a page or a server function: the rest of it, and what comes next, answers
            // at once instead of waiting for the database again.
            if let Some(on_down) = leptos::prelude::use_context::<OnDatabaseDown>() {
                (on_down.0)();
            }
            AppError::DatabaseUnavailable
        } else {
            AppError::Internal
        }
    }
}

/// Logs and counts a database error (`dashboard_db_errors_total` by kind).
pub fn note_database_error(err: &sqlx::Error) {
    let kind = if database_unavailable(err) {
        "unavailable"
    } else {
        "other"
    };
    metrics::counter!("dashboard_db_errors_total", "kind" => kind).increment(1);
    tracing::error!(kind, "database: {err}");
}

/// Whether `err` says the database cannot be reached or used right now (rather than that a
/// query was wrong): the pool timed out or closed, the connection failed, SQLite was busy,
/// locked, unreadable or read-only, or PostgreSQL refused connections or is shutting down.
pub fn database_unavailable(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => {
            let code = db.code();
            let code = code.as_deref().unwrap_or("");
            // SQLite's primary result codes (extended codes keep them in the low byte):
            // BUSY 5, LOCKED 6, READONLY 8, IOERR 10, CANTOPEN 14, NOTADB 26.
            let sqlite = code
                .parse::<i64>()
                .is_ok_and(|n| matches!(n & 0xff, 5 | 6 | 8 | 10 | 14 | 26));
            // PostgreSQL: connection exceptions (class 08), too many connections, operator
            // intervention (shutting down, cannot connect now), and a connection refused: the
            // database does not take connections (55000), does not exist (3D000), or refused
            // the dashboard's login (28000, 28P01).
            let postgres = code.starts_with("08")
                || code.starts_with("57P")
                || matches!(code, "53300" | "55000" | "3D000" | "28000" | "28P01");
            sqlite || postgres
        }
        _ => false,
    }
}
