//! A client's own pace under its upstream's documented rate limit (TagMango: 120 requests in
//! any 10 seconds), so the dashboard is never the one to trip it.

use crate::model::rate::SlidingWindow;
use std::time::Duration;

/// A client's own pace under an upstream's documented rate limit: a request waits for room in
/// the window for at most `max_wait`, else it is refused (429) without being sent.
pub struct Pacer {
    window: tokio::sync::Mutex<SlidingWindow>,
    max_wait: Duration,
}

impl Pacer {
    pub fn new(limit: usize, window: Duration, max_wait: Duration) -> Self {
        Pacer {
            window: tokio::sync::Mutex::new(SlidingWindow::new(limit, window)),
            max_wait,
        }
    }

    /// Room for one request now, or after a short wait; otherwise how long until there is.
    pub(super) async fn admit(&self) -> Result<(), Duration> {
        let mut waited = Duration::ZERO;
        loop {
            let wait = match self.window.lock().await.take(std::time::Instant::now()) {
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
}
