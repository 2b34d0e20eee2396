//! The viewer's time zone (an IANA name such as `Europe/Berlin`): reading its name, the local
//! day around an instant, every time written in that zone with UTC beside it, and times typed
//! in it.

use super::time::{LOCAL_FORMAT, LocalTime, describe_offset, parse_iso, parse_room_time};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};
pub use chrono_tz::Tz;

/// The zone named `name` (case as IANA writes it; `UTC` and `Etc/UTC` included), or `None`.
pub fn parse_zone(name: &str) -> Option<Tz> {
    name.trim().parse().ok()
}

/// Every zone this dashboard knows, by IANA name (`Africa/Abidjan` … `Zulu`), for a list to
/// choose from.
pub fn all_zones() -> impl Iterator<Item = &'static str> {
    chrono_tz::TZ_VARIANTS.iter().map(|zone| zone.name())
}

/// The zone named `name` as a person may type it: exactly, or in other letter case
/// (`asia/tokyo`).
pub fn find_zone(name: &str) -> Option<Tz> {
    let name = name.trim();
    parse_zone(name).or_else(|| {
        chrono_tz::TZ_VARIANTS
            .iter()
            .copied()
            .find(|zone| zone.name().eq_ignore_ascii_case(name))
    })
}

/// The zone's offset at `time` the way JavaScript counts it: minutes to add to local time to get
/// UTC (Berlin in summer: −120).
pub fn js_offset(zone: Tz, time: DateTime<Utc>) -> i32 {
    -zone
        .offset_from_utc_datetime(&time.naive_utc())
        .fix()
        .local_minus_utc()
        / 60
}

/// `Europe/Berlin (UTC+01:00)`, the offset as it is at `time`; plain `UTC` for UTC.
pub fn describe_zone(zone: Tz, time: DateTime<Utc>) -> String {
    match js_offset(zone, time) {
        0 if zone.name().ends_with("UTC") => "UTC".to_owned(),
        minutes => format!("{} ({})", zone.name(), describe_offset(minutes)),
    }
}

/// The first instant of local day `date` in `zone`: local midnight, or, where the clocks jump
/// over midnight (Santiago, Beirut), the first local time that exists that day; where midnight
/// happens twice, the earlier.
pub fn day_start(zone: Tz, date: NaiveDate) -> DateTime<Utc> {
    let midnight = date.and_time(NaiveTime::MIN);
    (0..=24 * 4)
        .map(|quarter| midnight + Duration::minutes(15 * quarter))
        .find_map(|local| zone.from_local_datetime(&local).earliest())
        .map(|t| t.with_timezone(&Utc))
        // No zone skips a whole day's first 24 hours; treat the date as UTC if one ever did.
        .unwrap_or_else(|| midnight.and_utc())
}

/// The local day `date` in `zone` as a UTC span: 23 hours on the day clocks go forward, 25 on
/// the day they go back.
pub fn day_bounds(zone: Tz, date: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let next = date.succ_opt().unwrap_or(date);
    (day_start(zone, date), day_start(zone, next))
}

/// The local date of `time` in `zone`.
pub fn local_date(zone: Tz, time: DateTime<Utc>) -> NaiveDate {
    time.with_timezone(&zone).date_naive()
}

