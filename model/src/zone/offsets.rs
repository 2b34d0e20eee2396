//! A zone's UTC offsets over the years around now, for the browser, which has no zone database
//! (it would not fit the WASM budget): a composer reads a time typed there the way the server
//! will ([`from_local`](super::from_local)), so the UTC beside each field is right before it is
//! sent.

use super::{Tz, describe_zone, js_offset, parse_local};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt::Write;

/// Days before and after now that [`ZoneOffsets::of`] looks at; outside them the nearest offset
/// holds (the server reads the form again with the whole database in any case).
const DAYS_BEFORE: i64 = 2 * 366;
const DAYS_AFTER: i64 = 10 * 366;

/// A zone's offsets as JavaScript counts them (minutes to add to local time to get UTC: Tokyo is
/// −540), with its name and how it reads. On the wire it is one line of text (see
/// [`ZoneOffsets::parse`]): an island reads it with the string code it has anyway, where a
/// derived struct of tuples cost its pages kilobytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ZoneOffsets {
    /// The IANA name, e.g. `Asia/Tokyo`.
    pub name: String,
    /// How it reads now: `Asia/Tokyo (UTC+09:00)`, or `UTC`.
    pub label: String,
    /// The offset before the first change.
    pub first: i32,
    /// Each change, oldest first: from this instant (seconds since 1970, UTC), this offset.
    pub changes: Vec<(i64, i32)>,
}

impl ZoneOffsets {
    /// `zone`'s offsets from two years before `now` to ten after (on the server).
    pub fn of(zone: Tz, now: DateTime<Utc>) -> Self {
        let step = Duration::days(1);
        let mut at = now - Duration::days(DAYS_BEFORE);
        let end = now + Duration::days(DAYS_AFTER);
        let first = js_offset(zone, at);
        let mut current = first;
        let mut changes = vec![];
        while at < end {
            let next = at + step;
            let offset = js_offset(zone, next);
            if offset != current {
                // The change lies after `at`, by `next`: halve the day down to the second.
                let (mut before, mut after) = (at, next);
                while after - before > Duration::seconds(1) {
                    let middle = before + (after - before) / 2;
                    if js_offset(zone, middle) == current {
                        before = middle;
                    } else {
                        after = middle;
                    }
                }
                changes.push((after.timestamp(), offset));
                current = offset;
            }
            at = next;
        }
        ZoneOffsets {
            name: zone.name().to_owned(),
            label: describe_zone(zone, now),
            first,
            changes,
        }
    }

    /// The offset at `time`.
    pub fn at(&self, time: DateTime<Utc>) -> i32 {
        self.at_second(time.timestamp())
    }

    /// The offset at `second` (since 1970, UTC).
    fn at_second(&self, second: i64) -> i32 {
        self.changes
            .iter()
            .rev()
            .find(|(from, _)| *from <= second)
            .map_or(self.first, |&(_, offset)| offset)
    }

    /// The offset of `local`, a `datetime-local` value typed in the zone, read as the server
    /// reads it: where the clocks skip the time, the moment just after the gap; where it happens
    /// twice, the earlier. `None` when it is not a time. (Plain seconds rather than chrono's
    /// arithmetic: this runs in the browser, where every kilobyte is paid for.)
    pub fn read(&self, local: &str) -> Option<i32> {
        let typed = parse_local(local)?.and_utc().timestamp();
        let instant = (0..=8i64).find_map(|quarter| {
            let wall = typed + quarter * 15 * 60;
            // The offsets in force a day either side: one that holds at the instant it gives
            // makes a reading, and the earliest reading wins.
            [-DAY, 0, DAY]
                .into_iter()
                .map(|shift| wall + i64::from(self.at_second(wall + shift)) * 60)
                .filter(|&instant| i64::from(self.at_second(instant)) * 60 == instant - wall)
                .min()
        })?;
        i32::try_from((instant - typed) / 60).ok()
    }
}

impl ZoneOffsets {
    /// The wire text: `name`, `label`, `first` and the changes (`second:offset`, by commas),
    /// each on a line of its own.
    fn write(&self) -> String {
        let mut text = format!("{}\n{}\n{}\n", self.name, self.label, self.first);
        for (i, (from, offset)) in self.changes.iter().enumerate() {
            let comma = if i == 0 { "" } else { "," };
            let _ = write!(text, "{comma}{from}:{offset}");
        }
        text
    }

