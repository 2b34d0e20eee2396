//! A heartbeat per runtime worker: a thread of its own reads the runtime's own counters every
//! half second and notes when each worker last showed life. A worker that is parked (idle) or
//! whose park count or busy time moved is alive; one that is active and has not moved for
//! [`STUCK_AFTER`] is stuck (a deadlock, or a task that blocks its thread). `/healthz` answers
//! 503 while any worker is stuck, so a supervisor restarts the process (see README, "Keeping it
//! running").

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};
use tokio::runtime::Handle;

/// A worker that has not ticked for this long is reported stuck.
pub const STUCK_AFTER: Duration = Duration::from_secs(10);
/// How often the watchdog looks.
const LOOK_EVERY: Duration = Duration::from_millis(500);

/// The runtime's workers, as the watchdog last saw them.
#[derive(Debug)]
pub struct Heartbeats {
    started: Instant,
    /// Per worker: milliseconds after `started` at which it last ticked.
    last_tick_ms: Vec<AtomicU64>,
}

/// One worker's heartbeat, for `/healthz`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct WorkerBeat {
    pub worker: usize,
    /// Milliseconds since it last ticked.
    pub last_tick_ms_ago: u64,
    pub stuck: bool,
}

impl Heartbeats {
    /// Starts watching the runtime of `handle` (the thread ends when the returned value is
    /// dropped).
    pub fn watch(handle: Handle) -> Arc<Heartbeats> {
        let metrics = handle.metrics();
        let workers = metrics.num_workers();
        let beats = Arc::new(Heartbeats {
            started: Instant::now(),
            last_tick_ms: (0..workers).map(|_| AtomicU64::new(0)).collect(),
        });
        let weak = Arc::downgrade(&beats);
        let spawned = std::thread::Builder::new()
            .name("watchdog".into())
            .spawn(move || look(&handle, &weak));
        if let Err(err) = spawned {
            tracing::error!("cannot start the worker watchdog: {err}");
        }
        beats
    }

    /// Every worker's heartbeat now.
    pub fn beats(&self) -> Vec<WorkerBeat> {
        let now = self.elapsed_ms();
        self.last_tick_ms
            .iter()
            .enumerate()
            .map(|(worker, tick)| {
                let ago = now.saturating_sub(tick.load(Ordering::Relaxed));
                WorkerBeat {
                    worker,
                    last_tick_ms_ago: ago,
                    stuck: ago >= STUCK_AFTER.as_millis() as u64,
                }
            })
            .collect()
    }

    fn elapsed_ms(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX)
    }
}

/// The watchdog's loop: runs until the heartbeats are dropped or the runtime is gone.
fn look(handle: &Handle, beats: &Weak<Heartbeats>) {
    let metrics = handle.metrics();
    let workers = metrics.num_workers();
    let mut seen: Vec<(u64, Duration)> = vec![(0, Duration::ZERO); workers];
    let mut reported = vec![false; workers];
    loop {
        std::thread::sleep(LOOK_EVERY);
        let Some(beats) = beats.upgrade() else { return };
        let now = beats.elapsed_ms();
        for worker in 0..workers {
            let state = (
                metrics.worker_park_unpark_count(worker),
                metrics.worker_total_busy_duration(worker),
            );
            // An odd count: parked, waiting for work.
            let parked = state.0 % 2 == 1;
            if parked || state != seen[worker] {
                beats.last_tick_ms[worker].store(now, Ordering::Relaxed);
                if reported[worker] {
                    tracing::warn!(worker, "runtime worker ticks again");
                    reported[worker] = false;
                }
            }
            seen[worker] = state;
        }
        let stuck = beats.beats().into_iter().filter(|b| b.stuck);
        let mut count = 0;
        for beat in stuck {
            count += 1;
            if !reported[beat.worker] {
                tracing::error!(
                    worker = beat.worker,
                    seconds = beat.last_tick_ms_ago / 1000,
                    "a runtime worker has not ticked: stuck (health checks now fail; restart the process)"
                );
                reported[beat.worker] = true;
            }
        }
        metrics::gauge!("dashboard_stuck_workers").set(count as f64);
    }
}
