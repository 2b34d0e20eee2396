//! The calendar (issue 18): which local days a day, week or month view covers, where each room,
//! offer and advertisement sits on each day in the viewer's zone, and the list view of the same
//! items. Pure: the server gathers the items and calls [`board`].

use super::clash::{Clash, Window};
use super::zone::{Tz, both_zones, day_bounds};
use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// How much a view covers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Span {
    Day,
    #[default]
    Week,
    Month,
    /// The rooms agenda: the day and the next 7.
    Agenda,
}

impl Span {
    pub const ALL: [Span; 3] = [Span::Day, Span::Week, Span::Month];

    pub fn parse(value: &str) -> Option<Span> {
        [Span::Day, Span::Week, Span::Month, Span::Agenda]
            .into_iter()
            .find(|s| s.as_str() == value.trim())
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Span::Day => "day",
            Span::Week => "week",
            Span::Month => "month",
            Span::Agenda => "agenda",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Span::Day => "Day",
            Span::Week => "Week",
            Span::Month => "Month",
            Span::Agenda => "Agenda",
        }
    }

    /// The local days the view around `anchor` covers: the day; Monday to Sunday; the month.
    pub fn days(self, anchor: NaiveDate) -> Vec<NaiveDate> {
        let (first, count) = match self {
            Span::Day => (anchor, 1),
            Span::Agenda => (anchor, 8),
            Span::Week => {
                let back = anchor.weekday().num_days_from_monday();
                (anchor - Duration::days(back.into()), 7)
            }
            Span::Month => {
                let first = anchor.with_day(1).unwrap_or(anchor);
                let next = first + Months::new(1);
                (first, (next - first).num_days())
            }
        };
        first.iter_days().take(count as usize).collect()
    }

    /// The anchor of the view before (`forward` false) or after this one.
    pub fn step(self, anchor: NaiveDate, forward: bool) -> NaiveDate {
        let moved = match (self, forward) {
            (Span::Day, true) => anchor.checked_add_signed(Duration::days(1)),
            (Span::Day, false) => anchor.checked_sub_signed(Duration::days(1)),
            (Span::Week, true) => anchor.checked_add_signed(Duration::days(7)),
            (Span::Week, false) => anchor.checked_sub_signed(Duration::days(7)),
            (Span::Month, true) => anchor.checked_add_months(Months::new(1)),
            (Span::Month, false) => anchor.checked_sub_months(Months::new(1)),
            (Span::Agenda, true) => anchor.checked_add_signed(Duration::days(8)),
            (Span::Agenda, false) => anchor.checked_sub_signed(Duration::days(8)),
        };
        moved.unwrap_or(anchor)
    }

    /// `Monday 23 November 2026`, `23 – 29 November 2026`, `November 2026`.
    pub fn title(self, anchor: NaiveDate) -> String {
        let days = self.days(anchor);
        let (first, last) = (days[0], days[days.len() - 1]);
        match self {
            Span::Day => first.format("%A %-d %B %Y").to_string(),
            Span::Month => first.format("%B %Y").to_string(),
            Span::Agenda => format!("{} – {}", first.format("%-d %b"), last.format("%-d %b %Y")),
            Span::Week if first.month() == last.month() => {
                format!("{} – {}", first.format("%-d"), last.format("%-d %B %Y"))
            }
            Span::Week => format!("{} – {}", first.format("%-d %b"), last.format("%-d %b %Y")),
        }
    }
}

/// What kind of thing an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    Room,
    Offer,
    Advertisement,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Room, Kind::Offer, Kind::Advertisement];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Room => "room",
            Kind::Offer => "offer",
            Kind::Advertisement => "advertisement",
        }
    }

    pub fn parse(value: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == value.trim())
    }

    /// The filter's label.
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Room => "Rooms",
            Kind::Offer => "Offers",
            Kind::Advertisement => "Advertisements",
        }
    }
}

/// One room, offer or advertisement on the calendar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub kind: Kind,
    /// `offer:12`: what clashes name it by.
    pub key: String,
    /// What people call it ([`super::plan::item_name`]): `Final`, `Image offer (template 11) #9`.
    pub title: String,
    /// Its page.
    pub href: String,
    /// A room's status, or an advertisement's.
    pub status: Option<String>,
    /// Scheduled start to end (rooms), start to end (offers), send to delete (advertisements).
    pub window: Window,
    /// Drawn as a moment at its start, not a span: an advertisement with no delete time.
    #[serde(default)]
    pub point: bool,
    /// The room itself, or the rooms an offer or advertisement is aimed at.
    pub rooms: Vec<String>,
    /// Aimed at everyone (a GLOBAL offer).
    pub everyone: bool,
    /// A test sent with "Send a test to me" (to its sender's test audience alone): marked so
    /// wherever it shows, and in no clash.
    #[serde(default)]
    pub test: bool,
}

