//! A client's own pace under its upstream's documented rate limit (TagMango: 120 requests in
//! any 10 seconds), so the dashboard is never the one to trip it. One process keeps the window in
//! memory; replicas on PostgreSQL share one window in the database ([`SharedPace`]), so together
//! they stay under the limit too.

/// The pace shared by replicas (PostgreSQL), kept in the storage room.
use crate::db::pace as shared;

pub use shared::SharedPace;

use crate::model::rate::SlidingWindow;
use std::time::Duration;

/// A client's own pace under an upstream's documented rate limit: a request waits for room in
/// the window for at most `max_wait`, else it is refused (429) without being sent.
pub struct Pacer {
    window: tokio::sync::Mutex<SlidingWindow>,
    max_wait: Duration,
    shared: Option<SharedPace>,
}

impl Pacer {
    pub fn new(limit: usize, window: Duration, max_wait: Duration) -> Self {
        Pacer {
            window: tokio::sync::Mutex::new(SlidingWindow::new(limit, window)),
            max_wait,
            shared: None,
        }
    }

    /// Counts in `shared` (the window of every replica) instead of this process's own.
    pub fn shared(mut self, shared: Option<SharedPace>) -> Self {
        self.shared = shared;
        self
    }

    /// Room for one request now, or after a short wait; otherwise how long until there is.
    pub(super) async fn admit(&self) -> Result<(), Duration> {
        let mut waited = Duration::ZERO;
        loop {
            let wait = match self.take().await {
                Ok(()) => return Ok(()),
                Err(wait) => wait,
            };
            if waited + wait > self.max_wait {
                return Err(wait);
            }
            tokio::time::sleep(wait).await;
            waited += wait;
        }
    }

    async fn take(&self) -> Result<(), Duration> {
        if let Some(shared) = &self.shared {
            match shared.take().await {
                Ok(answer) => return answer,
                // The database is the replicas' common ground; without it this process paces
                // itself alone rather than stopping every TagMango call.
                Err(err) => tracing::warn!("cannot read the shared rate window: {err}"),
            }
        }
        self.window.lock().await.take(std::time::Instant::now())
    }
}
