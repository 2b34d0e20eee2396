//! Accounts held in memory in front of the database, so the session check on every request reads
//! no database: a change made through this process is seen at once; one made by another process
//! (another replica, the `user` command) is announced through
//! [`versions`](crate::versions) and seen within a poll, and a cached account is trusted
//! for [`OUT_OF_PROCESS_SECONDS`] at most in any case.

use super::staff::{self, Account};
use crate::db::Db;
use crate::versions::{self, Generation, Topic};
use moka::future::Cache;
use std::time::Duration;

/// How long a cached account is trusted without reading it again, should an announcement of a
/// change be lost (the store could not be written).
pub const OUT_OF_PROCESS_SECONDS: u64 = 5;

/// Staff accounts by id, with the generation of staff changes they were read in.
#[derive(Debug)]
pub struct Accounts {
    db: Db,
    cache: Cache<i64, (u64, Account)>,
    /// Moves on after every change to any account.
    generation: Generation,
}

impl Accounts {
    pub fn new(db: Db) -> Self {
        Accounts {
            db,
            cache: Cache::builder()
                .max_capacity(10_000)
                .time_to_live(Duration::from_secs(OUT_OF_PROCESS_SECONDS))
                .build(),
            generation: Generation::default(),
        }
    }

    /// The store behind the cache.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The account with `id`, from memory when it was read since the last change.
    pub async fn by_id(&self, id: i64) -> Result<Option<Account>, sqlx::Error> {
        let generation = self.generation.now();
        if let Some((seen, account)) = self.cache.get(&id).await
            && seen == generation
        {
            crate::metrics::cache_lookup("accounts", true);
            return Ok(Some(account));
        }
        crate::metrics::cache_lookup("accounts", false);
        let account = staff::find_by_id(&self.db, id).await?;
        if let Some(account) = &account {
            self.cache.insert(id, (generation, account.clone())).await;
        }
        Ok(account)
    }

    /// Call after any account was changed (role, password, disabled): every session check after
    /// this, in this process and (within a poll) in every other, reads the store again.
    pub async fn changed(&self) {
        self.forget_all();
        versions::bump(&self.db, Topic::Accounts).await;
    }

    /// Drops every copy in memory (an account changed in another process).
    pub fn forget_all(&self) {
        self.generation.move_on();
        self.cache.invalidate_all();
    }
}