impl Item {
    /// What its bar and its row say: its name, with its status when it has one (`Final · LIVE`),
    /// after `Test:` for a test.
    pub fn label(&self) -> String {
        let test = if self.test { "Test: " } else { "" };
        match &self.status {
            Some(status) => format!("{test}{} · {status}", self.title),
            None => format!("{test}{}", self.title),
        }
    }

    /// Where it is drawn: a point's window is its start alone.
    fn drawn(&self) -> Window {
        match self.point {
            true => Window {
                start: self.window.start,
                end: self.window.start,
            },
            false => self.window,
        }
    }
}

/// Which items a view shows: the kinds (all when empty) and one room.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    pub kinds: BTreeSet<Kind>,
    pub room: Option<String>,
}

impl Filter {
    /// Whether `item` passes: its kind is chosen, and with a room chosen it is that room, aimed at
    /// it, or aimed at everyone.
    pub fn keeps(&self, item: &Item) -> bool {
        let kind = self.kinds.is_empty() || self.kinds.contains(&item.kind);
        let room = match &self.room {
            None => true,
            Some(room) => item.everyone || item.rooms.contains(room),
        };
        kind && room
    }

    pub fn shows(&self, kind: Kind) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&kind)
    }
}

/// Where a bar's label goes: inside it, or beside it when the bar is too short to hold it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LabelAt {
    #[default]
    Inside,
    /// After its right end.
    After,
    /// Before its left end: a short bar late in the day.
    Before,
}

impl LabelAt {
    pub fn as_str(self) -> &'static str {
        match self {
            LabelAt::Inside => "inside",
            LabelAt::After => "after",
            LabelAt::Before => "before",
        }
    }
}

/// An item's bar on one day: edges in percent of that day, its lane, whether it goes on before
/// or after the day, and where its label goes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    pub item: usize,
    pub left: f64,
    pub width: f64,
    pub lane: usize,
    pub from_before: bool,
    pub goes_on: bool,
    pub label: LabelAt,
}

/// One local day of the view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DayRow {
    pub date: NaiveDate,
    /// `Mon 23 Nov`.
    pub label: String,
    /// Its length: 24, or 23 and 25 on the days the clocks change.
    pub hours: i64,
    /// Where now is, in percent, on today's row.
    pub now: Option<f64>,
    pub lanes: usize,
    pub bars: Vec<Bar>,
}

/// An item in the list view: its times in the viewer's zone with UTC beside them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub item: usize,
    pub from: String,
    pub until: String,
}

/// The visual timeline and the list of one view.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub days: Vec<DayRow>,
    /// The items inside the view, by start.
    pub rows: Vec<Row>,
    /// Rooms with no schedule (they cannot be placed).
    pub unscheduled: Vec<usize>,
}

/// What the calendar page shows: the view, its items and clashes, and how to move around.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CalendarView {
    pub span: Span,
    pub anchor: NaiveDate,
    pub title: String,
    pub prev: NaiveDate,
    pub next: NaiveDate,
    pub today: NaiveDate,
    /// The IANA name of the viewer's zone, and how it reads: `Europe/Berlin (UTC+01:00)`.
    pub zone: String,
    pub zone_label: String,
    /// No zone was chosen or detected yet: the page asks the browser for it.
    pub detect_zone: bool,
    pub filter: Filter,
    /// The rooms to filter by: id and name.
    pub rooms: Vec<(String, String)>,
    pub items: Vec<Item>,
    pub board: Board,
    /// The clashes of the items in view.
    pub clashes: Vec<Clash>,
    /// What could not be shown, and why.
    pub notes: Vec<String>,
    /// Problems with what was asked, by field (`view`, `date`).
    pub problems: Vec<(String, String)>,
}

/// What the calendar page asks for, as its address carries it: `view` (day, week, month),
/// `date` (`YYYY-MM-DD`, today when empty), `kinds` (comma-separated, all when empty) and `room`.
/// Times are in the viewer's zone, chosen on their account page. Anything unreadable falls back
/// to the default with a problem next to its field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CalendarQuery {
    pub view: String,
    pub date: String,
    pub kinds: String,
    pub room: String,
}

const MIN_WIDTH: f64 = 0.8;

/// Where `window` sits on the day `[day_start, day_end)`; an open end runs to `edge`; a window
/// that ends before it starts is a mark at its start.
fn place(
    window: &Window,
    (day_start, day_end): (DateTime<Utc>, DateTime<Utc>),
    edge: DateTime<Utc>,
) -> Option<(f64, f64, bool, bool)> {
    let start = window.start.unwrap_or(DateTime::<Utc>::MIN_UTC);
    let end = window.end.unwrap_or(edge).max(start);
    let inside = if start == end {
        day_start <= start && start < day_end
    } else {
        start < day_end && end > day_start
    };
    if !inside {
        return None;
    }
    let length = (day_end - day_start).num_seconds().max(1) as f64;
    let pct = |t: DateTime<Utc>| (t - day_start).num_seconds() as f64 * 100.0 / length;
    let left = pct(start.max(day_start)).min(100.0 - MIN_WIDTH);
    let right = pct(end.min(day_end));
    let width = (right - left).max(MIN_WIDTH);
    Some((
        left,
        width,
        start < day_start,
        window.end.is_none() || end > day_end,
    ))
}

