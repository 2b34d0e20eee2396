//! The results in words: numbers as people read them, what a chart shows in a sentence (its
//! description for those who do not see it), how long ago something happened, and how often the
//! counters are read.

use super::{Counter, Reading, readings};
use crate::results::Sample;

/// `1,234,567`.
pub fn group(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// An axis label: `950`, `5,000`, `25k`, `1.5M`, `3B`, `2T`.
pub fn compact(n: i64) -> String {
    let abs = n.unsigned_abs();
    let (unit, suffix) = match abs {
        0..10_000 => return group(n),
        10_000..1_000_000 => (1e3, "k"),
        1_000_000..1_000_000_000 => (1e6, "M"),
        1_000_000_000..1_000_000_000_000 => (1e9, "B"),
        _ => (1e12, "T"),
    };
    let value = n as f64 / unit;
    let text = format!("{value:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text);
    format!("{text}{suffix}")
}

/// A length of time in words, to the minute (to the second under one): `45 s`, `5 min`,
/// `2 h 15 min`, `3 d 4 h`.
pub fn duration(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    let (d, h, m) = (s / 86_400, s % 86_400 / 3_600, s % 3_600 / 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{s} s"),
        (0, 0, m) => format!("{m} min"),
        (0, h, 0) => format!("{h} h"),
        (0, h, m) => format!("{h} h {m} min"),
        (d, 0, _) => format!("{d} d"),
        (d, h, _) => format!("{d} d {h} h"),
    }
}

/// How long before `now` something happened at `then` (Unix seconds): `2 h 15 min ago`; `in 5
/// min` when it is still to come; `just now` within a few seconds.
pub fn ago(then: i64, now: i64) -> String {
    let seconds = now.saturating_sub(then);
    if seconds.unsigned_abs() < 5 {
        "just now".to_owned()
    } else if seconds > 0 {
        format!("{} ago", duration(seconds))
    } else {
        format!("in {}", duration(seconds))
    }
}

/// `every 5 minutes`, `every hour`, `every 2 seconds`.
pub fn every(seconds: u64) -> String {
    let (n, unit) = match seconds {
        s if s >= 3_600 && s.is_multiple_of(3_600) => (s / 3_600, "hour"),
        s if s >= 60 && s.is_multiple_of(60) => (s / 60, "minute"),
        s => (s, "second"),
    };
    if n == 1 {
        format!("every {unit}")
    } else {
        format!("every {n} {unit}s")
    }
}

/// How `counter` moved over `samples`: `views rose from 0 to 340`, `messages stayed at 12`.
fn movement(samples: &[Sample], counter: Counter) -> String {
    let name = counter.as_str();
    let values: Vec<i64> = samples.iter().filter_map(|s| counter.of(s)).collect();
    match values.as_slice() {
        [] => format!("{name} could not be read"),
        [only] => format!("{name} were {}", group(*only)),
        [first, .., last] if last > first => {
            format!("{name} rose from {} to {}", group(*first), group(*last))
        }
        [first, .., last] if last < first => {
            format!("{name} fell from {} to {}", group(*first), group(*last))
        }
        [first, ..] => format!("{name} stayed at {}", group(*first)),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What the chart of `samples` (oldest first) shows, in words, its times written by `when`:
/// "Views rose from 0 to 340 and messages rose from 1 to 12 between … and …, over 14 readings.
/// Views went down once, from 40 to 35. 2 readings could not be read."
pub fn describe(samples: &[Sample], when: impl Fn(i64) -> String) -> String {
    let (Some(first), Some(last)) = (samples.first(), samples.last()) else {
        return "No readings yet.".to_owned();
    };
    let moves = Counter::BOTH.map(|c| movement(samples, c)).join(" and ");
    let mut text = if samples.len() == 1 {
        format!("One reading, at {}: {moves}.", when(first.at))
    } else {
        format!(
            "{} between {} and {}, over {} readings.",
            capitalise(&moves),
            when(first.at),
            when(last.at),
            samples.len()
        )
    };
    for counter in Counter::BOTH {
        let falls: Vec<(i64, i64)> = readings(samples, counter)
            .into_iter()
            .filter_map(|r| match r {
                Reading::Down { from, to } => Some((from, to)),
                _ => None,
            })
            .collect();
        match falls.as_slice() {
            [] => {}
            [(from, to)] => text.push_str(&format!(
                " {} went down once, from {} to {}.",
                counter.label(),
                group(*from),
                group(*to)
            )),
            many => text.push_str(&format!(
                " {} went down {} times.",
                counter.label(),
                many.len()
            )),
        }
    }
    let unreadable = samples
        .iter()
        .filter(|s| s.views.is_none() || s.messages.is_none())
        .count();
    match unreadable {
        0 => {}
        1 => text.push_str(" 1 reading could not be read."),
        n => text.push_str(&format!(" {n} readings could not be read.")),
    }
    text
}
