//! The time sessions are judged by: the system clock, which a test can move on to see a session
//! expire without waiting.

use std::sync::atomic::{AtomicI64, Ordering};

#[derive(Debug, Default)]
pub struct Clock {
    /// Seconds added to the system clock (0 outside tests).
    ahead: AtomicI64,
}

impl Clock {
    /// Now, in Unix seconds.
    pub fn now(&self) -> i64 {
        chrono::Utc::now()
            .timestamp()
            .saturating_add(self.ahead.load(Ordering::Relaxed))
    }

    /// Moves this clock `seconds` on.
    pub fn advance(&self, seconds: i64) {
        self.ahead.fetch_add(seconds, Ordering::Relaxed);
    }
}
