//! A sliding-window rate limit ("at most N requests in any T"), as an upstream documents it: the
//! client paces itself under it and the sandbox enforces it, with the same rule.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct SlidingWindow {
    limit: usize,
    window: Duration,
    sent: VecDeque<Instant>,
}

impl SlidingWindow {
    pub fn new(limit: usize, window: Duration) -> Self {
        SlidingWindow {
            limit,
            window,
            sent: VecDeque::with_capacity(limit),
        }
    }

    /// Counts a request at `now` when the window has room; otherwise answers how long until it
    /// will (and counts nothing).
    pub fn take(&mut self, now: Instant) -> Result<(), Duration> {
        while self
            .sent
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= self.window)
        {
            self.sent.pop_front();
        }
        match self.sent.front() {
            Some(oldest) if self.sent.len() >= self.limit => {
                Err(self.window - now.saturating_duration_since(*oldest))
            }
            _ => {
                self.sent.push_back(now);
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_the_limit_in_any_window() {
        let start = Instant::now();
        let mut window = SlidingWindow::new(3, Duration::from_secs(10));
        for s in [0, 1, 2] {
            assert!(window.take(start + Duration::from_secs(s)).is_ok());
        }
        let wait = window.take(start + Duration::from_secs(4)).unwrap_err();
        assert_eq!(
            wait,
            Duration::from_secs(6),
            "until the first leaves the window"
        );
        assert!(window.take(start + Duration::from_secs(10)).is_ok());
        assert!(window.take(start + Duration::from_secs(10)).is_err());
        assert!(window.take(start + Duration::from_secs(11)).is_ok());
    }
}