/// `2026-11-23 14:00` in `zone`.
pub fn local_text(zone: Tz, time: DateTime<Utc>) -> String {
    time.with_timezone(&zone)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// `2026-11-23 14:00 CET (13:00 UTC)`; the UTC date too when it differs; just `… UTC` in UTC.
pub fn both_zones(zone: Tz, time: DateTime<Utc>) -> String {
    let local = time.with_timezone(&zone);
    if local.offset().fix().local_minus_utc() == 0 && zone.name().ends_with("UTC") {
        return format!("{} UTC", time.format("%Y-%m-%d %H:%M"));
    }
    let utc = if local.date_naive() == time.date_naive() {
        time.format("%H:%M UTC")
    } else {
        time.format("%Y-%m-%d %H:%M UTC")
    };
    format!("{} ({utc})", local.format("%Y-%m-%d %H:%M %Z"))
}

/// A stored or upstream time (`2024-05-22T12:00:01.000Z`, a room's `2024-05-22 12:00:01`) in
/// `zone` with UTC beside it; other text as it is.
pub fn show_in(zone: Tz, text: &str) -> String {
    match parse_iso(text).or_else(|| parse_room_time(text)) {
        Some(time) => both_zones(zone, time),
        None => text.to_owned(),
    }
}

/// A `datetime-local` value (`YYYY-MM-DDTHH:MM`, seconds optional) as a wall-clock time.
pub(crate) fn parse_local(local: &str) -> Option<NaiveDateTime> {
    let local = local.trim();
    NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(local, LOCAL_FORMAT))
        .ok()
}

/// A `datetime-local` value typed in `zone`, as UTC: where the clocks skip the time, the moment
/// just after the gap; where it happens twice, the earlier.
pub fn from_local(zone: Tz, local: &str) -> Option<DateTime<Utc>> {
    let naive = parse_local(local)?;
    (0..=8)
        .find_map(|quarter| {
            let shifted = naive.checked_add_signed(Duration::minutes(15 * quarter))?;
            zone.from_local_datetime(&shifted).earliest()
        })
        .map(|t| t.with_timezone(&Utc))
}

/// Reads `time` as typed in `zone` (as [`from_local`] does): its offset becomes the one that
/// makes it that instant. A form that names its zone is read so on the server, with or without
/// JavaScript; text that is not a time is left as it is.
pub fn read_in_zone(zone: Tz, time: &mut LocalTime) {
    let (Some(naive), Some(utc)) = (parse_local(&time.local), from_local(zone, &time.local)) else {
        return;
    };
    let minutes = utc.naive_utc().signed_duration_since(naive).num_minutes();
    if let Ok(offset) = i32::try_from(minutes) {
        time.offset = offset;
    }
}

/// Rewrites `time` in `zone`, each time at the zone's own offset then.
pub fn write_in_zone(zone: Tz, time: &mut LocalTime) {
    time.move_to_zone(|t| js_offset(zone, t));
}

