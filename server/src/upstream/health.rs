//! Remembers when Watchers last answered, for `/healthz`.

use serde::Serialize;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// An answer within this window counts as "answered recently".
const RECENT: Duration = Duration::from_secs(300);

#[derive(Debug, Default)]
pub struct UpstreamHealth {
    last_answer: Mutex<Option<Instant>>,
    last_failure: Mutex<Option<(Instant, &'static str)>>,
}

/// What `/healthz` reports about the upstream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HealthSnapshot {
    /// Watchers answered (any status but 5xx) within the last five minutes.
    pub answered_recently: bool,
    pub last_answer_seconds_ago: Option<u64>,
    /// `timeout`, `connect`, `server_error`, `transport` or `protocol`, when the last call failed that way.
    pub last_failure: Option<&'static str>,
    pub last_failure_seconds_ago: Option<u64>,
}

impl UpstreamHealth {
    pub fn record_answer(&self) {
        if let Ok(mut last) = self.last_answer.lock() {
            *last = Some(Instant::now());
        }
    }

    pub fn record_failure(&self, kind: &'static str) {
        if let Ok(mut last) = self.last_failure.lock() {
            *last = Some((Instant::now(), kind));
        }
    }

    pub fn snapshot(&self) -> HealthSnapshot {
        let answer = self.last_answer.lock().ok().and_then(|l| *l);
        let failure = self.last_failure.lock().ok().and_then(|l| *l);
        HealthSnapshot {
            answered_recently: answer.is_some_and(|t| t.elapsed() < RECENT),
            last_answer_seconds_ago: answer.map(|t| t.elapsed().as_secs()),
            last_failure: failure.map(|(_, kind)| kind),
            last_failure_seconds_ago: failure.map(|(t, _)| t.elapsed().as_secs()),
        }
    }
}
