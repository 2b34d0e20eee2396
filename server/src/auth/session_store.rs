//! Where sessions are kept: tower-sessions' sqlx store for the database in use (SQLite or
//! PostgreSQL), with a copy in memory in front so most requests read no database. The copy is
//! correct across replicas: an ended session (sign-out, a new id at sign-in) is announced through
//! [`versions`](crate::versions) and every process drops its copies; a copy is also
//! trusted for [`FRESH_SECONDS`] at most, so activity another replica saved is seen soon.

use crate::db::{Db, Typed};
use crate::versions::{self, Topic};
use async_trait::async_trait;
use moka::future::Cache;
use std::time::Duration;
use tower_sessions::ExpiredDeletion;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Result, SessionStore};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

/// Sessions held in memory at most; beyond that the least used are read from the database again.
const SESSIONS_IN_MEMORY: u64 = 10_000;
/// How long a copy in memory is used before the database is read again.
pub const FRESH_SECONDS: u64 = 5;

#[derive(Clone, Debug)]
enum Backend {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

/// The session store the session layer uses.
#[derive(Clone, Debug)]
pub struct Store {
    cache: Cache<Id, Record>,
    backend: Backend,
    db: Db,
}

impl Store {
    /// Creates the sessions table if needed and starts the hourly clean-up of expired sessions.
    pub async fn open(typed: &Typed, db: Db) -> std::result::Result<Store, sqlx::Error> {
        let backend = match typed {
            Typed::Sqlite(pool) => {
                let store = SqliteStore::new(pool.clone());
                store.migrate().await?;
                Backend::Sqlite(store)
            }
            Typed::Postgres(pool) => {
                let store = PostgresStore::new(pool.clone());
                store.migrate().await?;
                Backend::Postgres(store)
            }
        };
        let cleaner = backend.clone();
        tokio::spawn(async move {
            let every = Duration::from_secs(3600);
            let _ = match cleaner {
                Backend::Sqlite(store) => store.continuously_delete_expired(every).await,
                Backend::Postgres(store) => store.continuously_delete_expired(every).await,
            };
        });
        let cache = Cache::builder()
            .max_capacity(SESSIONS_IN_MEMORY)
            .time_to_live(Duration::from_secs(FRESH_SECONDS))
            .build();
        Ok(Store { cache, backend, db })
    }

    /// Drops every copy in memory (a session ended on another replica).
    pub fn forget_all(&self) {
        self.cache.invalidate_all();
    }

    fn inner(&self) -> &dyn SessionStore {
        match &self.backend {
            Backend::Sqlite(store) => store,
            Backend::Postgres(store) => store,
        }
    }
}

#[async_trait]
impl SessionStore for Store {
    async fn create(&self, record: &mut Record) -> Result<()> {
        self.inner().create(record).await?;
        self.cache.insert(record.id, record.clone()).await;
        Ok(())
    }

    async fn save(&self, record: &Record) -> Result<()> {
        self.inner().save(record).await?;
        self.cache.insert(record.id, record.clone()).await;
        Ok(())
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let now = tower_sessions::cookie::time::OffsetDateTime::now_utc();
        if let Some(record) = self.cache.get(id).await {
            if record.expiry_date > now {
                crate::metrics::cache_lookup("sessions", true);
                return Ok(Some(record));
            }
            self.cache.invalidate(id).await;
        }
        crate::metrics::cache_lookup("sessions", false);
        let record = self.inner().load(id).await?;
        if let Some(record) = &record {
            self.cache.insert(*id, record.clone()).await;
        }
        Ok(record)
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        self.cache.invalidate(id).await;
        self.inner().delete(id).await?;
        versions::bump(&self.db, Topic::Sessions).await;
        Ok(())
    }
}
