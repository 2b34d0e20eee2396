//! Per-address sign-in throttle, in memory: every attempt is counted *before* its password is
//! checked, and after 5 attempts that did not succeed within 15 minutes further attempts from the
//! same address are answered 429 until the window has passed. A success clears the address.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const ALLOWED_FAILURES: u32 = 5;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Default)]
pub struct Throttle {
    attempts: Mutex<HashMap<IpAddr, (u32, Instant)>>,
}

impl Throttle {
    /// Counts an attempt from `ip`, or answers the seconds to wait when it may not try now. The
    /// count and the check are one step, so concurrent attempts cannot all slip through.
    pub fn begin(&self, ip: IpAddr) -> Result<(), u64> {
        let mut map = self.attempts.lock().unwrap_or_else(|p| p.into_inner());
        let entry = map.entry(ip).or_insert((0, Instant::now()));
        if entry.1.elapsed() > WINDOW {
            *entry = (0, Instant::now());
        }
        if entry.0 >= ALLOWED_FAILURES {
            let left = WINDOW.saturating_sub(entry.1.elapsed());
            return Err(left.as_secs().max(1));
        }
        entry.0 += 1;
        // Keep the map small: forget addresses whose window has passed.
        if map.len() > 10_000 {
            map.retain(|_, (_, since)| since.elapsed() <= WINDOW);
        }
        Ok(())
    }

    /// The attempt from `ip` succeeded: its count starts again.
    pub fn succeeded(&self, ip: IpAddr) {
        let mut map = self.attempts.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(&ip);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sixth_attempt_without_success_is_refused_before_it_is_checked() {
        let t = Throttle::default();
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        for _ in 0..5 {
            assert!(t.begin(ip).is_ok());
        }
        assert!(t.begin(ip).is_err());
        assert!(t.begin("127.0.0.2".parse().unwrap()).is_ok());
        t.succeeded(ip);
        assert!(t.begin(ip).is_ok(), "a success clears the address");
    }
}
