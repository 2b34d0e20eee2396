//! A short copy in memory of what pages read from the platforms (a page of badges, offers or
//! advertisements, one of them, TagMango's badge list), so that a page viewed again within
//! `DASHBOARD_READ_CACHE_MS` asks no platform. Only answers are kept, never errors. Every change
//! the door sends drops the whole copy at once, here, and in every other replica within a poll of
//! [`versions`](crate::versions) (`Topic::Upstream`). Reads that must see a platform as it is now
//! (what the door reads before a change, the results sampler, the test send remover) never come
//! here: they call the upstream clients directly.

use crate::db::batch::Write;
use crate::versions::{Generation, Topic};
use moka::future::Cache;
use std::any::{Any, TypeId};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

/// How long an answer is kept unless `DASHBOARD_READ_CACHE_MS` says otherwise (milliseconds).
pub const DEFAULT_MS: u64 = 2_000;

/// The longest `DASHBOARD_READ_CACHE_MS` may ask for (a minute).
pub const MAX_MS: u64 = 60_000;

/// The most answers kept at once (each a page of a list, or one item).
const CAPACITY: u64 = 2_000;

/// One read of a platform: what is read ("badges", "Offer", …) and which of it (a page and its
/// order, an id).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Call {
    what: &'static str,
    which: String,
}

impl Call {
    pub fn new(what: &'static str, which: impl Into<String>) -> Self {
        Call {
            what,
            which: which.into(),
        }
    }
}

/// An answer kept: its type is part of its key, so it is always read back as what it was.
type Answer = Arc<dyn Any + Send + Sync>;

/// The generation of changes an answer was read in, the type of the answer, and the call.
type Key = (u64, TypeId, Call);

/// The answers kept, shared by every request of this process ([`crate::state::Shared::reads`]).
pub struct ReadCache {
    /// `None` when `DASHBOARD_READ_CACHE_MS` is 0: every read asks the platform.
    answers: Option<Cache<Key, Answer>>,
    /// Moves on after every change: an answer read under an older generation is never found
    /// again.
    generation: Generation,
}

impl std::fmt::Debug for ReadCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadCache")
            .field("on", &self.answers.is_some())
            .field("generation", &self.generation.now())
            .finish()
    }
}

impl ReadCache {
    /// A copy whose answers are kept for `fresh_for`; none at all when it is zero.
    pub fn new(fresh_for: Duration) -> Self {
        let answers = (!fresh_for.is_zero()).then(|| {
            Cache::builder()
                .max_capacity(CAPACITY)
                .time_to_live(fresh_for)
                .build()
        });
        ReadCache {
            answers,
            generation: Generation::default(),
        }
    }

    /// What `read` answers to `call`: from memory when the same call was answered since the last
    /// change and within the time kept; else `read` is awaited (once, however many pages ask at
    /// the same moment) and its answer kept. An error is answered as it is and never kept.
    pub async fn get<T, E, F>(&self, call: Call, read: F) -> Result<T, E>
    where
        T: Clone + Send + Sync + 'static,
        E: Clone + Send + Sync + 'static,
        F: Future<Output = Result<T, E>>,
    {
        let Some(answers) = &self.answers else {
            return read.await;
        };
        let generation = self.generation.now();
        let key = (generation, TypeId::of::<T>(), call);
        let read = async move { read.await.map(|answer| Arc::new(answer) as Answer) };
        // On the heap: moka's future is large, and a page's task nests several reads.
        let entry = Box::pin(answers.entry(key).or_try_insert_with(read))
            .await
            .map_err(|err| (*err).clone())?;
        crate::metrics::cache_lookup("reads", !entry.is_fresh());
        let answer = entry
            .into_value()
            .downcast::<T>()
            .expect("an answer is kept under its own type");
        Ok((*answer).clone())
    }

    /// Call after any change sent to a platform (whether or not it was accepted: a failed write
    /// may still have changed something): every read after this, in this process at once, asks
    /// the platform again. Answers the write that tells every other process (within a poll),
    /// which the door makes with the change's audit entry, in one transaction (`door/send`).
    #[must_use = "the other processes hear of the change only when this write is made"]
    pub fn changed(&self) -> Write<'static> {
        self.forget_all();
        Write::Bump(Topic::Upstream)
    }

    /// Drops every answer kept here (a change was sent, here or by another process).
    pub fn forget_all(&self) {
        self.generation.move_on();
        if let Some(answers) = &self.answers {
            answers.invalidate_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A read that counts itself and answers `answer`.
    async fn counted(asked: &AtomicUsize, answer: Result<u32, String>) -> Result<u32, String> {
        asked.fetch_add(1, Ordering::SeqCst);
        answer
    }

    #[tokio::test]
    async fn an_answer_is_kept_an_error_is_not_and_forgetting_drops_it() {
        let cache = ReadCache::new(Duration::from_secs(60));
        let asked = AtomicUsize::new(0);
        let call = || Call::new("badges", "0 id_desc");
        assert_eq!(cache.get(call(), counted(&asked, Ok(1))).await, Ok(1));
        assert_eq!(cache.get(call(), counted(&asked, Ok(2))).await, Ok(1));
        assert_eq!(asked.load(Ordering::SeqCst), 1, "the second read was kept");
        let other = Call::new("badges", "1 id_desc");
        assert_eq!(cache.get(other, counted(&asked, Ok(3))).await, Ok(3));
        assert_eq!(
            asked.load(Ordering::SeqCst),
            2,
            "another page is another call"
        );

        cache.forget_all();
        let failed = Err::<u32, _>("down".to_owned());
        assert_eq!(
            cache.get(call(), counted(&asked, failed.clone())).await,
            failed
        );
        assert_eq!(cache.get(call(), counted(&asked, Ok(4))).await, Ok(4));
        assert_eq!(cache.get(call(), counted(&asked, Ok(5))).await, Ok(4));
        assert_eq!(asked.load(Ordering::SeqCst), 4, "the error was not kept");
    }

    #[tokio::test]
    async fn the_same_call_of_another_type_is_another_answer() {
        let cache = ReadCache::new(Duration::from_secs(60));
        let n: Result<u32, String> = cache.get(Call::new("x", ""), async { Ok(7) }).await;
        let s: Result<String, String> = cache
            .get(Call::new("x", ""), async { Ok("seven".to_owned()) })
            .await;
        assert_eq!((n, s), (Ok(7), Ok("seven".to_owned())));
    }

    #[tokio::test]
    async fn zero_keeps_nothing() {
        let cache = ReadCache::new(Duration::ZERO);
        let asked = AtomicUsize::new(0);
        for _ in 0..3 {
            assert_eq!(
                cache.get(Call::new("x", ""), counted(&asked, Ok(1))).await,
                Ok(1)
            );
        }
        assert_eq!(asked.load(Ordering::SeqCst), 3);
    }
}
