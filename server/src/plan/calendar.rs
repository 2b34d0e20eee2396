//! The calendar page's view: what was asked read leniently, everything planned placed in the
//! viewer's zone, filtered, with the clashes of what is in view.

use super::Everything;
use crate::model::calendar::{CalendarQuery, CalendarView, Filter, Item, Kind, Span, board};
use crate::model::clash::Clash;
use crate::model::plan::{ad_item, offer_item, room_item};
use crate::model::zone::{Tz, describe_zone, local_date};
use chrono::{DateTime, NaiveDate, Utc};

/// Every item: rooms, then offers, then advertisements.
fn items(all: &Everything) -> Vec<Item> {
    let rooms = all.rooms.iter().map(room_item);
    let offers = all
        .offers
        .iter()
        .zip(all.offer_plans())
        .map(|((o, _), p)| offer_item(o, &p));
    let ads = all
        .ads
        .iter()
        .zip(all.ad_plans())
        .map(|((a, _), p)| ad_item(a, &p));
    rooms.chain(offers).chain(ads).collect()
}

/// The view `query` asks for, in the viewer's `zone` (`undetected` when the browser should be
/// asked for it), at `now`.
pub fn view(
    all: &Everything,
    query: &CalendarQuery,
    zone: Tz,
    undetected: bool,
    now: DateTime<Utc>,
) -> CalendarView {
    let mut problems = vec![];
    let span = match query.view.trim() {
        "" => Span::Week,
        text => Span::parse(text).unwrap_or_else(|| {
            problems.push(("view".into(), "Choose a day, week or month view.".into()));
            Span::Week
        }),
    };
    let today = local_date(zone, now);
    let anchor = match query.date.trim() {
        "" => today,
        text => NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|_| {
            problems.push((
                "date".into(),
                "Enter a date as YYYY-MM-DD: today is shown instead.".into(),
            ));
            today
        }),
    };
    let filter = Filter {
        kinds: query.kinds.split(',').filter_map(Kind::parse).collect(),
        room: Some(query.room.trim().to_owned()).filter(|r| !r.is_empty()),
    };
    let all_items = items(all);
    let items: Vec<Item> = all_items.into_iter().filter(|i| filter.keeps(i)).collect();
    let board = board(zone, span, anchor, now, &items);
    let in_view: Vec<&str> = board
        .rows
        .iter()
        .map(|r| items[r.item].key.as_str())
        .collect();
    let clashes: Vec<Clash> = all
        .clashes(zone)
        .into_iter()
        .filter(|c| c.keys.iter().any(|k| in_view.contains(&k.as_str())))
        .collect();
    let rooms = all
        .rooms
        .iter()
        .map(|r| {
            (
                r.room_id.clone(),
                r.name.clone().unwrap_or_else(|| r.room_id.clone()),
            )
        })
        .collect();
    CalendarView {
        span,
        anchor,
        title: span.title(anchor),
        prev: span.step(anchor, false),
        next: span.step(anchor, true),
        today,
        zone: zone.name().to_owned(),
        zone_label: describe_zone(zone, now),
        detect_zone: undetected,
        filter,
        rooms,
        items,
        board,
        clashes,
        notes: all.notes.clone(),
        problems,
    }
}
