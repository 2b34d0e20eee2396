//! The Results page's order, date range and newest readings.

use super::*;
use crate::zone::parse_zone;

fn row(id: i64, sent: Option<&str>, samples: &[(Option<i64>, Option<i64>)]) -> AdResult {
    AdResult {
        id,
        label: format!("Ad {id}"),
        sent_at: sent.map(str::to_owned),
        samples: samples
            .iter()
            .enumerate()
            .map(|(i, &(views, messages))| Sample {
                at: i as i64 * 300,
                views,
                messages,
            })
            .collect(),
    }
}

fn ids(rows: &[AdResult]) -> Vec<i64> {
    rows.iter().map(|r| r.id).collect()
}

#[test]
fn rows_go_in_order_by_their_newest_reading_with_the_unknown_last() {
    let mut rows = vec![
        row(
            1,
            Some("2030-05-01T10:00:00Z"),
            &[(Some(5), Some(1)), (Some(50), Some(5))],
        ),
        row(2, Some("2030-05-03T10:00:00Z"), &[(Some(300), Some(2))]),
        row(3, None, &[]),
        row(
            4,
            Some("2030-05-02T10:00:00Z"),
            &[(Some(80), Some(1)), (None, Some(2))],
        ),
        row(5, Some("2030-05-04T10:00:00Z"), &[(Some(20), Some(0))]),
    ];
    sort(&mut rows, SortBy::Views, Dir::Desc);
    assert_eq!(ids(&rows), [2, 1, 5, 4, 3]);
    sort(&mut rows, SortBy::Views, Dir::Asc);
    assert_eq!(ids(&rows), [5, 1, 2, 4, 3]);
    sort(&mut rows, SortBy::Messages, Dir::Desc);
    assert_eq!(ids(&rows), [1, 4, 2, 5, 3]);
    sort(&mut rows, SortBy::Sent, Dir::Desc);
    assert_eq!(ids(&rows), [5, 2, 4, 1, 3]);
    let per_message = |rows: &[AdResult]| {
        rows.iter()
            .map(|r| sort_key(r, SortBy::PerMessage))
            .collect::<Vec<_>>()
    };
    sort(&mut rows, SortBy::PerMessage, Dir::Desc);
    assert_eq!(ids(&rows[..2]), [2, 1]);
    assert_eq!(per_message(&rows[..2]), [Some(150.0), Some(10.0)]);
}

#[test]
fn the_newest_reading_says_when_a_counter_went_down() {
    let falling = row(1, None, &[(Some(40), Some(3)), (Some(35), Some(3))]);
    assert_eq!(
        newest(&falling.samples),
        Some((Reading::Down { from: 40, to: 35 }, Reading::Value(3)))
    );
    assert_eq!(newest(&[]), None);
}

#[test]
fn a_date_range_is_read_in_the_viewers_zone_and_a_bad_day_is_named() {
    let berlin = parse_zone("Europe/Berlin").unwrap();
    let range = read_range(berlin, "2030-07-01", " 2030-07-02 ");
    // Berlin is two hours ahead in summer: its 1 July starts at 22:00 UTC on 30 June.
    assert_eq!(range.from, Some(1_909_087_200));
    assert_eq!(range.to, Some(1_909_087_200 + 2 * 86_400 - 1));
    assert!(range.problems.is_empty());
    let range = read_range(Tz::UTC, "banana", "");
    assert_eq!((range.from, range.to), (None, None));
    assert_eq!(range.problems.len(), 1);
    assert_eq!(range.problems[0].0, "from");
    assert!(range.problems[0].1.contains("“banana” is not a date"));
    let backwards = read_range(Tz::UTC, "2030-07-02", "2030-07-01");
    assert_eq!(backwards.problems[0].0, "to");
    assert_eq!(read_range(Tz::UTC, "", ""), Range::default());
}

#[test]
fn orders_are_read_from_the_address() {
    for by in SortBy::ALL {
        assert_eq!(SortBy::parse(by.as_str()), Some(by));
    }
    assert_eq!(SortBy::parse("sideways"), None);
    assert_eq!(Dir::parse("asc"), Some(Dir::Asc));
    assert_eq!(Dir::Desc.flip(), Dir::Asc);
    assert_eq!(Dir::Asc.aria(), "ascending");
}
