//! The two time formats of the API: ISO 8601 UTC for offers and advertisements, and
//! `YYYY-MM-DD HH:MM:SS` (UTC) for rooms.

use chrono::{DateTime, NaiveDateTime, Utc};

/// The room format, e.g. `2024-12-31 05:33:32`.
pub const ROOM_TIME_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

/// Parses an ISO 8601 / RFC 3339 time such as `2024-05-22T12:00:01.000Z`.
pub fn parse_iso(value: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(value.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Formats a time the way the API writes it: `2024-05-22T12:00:01.000Z`.
pub fn format_iso(time: DateTime<Utc>) -> String {
    time.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// Parses a room time (UTC).
pub fn parse_room_time(value: &str) -> Option<DateTime<Utc>> {
    NaiveDateTime::parse_from_str(value.trim(), ROOM_TIME_FORMAT)
        .ok()
        .map(|t| t.and_utc())
}

/// Formats a room time (UTC), e.g. `2024-12-31 05:33:32`.
pub fn format_room_time(time: DateTime<Utc>) -> String {
    time.format(ROOM_TIME_FORMAT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_formats_round_trip() {
        let t = parse_iso("2024-05-22T12:00:01.000Z").unwrap();
        assert_eq!(format_iso(t), "2024-05-22T12:00:01.000Z");
        assert_eq!(format_room_time(t), "2024-05-22 12:00:01");
        assert_eq!(parse_room_time("2024-05-22 12:00:01"), Some(t));
        assert!(parse_room_time("2024-05-22T12:00:01").is_none());
        assert!(parse_iso("tomorrow").is_none());
    }
}
