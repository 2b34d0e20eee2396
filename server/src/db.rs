//! The store of everything the dashboard keeps: embedded SQLite for one machine, PostgreSQL for
//! several replicas (`DATABASE_URL` chooses). Queries go through sqlx's `Any` driver, written once
//! in the SQL both understand (`$1` placeholders, `ON CONFLICT`, `RETURNING`); each backend has its
//! own migrations (`server/migrations/sqlite`, `server/migrations/postgres`).

pub mod approvals;
pub mod audit;
pub mod backup;
pub mod badge_users;
pub mod batch;
pub mod copy;
pub mod drafts;
pub mod exclusions;
pub mod kept_forms;
pub mod pace;
pub mod rooms;
pub mod samples;
pub mod snapshots;
pub mod staff;
pub mod test_sends;
pub mod throttle;
pub mod versions;

use sqlx::any::AnyPoolOptions;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use std::str::FromStr;
use std::time::Duration;

/// Where the database lives unless `DATABASE_URL` says otherwise.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/dashboard.db";

/// The pool every query runs on.
pub type Db = sqlx::AnyPool;

/// How long a query waits for a connection (or SQLite for a lock) before the database counts as
/// not answering: a page with the database down answers 503 within about this, not 10 s later.
/// A healthy pool hands a connection out in microseconds; this only bites when the database is
/// gone, hung or locked.
pub const WAIT_FOR_DATABASE: Duration = Duration::from_millis(1500);

/// The same database through its own driver, for what needs one (the session store, migrations).
#[derive(Clone, Debug)]
pub enum Typed {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Which database a `DATABASE_URL` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of(url: &str) -> Result<Backend, sqlx::Error> {
        if url.starts_with("sqlite:") {
            if url.contains(":memory:") || url.contains("mode=memory") {
                // Each connection would have a database of its own.
                return Err(sqlx::Error::Configuration(
                    "DATABASE_URL: an in-memory SQLite database cannot be used; name a file".into(),
                ));
            }
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(sqlx::Error::Configuration(
                "DATABASE_URL must start with sqlite: or postgres://".into(),
            ))
        }
    }
}

/// An open database, schema up to date.
#[derive(Clone, Debug)]
pub struct Connected {
    pub db: Db,
    pub typed: Typed,
}

/// How long the dashboard waits for its database at start before giving up: a machine busy
/// starting everything at once, or a database still starting, is given longer than a request
/// ([`WAIT_FOR_DATABASE`]) would be.
pub const WAIT_AT_START: Duration = Duration::from_secs(10);

/// Opens (creating if needed) the database at `url` and brings its schema up to date; a
/// database that does not answer in time is asked again until [`WAIT_AT_START`] has passed.
pub async fn connect(url: &str) -> Result<Connected, sqlx::Error> {
    let deadline = std::time::Instant::now() + WAIT_AT_START;
    loop {
        match connect_once(url).await {
            Err(sqlx::Error::PoolTimedOut) if std::time::Instant::now() < deadline => {
                tracing::warn!("the database did not answer at start; asking again");
            }
            result => return result,
        }
    }
}

async fn connect_once(url: &str) -> Result<Connected, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let typed = match Backend::of(url)? {
        Backend::Sqlite => Typed::Sqlite(open_sqlite(url).await?),
        Backend::Postgres => Typed::Postgres(open_postgres(url).await?),
    };
    match &typed {
        Typed::Sqlite(pool) => sqlx::migrate!("./migrations/sqlite").run(pool).await?,
        Typed::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
    }
    // The file exists now (the typed pool created it in WAL mode, which sticks to the file).
    let sqlite = matches!(typed, Typed::Sqlite(_));
    let db = AnyPoolOptions::new()
        .after_connect(move |connection, _| {
            Box::pin(async move {
                if sqlite {
                    // The Any driver takes no busy timeout from the URL: a locked file waits
                    // as long as a connection would.
                    let pragma = format!("PRAGMA busy_timeout = {}", WAIT_FOR_DATABASE.as_millis());
                    sqlx::Executor::execute(connection, pragma.as_str()).await?;
                }
                Ok(())
            })
        })
        .max_connections(8)
        .test_before_acquire(matches!(typed, Typed::Postgres(_)))
        .acquire_timeout(WAIT_FOR_DATABASE)
        .connect(url)
        .await?;
    Ok(Connected { db, typed })
}

async fn open_sqlite(url: &str) -> Result<SqlitePool, sqlx::Error> {
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .foreign_keys(true)
        .busy_timeout(WAIT_FOR_DATABASE);
    if let Some(dir) = options.get_filename().parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(sqlx::Error::Io)?;
    }
    // No ping before every checkout: a local file does not drop connections the way a network
    // database does, and the ping was a round trip to SQLite's thread on every query.
    SqlitePoolOptions::new()
        .max_connections(4)
        .acquire_timeout(WAIT_FOR_DATABASE)
        .test_before_acquire(false)
        .connect_with(options)
        .await
}

async fn open_postgres(url: &str) -> Result<PgPool, sqlx::Error> {
    let options = PgConnectOptions::from_str(url)?.application_name("watchers-dashboard");
    PgPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(WAIT_FOR_DATABASE)
        .connect_with(options)
        .await
}

/// Now, as stored: UTC `YYYY-MM-DDTHH:MM:SSZ` (sorts as text).
pub fn now_text() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Whether the database answers a `SELECT 1` within `limit` (`/healthz`, the breaker's probe).
pub async fn answers(db: &Db, limit: Duration) -> bool {
    let ping = sqlx::query_scalar::<_, i64>("SELECT 1").fetch_one(db);
    matches!(tokio::time::timeout(limit, ping).await, Ok(Ok(1)))
}

/// What the metrics count in the database.
#[derive(Debug, Clone, Copy)]
pub enum Counted {
    /// Approval requests waiting for a decision.
    ApprovalsWaiting,
    /// Snapshots kept for "Restore" and not restored yet.
    SnapshotsKept,
}

pub async fn count(db: &Db, what: Counted) -> Result<i64, sqlx::Error> {
    let sql = match what {
        Counted::ApprovalsWaiting => "SELECT COUNT(*) FROM approvals WHERE state = 'pending'",
        Counted::SnapshotsKept => "SELECT COUNT(*) FROM snapshots WHERE restored_by IS NULL",
    };
    sqlx::query_scalar::<_, i64>(sql).fetch_one(db).await
}
