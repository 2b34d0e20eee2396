//! Per-address sign-in throttle: after 5 wrong passwords within 15 minutes, further attempts from
//! the same address are answered 429 until the window has passed.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const ALLOWED_FAILURES: u32 = 5;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Default)]
pub struct Throttle {
    failures: Mutex<HashMap<IpAddr, (u32, Instant)>>,
}

impl Throttle {
    /// Seconds to wait when `ip` may not try now.
    pub fn blocked(&self, ip: IpAddr) -> Option<u64> {
        let map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let (count, since) = map.get(&ip)?;
        let left = WINDOW.checked_sub(since.elapsed())?;
        (*count >= ALLOWED_FAILURES).then(|| left.as_secs().max(1))
    }

    pub fn record_failure(&self, ip: IpAddr) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let entry = map.entry(ip).or_insert((0, Instant::now()));
        if entry.1.elapsed() > WINDOW {
            *entry = (0, Instant::now());
        }
        entry.0 += 1;
        // Keep the map small: forget addresses whose window has passed.
        if map.len() > 10_000 {
            map.retain(|_, (_, since)| since.elapsed() <= WINDOW);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sixth_failure_in_a_row_is_blocked() {
        let t = Throttle::default();
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        for _ in 0..5 {
            assert!(t.blocked(ip).is_none());
            t.record_failure(ip);
        }
        assert!(t.blocked(ip).is_some());
        assert!(t.blocked("127.0.0.2".parse().unwrap()).is_none());
    }
}
