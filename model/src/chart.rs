//! The results chart worked out without drawing it: where an advertisement's views and messages
//! go on an SVG of a given size, one line per run of readable readings (a reading that could not
//! be read breaks the line, and is marked), the readings where a counter went down (marked, never
//! smoothed away), round numbers on the value axis and round times on the time axis, and the small
//! line of the Results page. The page draws what this answers; `words` says it in a sentence.

mod line;
mod scale;
mod words;

use line::thin;
pub use line::{points, sparkline};
pub use scale::{time_step, time_ticks, value_ticks};
pub use words::{ago, compact, describe, duration, every, group};

use crate::results::Sample;

/// One of the two counters Watchers keeps on an advertisement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counter {
    Views,
    Messages,
}

impl Counter {
    pub const BOTH: [Counter; 2] = [Counter::Views, Counter::Messages];

    /// Its value in `sample`; `None` when it could not be read that time.
    pub fn of(self, sample: &Sample) -> Option<i64> {
        match self {
            Counter::Views => sample.views,
            Counter::Messages => sample.messages,
        }
    }

    /// `views`, `messages`: in sentences, and in CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Counter::Views => "views",
            Counter::Messages => "messages",
        }
    }

    /// `Views`, `Messages`.
    pub fn label(self) -> &'static str {
        match self {
            Counter::Views => "Views",
            Counter::Messages => "Messages",
        }
    }
}

/// One counter's reading, as a table shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// It could not be read this time.
    Unreadable,
    Value(i64),
    /// Lower than the last readable value before it, `from`; kept as it came.
    Down {
        from: i64,
        to: i64,
    },
}

impl Reading {
    /// The value read, if any.
    pub fn value(self) -> Option<i64> {
        match self {
            Reading::Unreadable => None,
            Reading::Value(v) | Reading::Down { to: v, .. } => Some(v),
        }
    }
}

/// Each reading of `counter` in `samples` (oldest first), a fall marked against the last readable
/// value before it.
pub fn readings(samples: &[Sample], counter: Counter) -> Vec<Reading> {
    let mut last: Option<i64> = None;
    samples
        .iter()
        .map(|sample| match counter.of(sample) {
            None => Reading::Unreadable,
            Some(value) => match last.replace(value) {
                Some(from) if value < from => Reading::Down { from, to: value },
                _ => Reading::Value(value),
            },
        })
        .collect()
}

/// A place on the chart, in SVG user units from its top left corner, to a tenth.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// A round value (or time, in Unix seconds) on an axis, and where it sits along that axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tick {
    pub value: i64,
    pub at: f64,
}

/// A reading where a counter went down: which reading, where, and from what to what.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fall {
    pub index: usize,
    pub counter: Counter,
    pub at: Point,
    pub from: i64,
    pub to: i64,
}

/// A reading where a counter could not be read, and where it sits on the time axis. Where many
/// fall within one unit of width, the first stands for them all.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    pub index: usize,
    pub at: i64,
    pub x: f64,
    pub counters: Vec<Counter>,
}

/// One counter's line: each run of readable readings, unbroken, in time order.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub counter: Counter,
    pub runs: Vec<Vec<Point>>,
}

/// The chart of an advertisement's readings on a `width` × `height` SVG.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    /// The plotting area's edges; the axes' labels sit outside it.
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    /// Views, then messages.
    pub lines: Vec<Line>,
    pub falls: Vec<Fall>,
    pub gaps: Vec<Gap>,
    /// The value axis, from the bottom up.
    pub y_ticks: Vec<Tick>,
    /// The time axis (values in Unix seconds; the page writes them in the viewer's zone).
    pub x_ticks: Vec<Tick>,
    /// Seconds between two time ticks, so the page can choose to write times of day or dates;
    /// 0 without readings.
    pub x_step: i64,
}

/// Room left of the plot for the values' labels, right of it for half the last time's label, and
/// above it.
pub const MARGIN_LEFT: f64 = 56.0;
pub const MARGIN_RIGHT: f64 = 40.0;
pub const MARGIN_TOP: f64 = 12.0;
/// Room under the plot for the times' labels.
pub const MARGIN_BOTTOM: f64 = 28.0;

