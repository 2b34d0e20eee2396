//! Fault injection for tests, all off by default: added latency, a share of 5xx answers, 429
//! with `Retry-After`, a hang, and garbage bodies.

use serde::{Deserialize, Serialize};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct FaultSettings {
    /// Added before every answer.
    pub latency_ms: u64,
    /// Percentage (0 to 100) of requests answered 503, spread evenly.
    pub error_percent: u32,
    /// When set, every request is answered 429 with this `Retry-After`.
    pub rate_limit_secs: Option<u32>,
    /// Never answer.
    pub hang: bool,
    /// Answer 200 with a body that is not JSON.
    pub garbage: bool,
}

/// What the fault layer decides for one request.
#[derive(Debug, PartialEq, Eq)]
pub enum Fault {
    None,
    ServerError,
    RateLimited(u32),
    Hang,
    Garbage,
}

#[derive(Debug, Default)]
pub struct Faults {
    settings: Mutex<FaultSettings>,
    seen: AtomicU64,
}

impl Faults {
    pub fn set(&self, settings: FaultSettings) {
        if let Ok(mut s) = self.settings.lock() {
            *s = settings;
        }
        self.seen.store(0, Ordering::SeqCst);
    }

    pub fn get(&self) -> FaultSettings {
        self.settings.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// The latency to add and the fault to apply to the next request.
    pub fn next(&self) -> (u64, Fault) {
        let s = self.get();
        let n = self.seen.fetch_add(1, Ordering::SeqCst);
        let percent = u64::from(s.error_percent.min(100));
        // Exactly `percent` of every 100 requests fail, evenly spaced.
        let fails = (n + 1) * percent / 100 > n * percent / 100;
        let fault = if s.hang {
            Fault::Hang
        } else if let Some(secs) = s.rate_limit_secs {
            Fault::RateLimited(secs)
        } else if fails {
            Fault::ServerError
        } else if s.garbage {
            Fault::Garbage
        } else {
            Fault::None
        };
        (s.latency_ms, fault)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_share_is_exact_and_evenly_spread() {
        let faults = Faults::default();
        faults.set(FaultSettings {
            error_percent: 25,
            ..Default::default()
        });
        let failed = (0..100)
            .filter(|_| faults.next().1 == Fault::ServerError)
            .count();
        assert_eq!(failed, 25);
        faults.set(FaultSettings::default());
        assert_eq!(faults.next(), (0, Fault::None));
    }
}
