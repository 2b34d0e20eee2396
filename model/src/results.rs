//! Advertisement results: the readings of an advertisement's counters that the dashboard keeps
//! over time, and the pure rules the pages and the CSV download read them by (views per message,
//! the latest reading, where a counter went down).

use super::advertisement::Advertisement;
use serde::{Deserialize, Serialize};

/// How often the counters are read when no setting says otherwise (seconds).
pub const DEFAULT_SAMPLE_SECONDS: i64 = 300;

/// How long readings are kept when no setting says otherwise (days).
pub const DEFAULT_KEEP_DAYS: i64 = 90;

/// The header line of the CSV download.
pub const CSV_HEADER: &str = "advertisement_id,sampled_at_utc,views,messages";

/// One reading of an advertisement's counters; `None`: the counter came back unreadable that
/// time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sample {
    /// When it was read, in Unix seconds.
    pub at: i64,
    pub views: Option<i64>,
    pub messages: Option<i64>,
}

/// An advertisement's results, for the Results page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdResult {
    pub id: i64,
    /// What it says in a few words, as of its last reading.
    pub label: String,
    /// When it was sent (its `sendTime`, ISO), as of its last reading.
    pub sent_at: Option<String>,
    /// Oldest first.
    pub samples: Vec<Sample>,
}

/// Views per message; `None` when either counter is unreadable or there are no messages.
pub fn views_per_message(views: Option<i64>, messages: Option<i64>) -> Option<f64> {
    match (views, messages) {
        (Some(views), Some(messages)) if messages != 0 => Some(views as f64 / messages as f64),
        _ => None,
    }
}

/// The latest reading (the last of readings kept oldest first).
pub fn latest(samples: &[Sample]) -> Option<&Sample> {
    samples.last()
}

/// The indexes of the readings where views or messages is lower than that counter's previous
/// readable value (an unreadable reading in between is skipped, not taken as zero).
pub fn went_down(samples: &[Sample]) -> Vec<usize> {
    let (mut views, mut messages) = (None::<i64>, None::<i64>);
    let mut down = Vec::new();
    for (i, sample) in samples.iter().enumerate() {
        if lower(sample.views, views) || lower(sample.messages, messages) {
            down.push(i);
        }
        views = sample.views.or(views);
        messages = sample.messages.or(messages);
    }
    down
}

/// Whether a counter read `now` is lower than the one read `before`, both readable.
fn lower(now: Option<i64>, before: Option<i64>) -> bool {
    match (now, before) {
        (Some(now), Some(before)) => now < before,
        _ => false,
    }
}

/// The readings of advertisement `ad_id` as CSV: the header [`CSV_HEADER`], then one line a
/// reading, oldest first as given, its time as ISO UTC (`2026-05-01T12:00:00Z`), an unreadable
/// counter as an empty cell. Lines end with LF (`\n`), the last one too. No cell can be read as
/// a formula: each is a number, a time or empty.
pub fn csv(ad_id: i64, samples: &[Sample]) -> String {
    let mut out = String::with_capacity(CSV_HEADER.len() + 1 + samples.len() * 48);
    out.push_str(CSV_HEADER);
    out.push('\n');
    let cell = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    for s in samples {
        out.push_str(&format!(
            "{ad_id},{},{},{}\n",
            iso_utc(s.at),
            cell(s.views),
            cell(s.messages)
        ));
    }
    out
}

/// Unix seconds as `YYYY-MM-DDTHH:MM:SSZ` (empty for a time chrono cannot hold).
pub fn iso_utc(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// What an advertisement says, in a few words: its first title (of its languages, else its own),
/// else "Advertisement N".
pub fn label(ad: &Advertisement) -> String {
    ad.languages()
        .iter()
        .map(|l| l.title.trim())
        .chain(ad.title.as_deref().map(str::trim))
        .find(|t| !t.is_empty())
        .map(|t| t.chars().take(60).collect())
        .unwrap_or_else(|| format!("Advertisement {}", ad.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(at: i64, views: Option<i64>, messages: Option<i64>) -> Sample {
        Sample {
            at,
            views,
            messages,
        }
    }

    #[test]
    fn views_per_message_needs_both_counters_and_a_message() {
        assert_eq!(views_per_message(Some(10), Some(4)), Some(2.5));
        assert_eq!(views_per_message(Some(0), Some(3)), Some(0.0));
        assert_eq!(views_per_message(Some(10), Some(0)), None);
        assert_eq!(views_per_message(None, Some(3)), None);
        assert_eq!(views_per_message(Some(3), None), None);
    }

    #[test]
    fn the_latest_is_the_last() {
        assert_eq!(latest(&[]), None);
        let samples = [s(1, Some(1), Some(1)), s(2, None, None)];
        assert_eq!(latest(&samples), Some(&samples[1]));
    }

    #[test]
    fn a_counter_going_down_is_found_past_unreadable_readings() {
        let samples = [
            s(0, Some(5), Some(2)),
            s(1, Some(7), Some(2)),
            s(2, None, None),
            // Lower than 7, the last readable views.
            s(3, Some(6), Some(3)),
            s(4, Some(6), Some(3)),
            // Messages down.
            s(5, Some(9), Some(1)),
            s(6, Some(9), None),
            // Messages 1 → 0 across an unreadable one.
            s(7, Some(10), Some(0)),
        ];
        assert_eq!(went_down(&samples), vec![3, 5, 7]);
        assert!(went_down(&[]).is_empty());
        assert!(went_down(&[s(0, None, None), s(1, Some(0), Some(0))]).is_empty());
    }

    #[test]
    fn the_csv_has_a_header_iso_times_and_empty_cells_for_unreadable_counters() {
        let text = csv(
            7,
            &[
                s(1_777_636_800, Some(12), Some(3)),
                s(1_777_637_100, None, Some(4)),
            ],
        );
        assert_eq!(
            text,
            "advertisement_id,sampled_at_utc,views,messages\n\
             7,2026-05-01T12:00:00Z,12,3\n\
             7,2026-05-01T12:05:00Z,,4\n"
        );
        assert_eq!(csv(7, &[]), format!("{CSV_HEADER}\n"));
    }

    #[test]
    fn a_label_is_the_first_title_or_the_id() {
        let mut ad = Advertisement {
            id: 4,
            ..Default::default()
        };
        assert_eq!(label(&ad), "Advertisement 4");
        ad.title = Some("  Season pass ".into());
        assert_eq!(label(&ad), "Season pass");
    }
}
