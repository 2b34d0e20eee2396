//! The sampler: on every replica, a loop in the background that wakes at the start of each
//! period of `DASHBOARD_AD_SAMPLE_SECONDS`, reads the advertisements' counters if this replica
//! takes the period (`sample_now`), then forgets what is past `DASHBOARD_AD_SAMPLE_DAYS`. It
//! never stops on an error or a panic (each is logged), and ends with the state it serves.

use super::{forget_old, sample_now};
use crate::state::AppState;
use std::time::Duration;

/// Starts the sampler for `state`; nothing when `DASHBOARD_AD_SAMPLE_SECONDS` is 0.
pub fn spawn_sampler(state: AppState) {
    let seconds = state.config.ad_sample_seconds;
    if seconds <= 0 {
        tracing::info!("DASHBOARD_AD_SAMPLE_SECONDS=0: advertisement results are not sampled");
        return;
    }
    state.repeat(
        "the advertisement sampler",
        move |state| Duration::from_secs(until_next(state.clock.now(), seconds)),
        |state| async move { pass(&state).await },
    );
}

/// One pass: read the counters (if this replica takes the period), then forget old readings.
async fn pass(state: &AppState) {
    match sample_now(state).await {
        Ok(Some(ads)) => tracing::info!(advertisements = ads, "read the advertisements' counters"),
        Ok(None) => {}
        Err(err) => tracing::error!(%err, "cannot read the advertisements' counters"),
    }
    match forget_old(state).await {
        Ok(0) => {}
        Ok(forgotten) => tracing::info!(forgotten, "forgot advertisement readings past their days"),
        Err(err) => tracing::error!(%err, "cannot forget old advertisement readings"),
    }
}

/// Seconds from `now` to one second into the next period of `seconds` (Unix seconds), so that
/// every replica wakes for the same period.
fn until_next(now: i64, seconds: i64) -> u64 {
    (seconds - now.rem_euclid(seconds) + 1).max(1) as u64
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_sampler_wakes_one_second_into_the_next_period() {
        assert_eq!(super::until_next(600, 300), 301);
        assert_eq!(super::until_next(601, 300), 300);
        assert_eq!(super::until_next(899, 300), 2);
    }
}