/// About how wide a character of a bar's label is, in percent of a day on a track 40rem wide
/// (a laptop's is wider): a label judged to fit inside its bar does.
const CHAR_WIDTH: f64 = 1.05;
/// A bar's edge and padding around its label, in percent of a day.
const LABEL_PAD: f64 = 2.0;

/// Where the label of `chars` characters of a bar at `left`, `width` goes, and what the bar and
/// its label take of the day: inside when it fits; else beside, after the bar when there is room
/// there (or more room than before it), else before it.
fn label_at(left: f64, width: f64, chars: usize) -> (LabelAt, f64, f64) {
    let needed = chars as f64 * CHAR_WIDTH + LABEL_PAD;
    let right = left + width;
    let after = 100.0 - right;
    if width >= needed {
        (LabelAt::Inside, left, right)
    } else if after >= needed || after >= left {
        (LabelAt::After, left, (right + needed).min(100.0))
    } else {
        (LabelAt::Before, (left - needed).max(0.0), right)
    }
}

/// Gives each bar the first lane free from where it or its label begins (`from`) to where they
/// end (`to`); the lane count.
fn assign_lanes(placed: &mut [(f64, f64, Bar)]) -> usize {
    placed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.2.item.cmp(&b.2.item)));
    let mut ends: Vec<f64> = vec![];
    for (from, to, bar) in placed.iter_mut() {
        let lane = ends.iter().position(|&end| end <= *from);
        let lane = lane.unwrap_or_else(|| {
            ends.push(0.0);
            ends.len() - 1
        });
        ends[lane] = *to;
        bar.lane = lane;
    }
    ends.len()
}

/// The timeline and list of `items` for the days of `span` around `anchor`, in `zone`, with now
/// marked at `now`.
pub fn board(zone: Tz, span: Span, anchor: NaiveDate, now: DateTime<Utc>, items: &[Item]) -> Board {
    let dates = span.days(anchor);
    let view_start = day_bounds(zone, dates[0]).0;
    let view_end = day_bounds(zone, dates[dates.len() - 1]).1;
    // A room with no schedule, or a point with no time, cannot be placed: it is listed apart.
    let placeable =
        |item: &&Item| item.window.start.is_some() || (item.kind != Kind::Room && !item.point);
    let days = dates
        .iter()
        .map(|&date| {
            let bounds = day_bounds(zone, date);
            let mut placed: Vec<(f64, f64, Bar)> = items
                .iter()
                .enumerate()
                .filter(|(_, item)| placeable(item))
                .filter_map(|(i, item)| {
                    let (left, width, from_before, goes_on) =
                        place(&item.drawn(), bounds, view_end)?;
                    let arrows = 2 * (usize::from(from_before) + usize::from(goes_on));
                    let chars = item.label().chars().count() + arrows;
                    let (label, from, to) = label_at(left, width, chars);
                    let bar = Bar {
                        item: i,
                        left,
                        width,
                        lane: 0,
                        from_before,
                        goes_on,
                        label,
                    };
                    Some((from, to, bar))
                })
                .collect();
            let lanes = assign_lanes(&mut placed);
            let bars = placed.into_iter().map(|(_, _, bar)| bar).collect();
            let length = (bounds.1 - bounds.0).num_seconds().max(1) as f64;
            let now = (bounds.0 <= now && now < bounds.1)
                .then(|| (now - bounds.0).num_seconds() as f64 * 100.0 / length);
            DayRow {
                date,
                label: date.format("%a %-d %b").to_string(),
                hours: (bounds.1 - bounds.0).num_hours(),
                now,
                lanes,
                bars,
            }
        })
        .collect();
    let mut rows: Vec<(Option<DateTime<Utc>>, Row)> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| placeable(item))
        .filter(|(_, item)| place(&item.drawn(), (view_start, view_end), view_end).is_some())
        .map(|(i, item)| {
            let from = match item.window.start {
                Some(t) => both_zones(zone, t),
                None => "no start".to_owned(),
            };
            let until = match item.window.end {
                Some(t) => both_zones(zone, t),
                None => "no end".to_owned(),
            };
            (
                item.window.start,
                Row {
                    item: i,
                    from,
                    until,
                },
            )
        })
        .collect();
    rows.sort_by_key(|(start, row)| (*start, row.item));
    let unscheduled = items
        .iter()
        .enumerate()
        .filter(|(_, item)| !placeable(item))
        .map(|(i, _)| i)
        .collect();
    Board {
        days,
        rows: rows.into_iter().map(|(_, row)| row).collect(),
        unscheduled,
    }
}

#[cfg(test)]
mod tests;
