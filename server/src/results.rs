//! Advertisement results: every advertisement's views and messages, read every
//! `DASHBOARD_AD_SAMPLE_SECONDS` by one replica (the one that takes the period's slot in the
//! database), kept `DASHBOARD_AD_SAMPLE_DAYS`, and read back for an advertisement's page, the
//! Results page and the CSV download (`export`). A counter that comes back unreadable is kept as
//! unreadable, never as 0.

mod export;
mod sampler;

pub use export::results_csv;
pub use sampler::spawn_sampler;

use super::change::read;
use super::db::samples::{self, Reading};
use super::state::AppState;
use crate::error::AppError;
use crate::model::advertisement::Advertisement;
use crate::model::draft::{DraftKind, MARKETING_PAGE};
use crate::model::loose::Listed;
use crate::model::results::{AdResult, DEFAULT_SAMPLE_SECONDS, Sample, label};
use std::collections::HashSet;

/// About how many readings of each advertisement the Results page gets for its small line: the
/// range is cut into this many spans and each gives its last reading (the newest is always one).
pub const OVERVIEW_POINTS: i64 = 60;

/// The most pages of the advertisements list one pass reads (at 20 a page, 2,000 advertisements).
pub const MAX_PAGES: u32 = 100;

/// Advertisement `ad_id`'s readings still kept, oldest first.
pub async fn samples(state: &AppState, ad_id: i64) -> Result<Vec<Sample>, AppError> {
    Ok(samples::of_ad(&state.db, ad_id, kept_since(state)).await?)
}

/// Every advertisement read from `from` to `to` (Unix seconds, both included; open-ended when
/// `None`, and never before what is still kept), newest advertisement first, each with its
/// readings in that range (oldest first) and its name and send time as last read.
pub async fn overview(
    state: &AppState,
    from: Option<i64>,
    to: Option<i64>,
) -> Result<Vec<AdResult>, AppError> {
    let from = from.unwrap_or(i64::MIN).max(kept_since(state));
    let to = to.unwrap_or(i64::MAX);
    if from > to {
        return Ok(Vec::new());
    }
    let ads = samples::in_range(&state.db, from, to, OVERVIEW_POINTS).await?;
    Ok(ads
        .into_iter()
        .map(|ad| {
            let id = ad.ad_id;
            let (label, sent_at) = ad
                .named
                .unwrap_or_else(|| (format!("Advertisement {id}"), None));
            AdResult {
                id,
                label,
                sent_at,
                samples: ad.samples,
            }
        })
        .collect())
}

/// One pass of the sampler. If this replica takes the current period's slot, reads every page
/// of the advertisements list (as the list page reads it) and keeps one reading per advertisement:
/// `Some(advertisements read)`; `None` when the slot was taken already (by another replica, or
/// an earlier pass in the same period). When a page fails midway, what was read before it is
/// kept, and the failure answered; the slot stays taken.
pub async fn sample_now(state: &AppState) -> Result<Option<usize>, AppError> {
    let now = state.clock.now();
    let slot = now.div_euclid(period(state));
    if !samples::take_slot(&state.db, slot, &replica(), now).await? {
        tracing::debug!(
            slot,
            "another replica reads the advertisements' counters now"
        );
        return Ok(None);
    }
    let (readings, failed) = read_all(state).await;
    samples::insert(&state.db, now, &readings).await?;
    match failed {
        Some(err) => {
            tracing::warn!(
                kept = readings.len(),
                %err,
                "a page of advertisements could not be read; the readings before it are kept"
            );
            Err(err)
        }
        None => Ok(Some(readings.len())),
    }
}

/// Forgets the readings (and the periods taken) older than `DASHBOARD_AD_SAMPLE_DAYS`; answers
/// the readings forgotten.
pub async fn forget_old(state: &AppState) -> Result<u64, AppError> {
    Ok(samples::forget_before(&state.db, kept_since(state)).await?)
}

/// The length of a period in seconds: `DASHBOARD_AD_SAMPLE_SECONDS`, or the default while the
/// sampler is off (0) and a pass is asked for by hand.
pub fn period(state: &AppState) -> i64 {
    match state.config.ad_sample_seconds {
        seconds if seconds > 0 => seconds,
        _ => DEFAULT_SAMPLE_SECONDS,
    }
}

/// The oldest time still kept (Unix seconds).
fn kept_since(state: &AppState) -> i64 {
    state
        .clock
        .now()
        .saturating_sub(state.config.ad_sample_days.saturating_mul(86_400))
}

/// Who took a slot, for whoever reads `sample_runs`: the host's name and the process.
fn replica() -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "replica".into());
    format!("{host}#{}", std::process::id())
}

/// Every page of the advertisements list, each advertisement once: what was read, and the
/// failure of the page that stopped it, if one did.
async fn read_all(state: &AppState) -> (Vec<Reading>, Option<AppError>) {
    let mut readings = Vec::new();
    let mut seen = HashSet::new();
    for page in 0..MAX_PAGES {
        let offset = page * MARKETING_PAGE;
        let call = state.upstream.list_advertisements(MARKETING_PAGE, offset);
        let records = match read(DraftKind::Advertisement.section(), call).await {
            Ok(records) => records,
            Err(err) => return (readings, Some(err)),
        };
        let last = records.len() < MARKETING_PAGE as usize;
        for record in records {
            if let Some(reading) = reading(record)
                && seen.insert(reading.ad_id)
            {
                readings.push(reading);
            }
        }
        if last {
            return (readings, None);
        }
    }
    tracing::warn!(
        pages = MAX_PAGES,
        "the advertisements list has more pages than a pass reads; the rest were not read"
    );
    (readings, None)
}

/// A listed advertisement's reading: its counters as read (`None` for one that came back
/// unreadable); a record that could not be read at all, but whose id is known, is a reading
/// with both counters unreadable; one without an id is left out.
fn reading(record: Listed<Advertisement>) -> Option<Reading> {
    match record {
        Listed::Read(ad) => Some(Reading {
            ad_id: ad.id,
            views: ad.views_length,
            messages: ad.messages_length,
            label: label(&ad),
            sent_at: ad.send_time.clone(),
        }),
        Listed::Unreadable(u) => {
            let ad_id = u.id.as_deref()?.trim().parse::<i64>().ok()?;
            tracing::debug!(ad_id, problem = %u.problem, "an advertisement could not be read");
            Some(Reading {
                ad_id,
                views: None,
                messages: None,
                label: String::new(),
                sent_at: None,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::loose::Unreadable;

    #[test]
    fn an_unreadable_record_with_an_id_is_read_as_unreadable_counters() {
        let ad = Advertisement {
            id: 7,
            title: Some("Season pass".into()),
            views_length: Some(12),
            messages_length: None,
            send_time: Some("2026-05-01T12:00:00.000Z".into()),
            ..Default::default()
        };
        assert_eq!(
            reading(Listed::Read(ad)),
            Some(Reading {
                ad_id: 7,
                views: Some(12),
                messages: None,
                label: "Season pass".into(),
                sent_at: Some("2026-05-01T12:00:00.000Z".into()),
            })
        );
        let broken = |id: Option<&str>| {
            reading(Listed::Unreadable(Unreadable {
                id: id.map(str::to_owned),
                problem: "bad".into(),
                raw: None,
            }))
        };
        let read = broken(Some("900002")).expect("a reading");
        assert_eq!(
            (read.ad_id, read.views, read.messages),
            (900_002, None, None)
        );
        assert_eq!(broken(Some("abc")), None);
        assert_eq!(broken(None), None);
    }
}