    /// Reads what [`ZoneOffsets::write`] wrote; `None` when it is not that.
    fn parse(text: &str) -> Option<Self> {
        let mut lines = text.split('\n');
        let (name, label) = (lines.next()?.to_owned(), lines.next()?.to_owned());
        let first = lines.next()?.parse().ok()?;
        let changes = lines
            .next()?
            .split(',')
            .filter(|change| !change.is_empty())
            .map(|change| {
                let (from, offset) = change.split_once(':')?;
                Some((from.parse().ok()?, offset.parse().ok()?))
            })
            .collect::<Option<_>>()?;
        Some(ZoneOffsets {
            name,
            label,
            first,
            changes,
        })
    }
}

impl Serialize for ZoneOffsets {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.write())
    }
}

impl<'de> Deserialize<'de> for ZoneOffsets {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).ok_or_else(|| serde::de::Error::custom("not a zone's offsets"))
    }
}

/// A day in seconds.
const DAY: i64 = 24 * 60 * 60;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zone::{from_local, parse_zone};

    fn utc(text: &str) -> DateTime<Utc> {
        crate::time::parse_iso(text).unwrap()
    }

    #[test]
    fn the_browser_reads_a_typed_time_as_the_server_does() {
        let berlin = parse_zone("Europe/Berlin").unwrap();
        let now = utc("2030-01-15T12:00:00Z");
        let offsets = ZoneOffsets::of(berlin, now);
        assert_eq!(offsets.name, "Europe/Berlin");
        assert_eq!(offsets.label, "Europe/Berlin (UTC+01:00)");
        // Twice a year for twelve years.
        assert!((22..=26).contains(&offsets.changes.len()), "{offsets:?}");
        assert!(
            offsets
                .changes
                .contains(&(utc("2030-03-31T01:00:00Z").timestamp(), -120))
        );
        assert_eq!(offsets.at(utc("2030-07-01T00:00:00Z")), -120);
        assert_eq!(offsets.at(utc("2030-12-01T00:00:00Z")), -60);
        for local in [
            "2030-05-22T14:00",
            "2030-12-24T18:30:00",
            "2030-03-31T02:30",
            "2030-10-27T02:30",
            "2031-03-30T01:59",
        ] {
            let offset = offsets.read(local).unwrap();
            let browser = crate::time::local_to_utc(local, offset);
            assert_eq!(browser, from_local(berlin, local), "{local}");
        }
        assert_eq!(offsets.read("tomorrow"), None);
        let tokyo = ZoneOffsets::of(parse_zone("Asia/Tokyo").unwrap(), now);
        assert!(tokyo.changes.is_empty());
        assert_eq!(tokyo.read("2030-05-22T21:00"), Some(-540));
        assert_eq!(tokyo.label, "Asia/Tokyo (UTC+09:00)");
    }

    #[test]
    fn around_every_change_the_browser_and_the_server_agree() {
        let now = utc("2031-06-01T00:00:00Z");
        for name in [
            "America/New_York",
            "America/Santiago",
            "Australia/Lord_Howe",
            "Asia/Beirut",
        ] {
            let zone = parse_zone(name).unwrap();
            let offsets = ZoneOffsets::of(zone, now);
            assert!(!offsets.changes.is_empty(), "{name}");
            for &(change, _) in offsets.changes.iter().take(6) {
                let around = DateTime::from_timestamp(change, 0).unwrap().naive_utc();
                for quarter in -16..=16 {
                    let local = (around + Duration::minutes(15 * quarter))
                        .format("%Y-%m-%dT%H:%M")
                        .to_string();
                    let offset = offsets.read(&local).unwrap();
                    let browser = crate::time::local_to_utc(&local, offset);
                    assert_eq!(browser, from_local(zone, &local), "{name} {local}");
                }
            }
        }
    }

    #[test]
    fn the_wire_text_reads_back_whole() {
        let now = utc("2030-01-15T12:00:00Z");
        for name in ["Europe/Berlin", "Asia/Tokyo", "UTC"] {
            let offsets = ZoneOffsets::of(parse_zone(name).unwrap(), now);
            let json = serde_json::to_string(&offsets).unwrap();
            assert_eq!(serde_json::from_str::<ZoneOffsets>(&json).unwrap(), offsets);
        }
        assert!(serde_json::from_str::<ZoneOffsets>("\"Europe/Berlin\\nx\\n-60\\n1:a\"").is_err());
        assert!(serde_json::from_str::<ZoneOffsets>("\"\"").is_err());
    }
}
