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

/// The `datetime-local` format the forms use (seconds optional when read).
pub const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

/// The widest UTC offset a browser can report, in minutes (real zones lie within −12 h … +14 h);
/// any offset that arrives is clamped to it.
pub const MAX_OFFSET_MINUTES: i32 = 18 * 60;

fn clamp_offset(offset_minutes: i32) -> i64 {
    i64::from(offset_minutes.clamp(-MAX_OFFSET_MINUTES, MAX_OFFSET_MINUTES))
}

/// `YYYY-MM-DDTHH:MM[:SS]` at UTC offset `offset_minutes` (as JavaScript gives it: minutes to
/// add to local time to get UTC) as a UTC time; `None` when it is not a time or falls outside
/// the calendar.
pub fn local_to_utc(local: &str, offset_minutes: i32) -> Option<DateTime<Utc>> {
    let local = local.trim();
    let parsed = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(local, LOCAL_FORMAT))
        .ok()?;
    let shift = chrono::Duration::minutes(clamp_offset(offset_minutes));
    Some(parsed.checked_add_signed(shift)?.and_utc())
}

/// A UTC time as a `datetime-local` value at UTC offset `offset_minutes` (UTC itself at the
/// calendar's very ends).
pub fn utc_to_local(time: DateTime<Utc>, offset_minutes: i32) -> String {
    let shift = chrono::Duration::minutes(clamp_offset(offset_minutes));
    let naive = time.naive_utc();
    naive
        .checked_sub_signed(shift)
        .unwrap_or(naive)
        .format(LOCAL_FORMAT)
        .to_string()
}

/// A time typed into a `datetime-local` field, with the UTC offset in force at that time where
/// it was typed (minutes to add to get UTC, as JavaScript counts them; 0 without JavaScript,
/// when the form says its times are UTC). Each time has its own offset, so a summer date typed in
/// winter is still converted right.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct LocalTime {
    pub local: String,
    pub offset: i32,
}

impl LocalTime {
    pub fn is_blank(&self) -> bool {
        self.local.trim().is_empty()
    }

    /// The UTC time, when the text is a time.
    pub fn to_utc(&self) -> Option<DateTime<Utc>> {
        local_to_utc(&self.local, self.offset)
    }

    /// Typed but not a time.
    pub fn is_invalid(&self) -> bool {
        !self.is_blank() && self.to_utc().is_none()
    }

    /// A UTC time as UTC wall-clock text (offset 0), e.g. when editing a published item.
    pub fn utc(time: Option<DateTime<Utc>>) -> Self {
        LocalTime {
            local: time.map(|t| utc_to_local(t, 0)).unwrap_or_default(),
            offset: 0,
        }
    }

    /// Rewrites the time in another zone, given that zone's offset at a UTC instant.
    pub fn move_to_zone(&mut self, offset_at: impl Fn(DateTime<Utc>) -> i32) {
        if let Some(utc) = self.to_utc() {
            let offset = offset_at(utc);
            self.local = utc_to_local(utc, offset);
            self.offset = offset;
        }
    }
}

/// A UTC offset for people: `UTC+02:00`.
pub fn describe_offset(offset_minutes: i32) -> String {
    let east = -(clamp_offset(offset_minutes) as i32);
    format!(
        "UTC{}{:02}:{:02}",
        if east >= 0 { "+" } else { "-" },
        east.abs() / 60,
        east.abs() % 60
    )
}

/// An ISO time for people, in UTC: `2024-05-22 12:00:01 UTC`; other text as it is.
pub fn show_utc(iso: &str) -> String {
    match parse_iso(iso) {
        Some(t) => format!("{} UTC", format_room_time(t)),
        None => iso.to_owned(),
    }
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

    #[test]
    fn local_times_move_between_offsets() {
        // Central European Summer Time: getTimezoneOffset() is -120.
        let utc = local_to_utc("2024-05-22T14:00", -120).unwrap();
        assert_eq!(format_iso(utc), "2024-05-22T12:00:00.000Z");
        assert_eq!(utc_to_local(utc, -120), "2024-05-22T14:00:00");
        assert_eq!(describe_offset(-120), "UTC+02:00");
        assert_eq!(describe_offset(330), "UTC-05:30");
    }

    #[test]
    fn each_local_time_keeps_its_own_offset() {
        // Berlin: +1 in winter, +2 in summer.
        let berlin = |t: DateTime<Utc>| {
            if t.format("%m").to_string() == "07" {
                -120
            } else {
                -60
            }
        };
        let mut summer = LocalTime::utc(parse_iso("2030-07-01T12:00:00Z"));
        let mut winter = LocalTime::utc(parse_iso("2030-01-01T12:00:00Z"));
        summer.move_to_zone(berlin);
        winter.move_to_zone(berlin);
        assert_eq!(
            (summer.local.as_str(), summer.offset),
            ("2030-07-01T14:00:00", -120)
        );
        assert_eq!(
            (winter.local.as_str(), winter.offset),
            ("2030-01-01T13:00:00", -60)
        );
        assert_eq!(
            format_iso(summer.to_utc().unwrap()),
            "2030-07-01T12:00:00.000Z"
        );
        assert!(
            LocalTime {
                local: "soon".into(),
                offset: 0
            }
            .is_invalid()
        );
    }

    #[test]
    fn no_time_input_panics() {
        let offsets = [
            i32::MIN,
            i32::MIN + 1,
            -1_000_000,
            -MAX_OFFSET_MINUTES - 1,
            -840,
            0,
            720,
            MAX_OFFSET_MINUTES + 1,
            1_000_000,
            i32::MAX,
        ];
        let locals = [
            "+262143-12-31T23:59",
            "-262144-01-01T00:00",
            "9999-12-31T23:59:59",
            "0000-01-01T00:00",
            "1970-01-01T00:00",
            "2024-02-30T10:00",
            "not a time",
            "",
        ];
        let instants = [
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
            Utc::now(),
        ];
        // A small deterministic sweep of other offsets (a linear congruential sequence).
        let mut x: u32 = 0x2545_f491;
        let sweep = (0..200).map(|_| {
            x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            x as i32
        });
        for offset in offsets.into_iter().chain(sweep) {
            let _ = describe_offset(offset);
            for local in locals {
                let mut time = LocalTime {
                    local: local.into(),
                    offset,
                };
                let _ = local_to_utc(local, offset);
                let _ = time.to_utc();
                time.move_to_zone(|_| offset);
            }
            for instant in instants {
                let _ = utc_to_local(instant, offset);
            }
        }
        assert_eq!(describe_offset(i32::MIN), "UTC+18:00", "clamped");
    }
}
