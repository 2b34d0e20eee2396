//! What the results pages are given and what they ask: one advertisement's readings with how
//! often the dashboard takes them (`AdReadings`), and the Results page's question (a date range in
//! the viewer's zone and an order, `ResultsQuery`) and answer (`ResultsView`), its rows put in order
//! by their newest readings.

use crate::chart::{Counter, Reading, readings};
use crate::results::{AdResult, Sample, views_per_message};
use crate::time::parse_iso;
use crate::zone::{Tz, day_bounds, day_start};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// One advertisement's readings for its page: oldest first, how often the dashboard takes them
/// (seconds), and the server's clock when it answered (Unix seconds).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AdReadings {
    pub samples: Vec<Sample>,
    pub every_seconds: u64,
    pub now: i64,
}

/// A column the Results page can be put in order by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortBy {
    #[default]
    Sent,
    Views,
    Messages,
    PerMessage,
}

impl SortBy {
    pub const ALL: [SortBy; 4] = [
        SortBy::Sent,
        SortBy::Views,
        SortBy::Messages,
        SortBy::PerMessage,
    ];

    /// As the address writes it: `sent`, `views`, `messages`, `per-message`.
    pub fn as_str(self) -> &'static str {
        match self {
            SortBy::Sent => "sent",
            SortBy::Views => "views",
            SortBy::Messages => "messages",
            SortBy::PerMessage => "per-message",
        }
    }

    pub fn parse(text: &str) -> Option<SortBy> {
        SortBy::ALL.into_iter().find(|s| s.as_str() == text.trim())
    }

    /// The column's heading.
    pub fn label(self) -> &'static str {
        match self {
            SortBy::Sent => "Sent",
            SortBy::Views => "Views",
            SortBy::Messages => "Messages",
            SortBy::PerMessage => "Views per message",
        }
    }
}

/// Which way a column is put in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Dir {
    Asc,
    #[default]
    Desc,
}

impl Dir {
    /// `asc`, `desc`.
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Asc => "asc",
            Dir::Desc => "desc",
        }
    }

    pub fn parse(text: &str) -> Option<Dir> {
        match text.trim() {
            "asc" => Some(Dir::Asc),
            "desc" => Some(Dir::Desc),
            _ => None,
        }
    }

    pub fn flip(self) -> Dir {
        match self {
            Dir::Asc => Dir::Desc,
            Dir::Desc => Dir::Asc,
        }
    }

    /// The heading's `aria-sort`: `ascending`, `descending`.
    pub fn aria(self) -> &'static str {
        match self {
            Dir::Asc => "ascending",
            Dir::Desc => "descending",
        }
    }
}

/// The newest reading of each counter of `samples` (oldest first), as a table shows it; `None`
/// without readings.
pub fn newest(samples: &[Sample]) -> Option<(Reading, Reading)> {
    let views = readings(samples, Counter::Views).pop()?;
    let messages = readings(samples, Counter::Messages).pop()?;
    Some((views, messages))
}

/// A row's value in column `by`: its send time, or its newest reading's counters.
pub fn sort_key(row: &AdResult, by: SortBy) -> Option<f64> {
    if by == SortBy::Sent {
        return row
            .sent_at
            .as_deref()
            .and_then(parse_iso)
            .map(|t| t.timestamp() as f64);
    }
    let (views, messages) = newest(&row.samples)?;
    match by {
        SortBy::Views => views.value().map(|v| v as f64),
        SortBy::Messages => messages.value().map(|v| v as f64),
        _ => views_per_message(views.value(), messages.value()),
    }
}

/// Puts `rows` in order by column `by`, `dir`; rows without a value there (no readings, an
/// unreadable counter, no send time) come last either way, and ties newest advertisement first.
pub fn sort(rows: &mut [AdResult], by: SortBy, dir: Dir) {
    rows.sort_by(|a, b| {
        let order = match (sort_key(a, by), sort_key(b, by)) {
            (Some(x), Some(y)) if dir == Dir::Asc => x.total_cmp(&y),
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        order.then(b.id.cmp(&a.id))
    });
}

/// The Results page's question, as its address carries it: the days `from` and `to`
/// (`YYYY-MM-DD` in the viewer's zone, both included, either may be empty) and the order (`sort`:
/// a [`SortBy`], `dir`: `asc` or `desc`). Anything unreadable falls back to no limit or the
/// default order, with a problem beside its field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResultsQuery {
    pub from: String,
    pub to: String,
    pub sort: String,
    pub dir: String,
}

/// A date range read in a zone: from the first second of `from` to the last of `to` (Unix
/// seconds), and what could not be read, by field (`from`, `to`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Range {
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub problems: Vec<(String, String)>,
}

/// The days `from` and `to` as typed (`YYYY-MM-DD`, empty for no limit) read in `zone`.
pub fn read_range(zone: Tz, from: &str, to: &str) -> Range {
    let mut problems = vec![];
    let mut day = |field: &str, text: &str| -> Option<NaiveDate> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
        if day.is_none() {
            problems.push((
                field.to_owned(),
                format!("“{text}” is not a date: write it as YYYY-MM-DD, e.g. 2030-05-22. Until then the range has no limit on this side."),
            ));
        }
        day
    };
    let (first, last) = (day("from", from), day("to", to));
    if matches!((first, last), (Some(first), Some(last)) if last < first) {
        problems.push((
            "to".to_owned(),
            "This day is before the first day: no reading falls between them.".to_owned(),
        ));
    }
    Range {
        from: first.map(|d| day_start(zone, d).timestamp()),
        to: last.map(|d| day_bounds(zone, d).1.timestamp() - 1),
        problems,
    }
}

/// What the Results page shows: the advertisements in order with their readings, what was asked
/// (as typed), what could not be read in it, the viewer's zone, and how often readings are taken.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ResultsView {
    pub rows: Vec<AdResult>,
    pub sort: SortBy,
    pub dir: Dir,
    pub query: ResultsQuery,
    /// Problems with what was asked, by field (`from`, `to`).
    pub problems: Vec<(String, String)>,
    /// The IANA name of the viewer's zone, and how it reads: `Europe/Berlin (UTC+01:00)`.
    pub zone: String,
    pub zone_label: String,
    /// No zone was chosen or detected yet: the page asks the browser for it.
    pub detect_zone: bool,
    pub every_seconds: u64,
}

#[cfg(test)]
mod tests;
