//! The header's two approval counts held in memory, so that a page or `auth/me` asks the
//! database nothing for them: one copy of the pending requests (their action, who asked, when
//! they expire), judged against the clock at each read, and each person's count of their
//! decided requests not yet opened. A change to a request made through this process drops both
//! at once ([`Counts::changed`]); one made by another process (another replica) is announced
//! through [`versions`](crate::versions) and dropped within a poll; a copy is trusted for
//! [`TRUSTED_FOR`] at most in any case.

use crate::db::Db;
use crate::db::approvals::{self as store, Pending};
use crate::model::approval;
use crate::model::staff::Role;
use crate::versions::{self, Generation, Topic};
use moka::future::Cache;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a copy is used without reading it again, should an announcement of a change be lost
/// (the store could not be written).
pub const TRUSTED_FOR: Duration = Duration::from_secs(5);

/// People whose decided count is held at most; beyond that the least used are counted again.
const PEOPLE_IN_MEMORY: u64 = 10_000;

/// The pending requests as read under one generation.
#[derive(Debug)]
struct Kept {
    generation: u64,
    read_at: Instant,
    pending: Arc<[Pending]>,
}

/// The header's two approval counts ([`Counts::for_header`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HeaderCounts {
    pub waiting: u32,
    pub decided: u32,
}

/// The header's approval counts, held in memory (see the module).
#[derive(Debug)]
pub struct Counts {
    db: Db,
    /// Every pending request, past its time or not (the time is judged when a count is read).
    pending: Mutex<Option<Kept>>,
    /// Each person's decided requests not yet opened, by username, with the generation they
    /// were counted in.
    decided: Cache<String, (u64, u32)>,
    /// Moves on after every change to any request.
    generation: Generation,
}

impl Counts {
    pub fn new(db: Db) -> Self {
        Counts {
            db,
            pending: Mutex::new(None),
            decided: Cache::builder()
                .max_capacity(PEOPLE_IN_MEMORY)
                .time_to_live(TRUSTED_FOR)
                .build(),
            generation: Generation::default(),
        }
    }

    /// The header's two counts for the person `username` with `role`, at `now` (Unix seconds),
    /// from one look at the pending copy:
    /// - `waiting`: pending requests, not past their time, that they could decide: not their
    ///   own, and only actions their role allows;
    /// - `decided`: their own requests decided and not yet opened by them since, or still pending
    ///   past their time (which the next read of the requests expires). A pending request is
    ///   never marked seen (only a decided one is), so the second part needs only the pending
    ///   copy.
    pub async fn for_header(
        &self,
        username: &str,
        role: Role,
        now: i64,
    ) -> Result<HeaderCounts, sqlx::Error> {
        let pending = self.pending().await?;
        let waiting = waiting_in(&pending, username, role, now);
        let overdue = overdue_in(&pending, username, now);
        let decided = self.decided_unseen(username).await?;
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Ok(HeaderCounts {
            waiting: count(waiting),
            decided: count(overdue).saturating_add(decided),
        })
    }

    /// Call after any request was written (made, decided, sent, expired, seen, its payload
    /// changed): every count after this, in this process and (within a poll) in every other,
    /// is read from the store again.
    pub async fn changed(&self) {
        self.forget_all();
        versions::bump(&self.db, Topic::Approvals).await;
    }

    /// Drops every copy in memory (a request changed in another process).
    pub fn forget_all(&self) {
        self.generation.move_on();
        *self.lock() = None;
        self.decided.invalidate_all();
    }

    /// The pending requests, from memory when they were read since the last change.
    async fn pending(&self) -> Result<Arc<[Pending]>, sqlx::Error> {
        let generation = self.generation.now();
        if let Some(pending) = self.kept(generation) {
            crate::metrics::cache_lookup("approvals_pending", true);
            return Ok(pending);
        }
        crate::metrics::cache_lookup("approvals_pending", false);
        let pending: Arc<[Pending]> = store::pending(&self.db).await?.into();
        self.keep(generation, pending.clone());
        Ok(pending)
    }

    /// The copy read under `generation`, while it is trusted.
    fn kept(&self, generation: u64) -> Option<Arc<[Pending]>> {
        self.lock()
            .as_ref()
            .filter(|kept| kept.generation == generation && kept.read_at.elapsed() < TRUSTED_FOR)
            .map(|kept| kept.pending.clone())
    }

    /// Keeps `pending`, read under `generation`, unless a change came in the meantime.
    fn keep(&self, generation: u64, pending: Arc<[Pending]>) {
        let mut kept = self.lock();
        if self.generation.is_now(generation) {
            *kept = Some(Kept {
                generation,
                read_at: Instant::now(),
                pending,
            });
        }
    }

    /// `username`'s decided requests not yet opened, from memory when counted since the last
    /// change.
    async fn decided_unseen(&self, username: &str) -> Result<u32, sqlx::Error> {
        let generation = self.generation.now();
        if let Some((seen, count)) = self.decided.get(username).await
            && seen == generation
        {
            crate::metrics::cache_lookup("approvals_decided", true);
            return Ok(count);
        }
        crate::metrics::cache_lookup("approvals_decided", false);
        let count = store::decided_unseen_count(&self.db, username).await?;
        let count = u32::try_from(count).unwrap_or(u32::MAX);
        self.decided
            .insert(username.to_owned(), (generation, count))
            .await;
        Ok(count)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Kept>> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Of `pending`, those not past their time at `now` that `username` with `role` could decide.
fn waiting_in(pending: &[Pending], username: &str, role: Role, now: i64) -> usize {
    pending
        .iter()
        .filter(|p| p.expires_at >= now)
        .filter(|p| {
            p.action
                .is_some_and(|a| approval::may_decide(a, &p.requested_by, username, role))
        })
        .count()
}

/// Of `pending`, `username`'s own past their time at `now`.
fn overdue_in(pending: &[Pending], username: &str, now: i64) -> usize {
    pending
        .iter()
        .filter(|p| p.requested_by == username && p.expires_at < now)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::approval::ApprovalAction;

    fn request(action: ApprovalAction, by: &str, expires_at: i64) -> Pending {
        Pending {
            action: Some(action),
            requested_by: by.to_owned(),
            expires_at,
        }
    }

    #[test]
    fn a_request_waits_until_its_time_and_never_for_its_requester() {
        let pending = [
            request(ApprovalAction::PublishGlobalOffer, "mia", 100),
            request(ApprovalAction::PublishGlobalOffer, "admin", 100),
        ];
        assert_eq!(waiting_in(&pending, "admin", Role::Admin, 100), 1);
        assert_eq!(waiting_in(&pending, "ADMIN", Role::Admin, 100), 1);
        assert_eq!(waiting_in(&pending, "admin", Role::Admin, 101), 0);
        assert_eq!(waiting_in(&pending, "max", Role::Moderator, 50), 0);
    }

    #[test]
    fn past_its_time_a_request_counts_for_its_requester_alone() {
        let unknown = Pending {
            action: None,
            requested_by: "mia".into(),
            expires_at: 100,
        };
        let pending = [
            request(ApprovalAction::PublishGlobalOffer, "mia", 100),
            unknown,
        ];
        assert_eq!(overdue_in(&pending, "mia", 100), 0);
        assert_eq!(overdue_in(&pending, "mia", 101), 2);
        assert_eq!(overdue_in(&pending, "admin", 101), 0);
        assert_eq!(waiting_in(&pending, "admin", Role::Admin, 50), 1);
    }
}
