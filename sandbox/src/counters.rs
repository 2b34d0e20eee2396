//! An advertisement's `messagesLength` and `viewsLength` as they grow after it is sent: a pure
//! function of its id, its rooms and the time since sending, so tests read the same numbers each
//! run and can move the sandbox's clock on to see them grow.

use chrono::{DateTime, Utc};
use dashboard_model::time::parse_iso;

/// The largest a counter gets: far beyond any real count, far below `i64::MAX`.
pub const CAP: i64 = 1_000_000_000_000;

/// The two counters of an advertisement at one reading.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counters {
    pub messages: i64,
    pub views: i64,
}

/// Seconds from the advertisement's send time (or, without one, from its creation) to `now`;
/// negative before it. A time that cannot be read counts as `now`.
pub fn elapsed_secs(send_time: Option<&str>, created_at: &str, now: DateTime<Utc>) -> i64 {
    let since = send_time
        .and_then(parse_iso)
        .or_else(|| parse_iso(created_at));
    since.map_or(0, |t| (now - t).num_seconds())
}

/// The counters of advertisement `id`, sent to `rooms` rooms (none counts as one), `elapsed`
/// seconds after sending: nothing before; then one message a room, one more a room every ten
/// minutes, and views a few times the messages plus some every minute (how many depends on the
/// id). Never smaller for a later reading, and never above [`CAP`].
pub fn counters(id: i64, rooms: usize, elapsed: i64) -> Counters {
    if elapsed < 0 {
        return Counters::default();
    }
    let rooms = i64::try_from(rooms.max(1)).unwrap_or(CAP);
    let minutes = elapsed / 60;
    let messages = rooms.saturating_mul(1 + minutes / 10).min(CAP);
    let views = messages
        .saturating_mul(3 + id.rem_euclid(5))
        .saturating_add(minutes.saturating_mul(1 + id.rem_euclid(7)))
        .min(CAP);
    Counters { messages, views }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_before_sending() {
        assert_eq!(counters(5, 3, -1), Counters::default());
        assert_eq!(counters(5, 3, -86_400), Counters::default());
        let at_send = counters(5, 3, 0);
        assert_eq!(at_send.messages, 3);
        assert!(at_send.views > 0);
    }

    #[test]
    fn never_smaller_later_and_never_above_the_cap() {
        for id in [1, 2, 3, 7, 12, 900_001] {
            for rooms in [0, 1, 4, 1000] {
                let mut last = Counters::default();
                let mut elapsed = -120;
                while elapsed < 30 * 86_400 {
                    let now = counters(id, rooms, elapsed);
                    assert!(now.messages >= last.messages, "{id} {rooms} {elapsed}");
                    assert!(now.views >= last.views, "{id} {rooms} {elapsed}");
                    last = now;
                    elapsed += 59;
                }
            }
        }
        let huge = counters(i64::MAX, usize::MAX, i64::MAX);
        assert_eq!((huge.messages, huge.views), (CAP, CAP));
        let negative_id = counters(-3, 2, 600);
        assert!(negative_id.views > negative_id.messages);
    }

    #[test]
    fn the_same_reading_gives_the_same_numbers() {
        assert_eq!(counters(8, 2, 3600), counters(8, 2, 3600));
        // 60 minutes: 2 rooms x (1 + 6) messages; views 14 x (3 + 8 % 5) + 60 x (1 + 8 % 7).
        assert_eq!(
            counters(8, 2, 3600),
            Counters {
                messages: 14,
                views: 14 * 6 + 60 * 2
            }
        );
    }

    #[test]
    fn advertisements_differ_by_id() {
        let views: Vec<i64> = (1..=5).map(|id| counters(id, 1, 1800).views).collect();
        let mut distinct = views.clone();
        distinct.dedup();
        assert_eq!(distinct.len(), views.len(), "{views:?}");
        assert_eq!(counters(1, 1, 1800).messages, counters(2, 1, 1800).messages);
    }

    #[test]
    fn time_runs_from_the_send_time_or_else_the_creation() {
        let now = parse_iso("2026-03-01T12:00:00.000Z").unwrap();
        let created = "2026-03-01T11:00:00.000Z";
        assert_eq!(elapsed_secs(None, created, now), 3600);
        assert_eq!(
            elapsed_secs(Some("2026-03-01T11:30:00.000Z"), created, now),
            1800
        );
        assert_eq!(
            elapsed_secs(Some("2026-03-01T13:00:00.000Z"), created, now),
            -3600
        );
        assert_eq!(elapsed_secs(Some("soon"), created, now), 3600);
        assert_eq!(elapsed_secs(None, "long ago", now), 0);
    }
}
