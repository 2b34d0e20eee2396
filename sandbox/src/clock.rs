//! The sandbox's own clock: the system clock plus an offset a test (or `PUT /_sandbox/clock`)
//! moves, so scheduled items, room statuses and advertisement counters can be seen later without
//! waiting.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicI64, Ordering};

/// What `GET`/`PUT /_sandbox/clock` answer and take.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ClockSettings {
    /// Seconds the sandbox's clock runs ahead of the system clock (negative: behind).
    pub ahead_seconds: i64,
}

/// The system clock moved on by an offset (0 unless a test moves it).
#[derive(Debug, Default)]
pub struct Clock {
    ahead: AtomicI64,
}

impl Clock {
    /// Now, by this clock.
    pub fn now(&self) -> DateTime<Utc> {
        let ahead = chrono::Duration::try_seconds(self.ahead()).unwrap_or_default();
        Utc::now()
            .checked_add_signed(ahead)
            .unwrap_or_else(Utc::now)
    }

    /// Seconds ahead of the system clock.
    pub fn ahead(&self) -> i64 {
        self.ahead.load(Ordering::SeqCst)
    }

    /// Sets how far ahead of the system clock this clock runs.
    pub fn set_ahead(&self, seconds: i64) {
        self.ahead.store(seconds, Ordering::SeqCst);
    }

    /// Moves this clock `seconds` on (back, when negative).
    pub fn advance(&self, seconds: i64) {
        // fetch_add wraps; an update loop saturates instead.
        let _ = self
            .ahead
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |a| {
                Some(a.saturating_add(seconds))
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_moves_on_by_what_it_is_told() {
        let clock = Clock::default();
        assert_eq!(clock.ahead(), 0);
        clock.advance(3600);
        clock.advance(60);
        assert_eq!(clock.ahead(), 3660);
        let gap = (clock.now() - Utc::now()).num_seconds();
        assert!((3659..=3660).contains(&gap), "{gap}");
        clock.set_ahead(-5);
        assert_eq!(clock.ahead(), -5);
        clock.advance(i64::MAX);
        assert_eq!(clock.ahead(), i64::MAX - 5);
        clock.advance(i64::MAX);
        assert_eq!(clock.ahead(), i64::MAX);
        // Far beyond what a date can hold: the system clock, not a panic.
        let _ = clock.now();
    }
}