fn tenth(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

impl Chart {
    /// The chart of `samples` (oldest first), its time ticks on round times of a clock `shift`
    /// seconds ahead of UTC (the viewer's zone's offset, so a day's tick is at their midnight).
    /// Both counters share the value axis, which starts at 0.
    pub fn draw(samples: &[Sample], width: f64, height: f64, shift: i64) -> Chart {
        let width = width.max(MARGIN_LEFT + MARGIN_RIGHT + 10.0);
        let height = height.max(MARGIN_TOP + MARGIN_BOTTOM + 10.0);
        let (left, top) = (MARGIN_LEFT, MARGIN_TOP);
        let (right, bottom) = (width - MARGIN_RIGHT, height - MARGIN_BOTTOM);
        let (low, high) = samples
            .iter()
            .flat_map(|s| Counter::BOTH.map(|c| c.of(s)))
            .flatten()
            .fold((0_i64, 0_i64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let values = value_ticks(low, high);
        let v0 = values.first().copied().unwrap_or(0) as f64;
        let v1 = values.last().copied().unwrap_or(1) as f64;
        let first = samples.iter().map(|s| s.at).min().unwrap_or(0);
        let last = samples.iter().map(|s| s.at).max().unwrap_or(0);
        let x_of = |at: i64| {
            tenth(if last > first {
                left + (at as f64 - first as f64) / (last as f64 - first as f64) * (right - left)
            } else {
                (left + right) / 2.0
            })
        };
        let y_of = |v: i64| tenth(bottom - (v as f64 - v0) / (v1 - v0).max(1.0) * (bottom - top));

        let mut falls = vec![];
        let lines = Counter::BOTH.map(|counter| {
            let (mut runs, mut run) = (vec![], vec![]);
            for (index, (sample, reading)) in
                samples.iter().zip(readings(samples, counter)).enumerate()
            {
                let x = x_of(sample.at);
                match reading {
                    Reading::Unreadable if !run.is_empty() => {
                        runs.push(thin(std::mem::take(&mut run)))
                    }
                    Reading::Unreadable => {}
                    Reading::Value(v) => run.push(Point { x, y: y_of(v) }),
                    Reading::Down { from, to } => {
                        let at = Point { x, y: y_of(to) };
                        run.push(at);
                        falls.push(Fall {
                            index,
                            counter,
                            at,
                            from,
                            to,
                        });
                    }
                }
            }
            if !run.is_empty() {
                runs.push(thin(run));
            }
            Line { counter, runs }
        });
        falls.dedup_by(|later, earlier| {
            later.counter == earlier.counter && later.at.x.floor() == earlier.at.x.floor()
        });

        let mut gaps: Vec<Gap> = samples
            .iter()
            .enumerate()
            .filter_map(|(index, s)| {
                let counters: Vec<Counter> = Counter::BOTH
                    .into_iter()
                    .filter(|c| c.of(s).is_none())
                    .collect();
                (!counters.is_empty()).then(|| Gap {
                    index,
                    at: s.at,
                    x: x_of(s.at),
                    counters,
                })
            })
            .collect();
        gaps.dedup_by(|later, earlier| {
            let same = later.x.floor() == earlier.x.floor();
            if same {
                for c in &later.counters {
                    if !earlier.counters.contains(c) {
                        earlier.counters.push(*c);
                    }
                }
            }
            same
        });

        let (x_step, x_ticks) = if samples.is_empty() {
            (0, vec![])
        } else {
            let step = time_step(first, last);
            let ticks = time_ticks(first, last, step, shift)
                .into_iter()
                .map(|t| Tick {
                    value: t,
                    at: x_of(t),
                })
                .collect();
            (step, ticks)
        };
        let y_ticks = values
            .into_iter()
            .map(|v| Tick {
                value: v,
                at: y_of(v),
            })
            .collect();
        Chart {
            width,
            height,
            left,
            top,
            right,
            bottom,
            lines: lines.into(),
            falls,
            gaps,
            y_ticks,
            x_ticks,
            x_step,
        }
    }
}

#[cfg(test)]
mod tests;
