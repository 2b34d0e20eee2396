//! The calendar's days, bars and list, in zones with and without clock changes.

use super::*;
use crate::zone::parse_zone;

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}
fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}
fn item(kind: Kind, key: &str, start: Option<&str>, end: Option<&str>) -> Item {
    Item {
        kind,
        key: key.into(),
        title: key.into(),
        href: format!("/{key}"),
        status: None,
        window: Window {
            start: start.map(utc),
            end: end.map(utc),
        },
        point: false,
        rooms: vec!["r1".into()],
        everyone: false,
        test: false,
    }
}

#[test]
fn views_cover_a_day_a_monday_to_sunday_week_or_a_month() {
    // 2026-11-25 is a Wednesday.
    let anchor = date(2026, 11, 25);
    assert_eq!(Span::Day.days(anchor), vec![anchor]);
    let week = Span::Week.days(anchor);
    assert_eq!((week[0], week[6]), (date(2026, 11, 23), date(2026, 11, 29)));
    assert_eq!(Span::Month.days(date(2028, 2, 10)).len(), 29);
    assert_eq!(Span::Month.step(date(2027, 1, 31), true), date(2027, 2, 28));
    assert_eq!(Span::Week.step(anchor, false), date(2026, 11, 18));
    assert_eq!(Span::Week.title(anchor), "23 – 29 November 2026");
    assert_eq!(Span::Week.title(date(2026, 12, 30)), "28 Dec – 3 Jan 2027");
    assert_eq!(Span::parse("month"), Some(Span::Month));
    assert_eq!(Span::parse("year"), None);
}

#[test]
fn bars_sit_in_the_viewers_zone_on_a_23_hour_day() {
    let berlin = parse_zone("Europe/Berlin").unwrap();
    // 31 March 2030, clocks go forward: the local day is 23 hours from 23:00 UTC the day before.
    let items = [item(
        Kind::Offer,
        "offer:1",
        Some("2030-03-31T10:00:00Z"),
        Some("2030-03-31T12:00:00Z"),
    )];
    let board = board(
        berlin,
        Span::Day,
        date(2030, 3, 31),
        utc("2030-03-31T10:30:00Z"),
        &items,
    );
    let day = &board.days[0];
    assert_eq!(day.hours, 23);
    let bar = &day.bars[0];
    // 11 hours into a 23-hour day, 2 hours long.
    assert!((bar.left - 1100.0 / 23.0).abs() < 0.01, "{}", bar.left);
    assert!((bar.width - 200.0 / 23.0).abs() < 0.01, "{}", bar.width);
    assert!(!bar.from_before && !bar.goes_on);
    assert!((day.now.unwrap() - 1150.0 / 23.0).abs() < 0.01);
    assert_eq!(board.rows[0].from, "2030-03-31 12:00 CEST (10:00 UTC)");
}

#[test]
fn an_item_in_the_evening_utc_falls_on_the_next_local_day_east_of_utc() {
    let tokyo = parse_zone("Asia/Tokyo").unwrap();
    let items = [item(
        Kind::Room,
        "room:r1",
        Some("2026-11-23T20:00:00Z"),
        Some("2026-11-23T21:00:00Z"),
    )];
    let board = board(
        tokyo,
        Span::Week,
        date(2026, 11, 24),
        utc("2026-11-01T00:00:00Z"),
        &items,
    );
    let days_with_bars: Vec<NaiveDate> = board
        .days
        .iter()
        .filter(|d| !d.bars.is_empty())
        .map(|d| d.date)
        .collect();
    assert_eq!(days_with_bars, vec![date(2026, 11, 24)]);
    assert!(board.days.iter().all(|d| d.now.is_none()));
}

#[test]
fn open_ended_items_run_to_the_views_edge_and_overlaps_take_lanes() {
    let items = [
        item(Kind::Offer, "offer:1", Some("2026-11-23T10:00:00Z"), None),
        item(
            Kind::Advertisement,
            "advertisement:2",
            Some("2026-11-24T11:00:00Z"),
            Some("2026-11-24T12:00:00Z"),
        ),
        item(Kind::Room, "room:r1", None, None),
        item(Kind::Offer, "offer:3", Some("2026-12-24T10:00:00Z"), None),
    ];
    let board = board(
        Tz::UTC,
        Span::Week,
        date(2026, 11, 23),
        utc("2026-11-01T00:00:00Z"),
        &items,
    );
    // The open offer is on every day from its start to Sunday, going on each time.
    let with_offer = board
        .days
        .iter()
        .filter(|d| d.bars.iter().any(|b| b.item == 0 && b.goes_on))
        .count();
    assert_eq!(with_offer, 7);
    let tuesday = &board.days[1];
    assert_eq!(tuesday.lanes, 2);
    let lanes: Vec<(usize, usize)> = tuesday.bars.iter().map(|b| (b.item, b.lane)).collect();
    assert_eq!(lanes, vec![(0, 0), (1, 1)]);
    // The unscheduled room is listed apart; the offer of next month is not in this view.
    assert_eq!(board.unscheduled, vec![2]);
    let listed: Vec<usize> = board.rows.iter().map(|r| r.item).collect();
    assert_eq!(listed, vec![0, 1]);
    assert_eq!(board.rows[0].until, "no end");
}