/// `time` as a `datetime-local` value in `zone` (to the minute).
pub fn to_local_input(zone: Tz, time: DateTime<Utc>) -> String {
    time.with_timezone(&zone)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn days_are_23_or_25_hours_when_the_clocks_change() {
        let berlin = parse_zone("Europe/Berlin").unwrap();
        let spring = NaiveDate::from_ymd_opt(2030, 3, 31).unwrap();
        let (start, end) = day_bounds(berlin, spring);
        assert_eq!(start, utc("2030-03-30T23:00:00Z"));
        assert_eq!((end - start).num_hours(), 23);
        let autumn = NaiveDate::from_ymd_opt(2030, 10, 27).unwrap();
        let (start, end) = day_bounds(berlin, autumn);
        assert_eq!(start, utc("2030-10-26T22:00:00Z"));
        assert_eq!((end - start).num_hours(), 25);
    }

    #[test]
    fn a_day_whose_midnight_is_skipped_starts_after_the_gap() {
        // Chile went forward at 24:00 on 10 September 2022: 11 September began at 01:00 (UTC-3).
        let santiago = parse_zone("America/Santiago").unwrap();
        let day = NaiveDate::from_ymd_opt(2022, 9, 11).unwrap();
        assert_eq!(day_start(santiago, day), utc("2022-09-11T04:00:00Z"));
        assert_eq!(
            day_bounds(santiago, day).1 - day_start(santiago, day),
            Duration::hours(23)
        );
    }

    #[test]
    fn times_read_in_both_zones_and_offsets_follow_the_season() {
        let berlin = parse_zone("Europe/Berlin").unwrap();
        let summer = utc("2030-07-01T12:00:00Z");
        assert_eq!(
            both_zones(berlin, summer),
            "2030-07-01 14:00 CEST (12:00 UTC)"
        );
        assert_eq!(
            both_zones(berlin, utc("2030-01-01T23:30:00Z")),
            "2030-01-02 00:30 CET (2030-01-01 23:30 UTC)"
        );
        assert_eq!(js_offset(berlin, summer), -120);
        assert_eq!(describe_zone(berlin, summer), "Europe/Berlin (UTC+02:00)");
        assert_eq!(both_zones(Tz::UTC, summer), "2030-07-01 12:00 UTC");
        assert_eq!(describe_zone(Tz::UTC, summer), "UTC");
        assert!(parse_zone("Mars/Olympus").is_none());
    }

    #[test]
    fn typed_local_times_skip_the_gap_and_take_the_first_of_two() {
        let berlin = parse_zone("Europe/Berlin").unwrap();
        // 02:30 does not exist on 31 March 2030: the moment after the gap is 03:00 CEST.
        assert_eq!(
            from_local(berlin, "2030-03-31T02:30"),
            Some(utc("2030-03-31T01:00:00Z"))
        );
        // 02:30 happens twice on 27 October 2030: the first is CEST.
        assert_eq!(
            from_local(berlin, "2030-10-27T02:30"),
            Some(utc("2030-10-27T00:30:00Z"))
        );
        assert_eq!(
            to_local_input(berlin, utc("2030-10-27T00:30:00Z")),
            "2030-10-27T02:30"
        );
        assert!(from_local(berlin, "tomorrow").is_none());
    }

    #[test]
    fn a_time_typed_in_a_zone_gets_that_zones_offset_then() {
        let berlin = parse_zone("Europe/Berlin").unwrap();
        let mut summer = LocalTime {
            local: "2030-05-22T14:00".into(),
            offset: 0,
        };
        read_in_zone(berlin, &mut summer);
        assert_eq!(summer.offset, -120);
        assert_eq!(summer.to_utc(), Some(utc("2030-05-22T12:00:00Z")));
        // In the gap: the moment after it, as `from_local` reads it.
        let mut gap = LocalTime {
            local: "2030-03-31T02:30".into(),
            offset: 0,
        };
        read_in_zone(berlin, &mut gap);
        assert_eq!(gap.to_utc(), from_local(berlin, "2030-03-31T02:30"));
        let mut words = LocalTime {
            local: "soon".into(),
            offset: 7,
        };
        read_in_zone(berlin, &mut words);
        assert_eq!(words.offset, 7, "not a time: left as it is");
        let tokyo = parse_zone("Asia/Tokyo").unwrap();
        let mut back = LocalTime::utc(Some(utc("2030-05-22T12:00:00Z")));
        write_in_zone(tokyo, &mut back);
        assert_eq!(
            (back.local.as_str(), back.offset),
            ("2030-05-22T21:00:00", -540)
        );
    }

    #[test]
    fn zones_are_found_as_people_type_them_and_times_shown_in_them() {
        assert_eq!(find_zone(" asia/tokyo "), parse_zone("Asia/Tokyo"));
        assert_eq!(find_zone("UTC"), Some(Tz::UTC));
        assert!(find_zone("Mars/Olympus").is_none());
        assert!(find_zone("").is_none());
        assert!(all_zones().any(|z| z == "Asia/Tokyo"));
        assert!(all_zones().count() > 300);
        let tokyo = parse_zone("Asia/Tokyo").unwrap();
        assert_eq!(
            show_in(tokyo, "2030-05-22T12:00:00.000Z"),
            "2030-05-22 21:00 JST (12:00 UTC)"
        );
        assert_eq!(
            show_in(tokyo, "2030-05-22 20:30:00"),
            "2030-05-23 05:30 JST (2030-05-22 20:30 UTC)"
        );
        assert_eq!(
            show_in(Tz::UTC, "2030-05-22T12:00:00Z"),
            "2030-05-22 12:00 UTC"
        );
        assert_eq!(show_in(tokyo, "—"), "—");
    }
}
