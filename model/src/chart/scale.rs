//! The chart's axes: round values (1, 2 or 5 × 10ⁿ apart) that cover the readings, and round
//! times (a minute, five, an hour, a day, …) on the viewer's clock.

/// The smallest of 1, 2, 5, 10, 20, 50, … such that `most` steps of it cover `span`.
fn nice_step(span: i128, most: i128) -> i128 {
    let mut magnitude: i128 = 1;
    loop {
        for m in [1, 2, 5] {
            let step = magnitude * m;
            if span <= step * most {
                return step;
            }
        }
        magnitude *= 10;
    }
}

/// The round values of the value axis, from at or below `low` (and 0) to at or above `high`,
/// about four steps apart; the axis runs from the first to the last. Never fewer than two.
pub fn value_ticks(low: i64, high: i64) -> Vec<i64> {
    let low = i128::from(low.min(0));
    let high = i128::from(high).max(low);
    let step = nice_step(high - low, 4);
    let first = low.div_euclid(step) * step;
    let mut last = -(-high).div_euclid(step) * step;
    if last <= first {
        last = first + step;
    }
    let mut ticks = vec![];
    let mut value = first;
    while value <= last {
        ticks.push(saturate(value));
        value += step;
    }
    ticks
}

fn saturate(value: i128) -> i64 {
    i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX })
}

const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// The time steps a chart may use, shortest first.
const TIME_STEPS: [i64; 16] = [
    MINUTE,
    2 * MINUTE,
    5 * MINUTE,
    10 * MINUTE,
    15 * MINUTE,
    30 * MINUTE,
    HOUR,
    2 * HOUR,
    3 * HOUR,
    6 * HOUR,
    12 * HOUR,
    DAY,
    2 * DAY,
    7 * DAY,
    14 * DAY,
    28 * DAY,
];

/// How many time ticks a chart shows at most (one more when both ends fall on one).
const MOST_TIME_TICKS: i64 = 6;

/// The step between the time ticks of `first ..= last` (Unix seconds): the shortest round one
/// that gives at most six; whole days beyond four weeks.
pub fn time_step(first: i64, last: i64) -> i64 {
    let span = last.saturating_sub(first).max(0);
    TIME_STEPS
        .into_iter()
        .find(|&step| span <= step * MOST_TIME_TICKS)
        .unwrap_or_else(|| {
            let days = nice_step(i128::from(span.div_euclid(DAY) + 1), MOST_TIME_TICKS.into());
            saturate(days * i128::from(DAY))
        })
}

/// The round times `first ..= last` (Unix seconds), `step` apart on a clock `shift` seconds ahead
/// of UTC (so a day's tick is at local midnight); just `first` when the span is empty.
pub fn time_ticks(first: i64, last: i64, step: i64, shift: i64) -> Vec<i64> {
    if last <= first || step <= 0 {
        return vec![first];
    }
    let (first, last, step, shift) = (
        i128::from(first),
        i128::from(last),
        i128::from(step),
        i128::from(shift),
    );
    let local = first + shift;
    let mut tick = -(-local).div_euclid(step) * step - shift;
    let mut ticks = vec![];
    while tick <= last {
        ticks.push(saturate(tick));
        tick += step;
    }
    ticks
}
