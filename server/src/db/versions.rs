//! Keeps each process's in-memory copies right when several processes (replicas, the `user`
//! command) share one database: a change moves its topic's version on in `cache_versions`, and
//! every serving process reads the versions every [`POLL`], dropping the copies a moved version
//! covers. A change made on one replica so reaches the others within a poll and a query (well
//! under a second), with no extra service to run and the same code on SQLite and PostgreSQL.

use crate::db::Db;
use crate::state::Shared;
use sqlx::AnyConnection;
use std::collections::HashMap;
use std::sync::Weak;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// How often a process looks at the versions.
pub const POLL: Duration = Duration::from_millis(250);

/// What an in-memory copy is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Topic {
    /// Staff accounts (role, password, disabled): the session check's account cache.
    Accounts,
    /// A session ended or changed id (sign-out, sign-in, password change): the session cache.
    Sessions,
    /// The room registry: the refreshed room list.
    Rooms,
    /// The approval requests (made, decided, sent, expired, seen): the header's approval counts.
    Approvals,
    /// Anything of a platform's (a change the door sent): the pages' reads (`read_cache`).
    Upstream,
}

impl Topic {
    const ALL: [Topic; 5] = [
        Topic::Accounts,
        Topic::Sessions,
        Topic::Rooms,
        Topic::Approvals,
        Topic::Upstream,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Topic::Accounts => "accounts",
            Topic::Sessions => "sessions",
            Topic::Rooms => "rooms",
            Topic::Approvals => "approvals",
            Topic::Upstream => "upstream",
        }
    }
}

/// The generation of changes a copy in memory was read in: it moves on at every change, and a copy
/// read under an older one is not used, so a read racing a change can never put the old copy back.
/// Each cache that a topic covers (accounts, approval counts, the platforms' reads) keeps one.
#[derive(Debug, Default)]
pub struct Generation(AtomicU64);

impl Generation {
    /// The generation now: read it before reading the store, and keep what was read under it.
    pub fn now(&self) -> u64 {
        self.0.load(Ordering::Acquire)
    }

    /// Whether `seen` is still the generation now (no change since a copy was read under it).
    pub fn is_now(&self, seen: u64) -> bool {
        self.now() == seen
    }

    /// Moves on: every copy read before is old.
    pub fn move_on(&self) {
        self.0.fetch_add(1, Ordering::AcqRel);
    }
}

/// Tells every process that `topic` changed (logged, not failed, when the store cannot be
/// written: the caches' own time limits still bound how long an old copy lives).
pub async fn bump(db: &Db, topic: Topic) {
    let done = match db.acquire().await {
        Ok(mut conn) => bump_in(&mut conn, topic).await,
        Err(err) => Err(err),
    };
    if let Err(err) = done {
        tracing::error!(topic = topic.as_str(), "cannot announce a change: {err}");
    }
}

/// Moves `topic`'s version on, on `conn`: within the transaction of the change's other writes
/// (`db::batch`), so that telling the other processes costs no commit of its own.
pub async fn bump_in(conn: &mut AnyConnection, topic: Topic) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO cache_versions (topic, version) VALUES ($1, 1) \
         ON CONFLICT (topic) DO UPDATE SET version = cache_versions.version + 1",
    )
    .bind(topic.as_str())
    .execute(conn)
    .await
    .map(|_| ())
}

async fn read(db: &Db) -> Result<HashMap<String, i64>, sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as("SELECT topic, version FROM cache_versions")
        .fetch_all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

/// Starts watching the versions for the state behind `shared`, until it is gone.
pub fn watch(shared: Weak<Shared>) {
    tokio::spawn(async move {
        let mut seen: Option<HashMap<String, i64>> = None;
        let mut ticker = tokio::time::interval(POLL);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            let Some(state) = shared.upgrade() else {
                return;
            };
            let now = match read(&state.db).await {
                Ok(now) => now,
                Err(err) => {
                    tracing::warn!("cannot read the cache versions: {err}");
                    continue;
                }
            };
            if let Some(before) = &seen {
                for topic in Topic::ALL {
                    let key = topic.as_str();
                    if now.get(key) != before.get(key) {
                        tracing::debug!(topic = key, "changed elsewhere: dropping the copy");
                        forget(&state, topic);
                    }
                }
            }
            seen = Some(now);
        }
    });
}

fn forget(state: &Shared, topic: Topic) {
    match topic {
        Topic::Accounts => state.accounts.forget_all(),
        Topic::Sessions => state.sessions.forget_all(),
        Topic::Rooms => state.rooms.clear(),
        Topic::Approvals => state.approval_counts.forget_all(),
        Topic::Upstream => state.reads.forget_all(),
    }
}