#[test]
fn an_advertisement_deleted_before_it_is_sent_is_a_mark_at_its_send_time() {
    let items = [item(
        Kind::Advertisement,
        "advertisement:9",
        Some("2026-11-23T12:00:00Z"),
        Some("2026-11-23T08:00:00Z"),
    )];
    let board = board(
        Tz::UTC,
        Span::Day,
        date(2026, 11, 23),
        utc("2026-11-01T00:00:00Z"),
        &items,
    );
    let bar = &board.days[0].bars[0];
    assert_eq!((bar.left, bar.width), (50.0, 0.8));
}

#[test]
fn a_point_is_drawn_once_on_the_day_of_its_start_however_long_ago() {
    let sent = Item {
        point: true,
        status: Some("SENT".into()),
        ..item(
            Kind::Advertisement,
            "advertisement:4",
            Some("2026-11-24T12:00:00Z"),
            None,
        )
    };
    let week = board(
        Tz::UTC,
        Span::Week,
        date(2026, 11, 23),
        utc("2026-12-01T00:00:00Z"),
        std::slice::from_ref(&sent),
    );
    let drawn: Vec<(NaiveDate, f64)> = week
        .days
        .iter()
        .flat_map(|d| d.bars.iter().map(move |b| (d.date, b.left)))
        .collect();
    assert_eq!(drawn, vec![(date(2026, 11, 24), 50.0)]);
    let bar = &week.days[1].bars[0];
    assert!(!bar.from_before && !bar.goes_on && bar.label == LabelAt::After);
    assert_eq!(week.rows[0].until, "no end");
    // The next week, which an open end would have reached, does not show it.
    let next = board(
        Tz::UTC,
        Span::Week,
        date(2026, 11, 30),
        utc("2026-12-01T00:00:00Z"),
        &[sent],
    );
    assert!(next.days.iter().all(|d| d.bars.is_empty()) && next.rows.is_empty());
    // With no time known it is listed apart.
    let timeless = Item {
        point: true,
        ..item(Kind::Advertisement, "advertisement:5", None, None)
    };
    let view = board(
        Tz::UTC,
        Span::Week,
        date(2026, 11, 23),
        utc("2026-12-01T00:00:00Z"),
        &[timeless],
    );
    assert_eq!(view.unscheduled, vec![0]);
}

#[test]
fn a_short_bar_has_its_label_beside_it_and_room_kept_for_it() {
    // 23:55 to 00:10: a sliver at the end of one day and the start of the next.
    let items = [
        item(
            Kind::Offer,
            "Image offer (template 11) #9",
            Some("2026-11-23T23:55:00Z"),
            Some("2026-11-24T00:10:00Z"),
        ),
        item(
            Kind::Room,
            "room:r2",
            Some("2026-11-24T02:00:00Z"),
            Some("2026-11-24T03:00:00Z"),
        ),
        item(
            Kind::Room,
            "room:r3",
            Some("2026-11-24T10:00:00Z"),
            Some("2026-11-24T20:00:00Z"),
        ),
    ];
    let days = board(
        Tz::UTC,
        Span::Week,
        date(2026, 11, 23),
        utc("2026-11-01T00:00:00Z"),
        &items,
    )
    .days;
    let late = &days[0].bars[0];
    assert!(late.goes_on && late.label == LabelAt::Before, "{late:?}");
    let early = &days[1].bars;
    assert_eq!(early[0].item, 0);
    assert!(early[0].from_before && early[0].label == LabelAt::After);
    // The room at 02:00 starts where the sliver's label still is: it takes the next lane. The
    // long room holds its label and takes the first lane again.
    let lanes: Vec<(usize, usize, LabelAt)> =
        early.iter().map(|b| (b.item, b.lane, b.label)).collect();
    assert_eq!(
        lanes,
        vec![
            (0, 0, LabelAt::After),
            (1, 1, LabelAt::After),
            (2, 0, LabelAt::Inside)
        ]
    );
}

#[test]
fn filters_keep_the_room_its_items_and_items_for_everyone() {
    let mut global = item(Kind::Offer, "offer:1", None, None);
    global.everyone = true;
    global.rooms = vec![];
    let elsewhere = Item {
        rooms: vec!["r2".into()],
        ..item(Kind::Advertisement, "advertisement:2", None, None)
    };
    let room = item(Kind::Room, "room:r1", None, None);
    let filter = Filter {
        kinds: BTreeSet::new(),
        room: Some("r1".into()),
    };
    assert!(filter.keeps(&global) && filter.keeps(&room) && !filter.keeps(&elsewhere));
    let offers_only = Filter {
        kinds: [Kind::Offer].into(),
        room: None,
    };
    assert!(offers_only.keeps(&global) && !offers_only.keeps(&room));
}
