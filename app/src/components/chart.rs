//! The results chart, drawn on the server as plain SVG: an advertisement's views and messages over
//! time, a picture whose title and description say in words what it shows; each line broken where
//! a reading could not be read, with marks where a counter went down or was unreadable. And the
//! Results page's small line per advertisement. `model::chart` works out where everything goes.

use crate::model::chart::{Chart, compact, describe, group, points, sparkline};
use crate::model::results::Sample;
use crate::model::zone::{Tz, both_zones, js_offset};
use chrono::DateTime;
use leptos::prelude::*;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 240.0;
/// How far apart, at least, two "unreadable" notes are written (one mark stands for a cluster).
const NOTE_GAP: f64 = 14.0;

/// A coordinate as SVG text, to a tenth.
fn n(v: f64) -> String {
    ((v * 10.0).round() / 10.0).to_string()
}

/// `at` (Unix seconds) in `zone`, written as `format`.
fn local(zone: Tz, at: i64, format: &str) -> String {
    DateTime::from_timestamp(at, 0)
        .map(|t| t.with_timezone(&zone).format(format).to_string())
        .unwrap_or_default()
}

/// `at` (Unix seconds) in `zone` with UTC beside it: `2030-05-22 14:00 CEST (12:00 UTC)`.
pub fn when(zone: Tz, at: i64) -> String {
    DateTime::from_timestamp(at, 0)
        .map(|t| both_zones(zone, t))
        .unwrap_or_else(|| at.to_string())
}

/// How the time ticks are written: dates when they are days apart, else times of day, with the
/// date too when the readings span more than one day.
fn tick_format(zone: Tz, chart: &Chart, samples: &[Sample]) -> &'static str {
    let (first, last) = (samples.first().map(|s| s.at), samples.last().map(|s| s.at));
    let one_day = match (first, last) {
        (Some(a), Some(b)) => local(zone, a, "%F") == local(zone, b, "%F"),
        _ => true,
    };
    if chart.x_step >= 86_400 {
        "%m-%d"
    } else if one_day {
        "%H:%M"
    } else {
        "%m-%d %H:%M"
    }
}

/// The chart of `samples` (oldest first), times in `zone`. Its title and description (which the
/// picture is labelled by) say what it shows; the page gives the same readings as a table.
#[component]
pub fn ResultsChart(samples: Vec<Sample>, zone: Tz) -> impl IntoView {
    // Round times on the viewer's clock: their offset at the first reading, in seconds east.
    let shift = samples
        .first()
        .and_then(|s| DateTime::from_timestamp(s.at, 0))
        .map_or(0, |t| -i64::from(js_offset(zone, t)) * 60);
    let chart = Chart::draw(&samples, WIDTH, HEIGHT, shift);
    let description = describe(&samples, |at| when(zone, at));
    let format = tick_format(zone, &chart, &samples);
    let (left, right, top, bottom) = (chart.left, chart.right, chart.top, chart.bottom);

    let y_axis = chart
        .y_ticks
        .iter()
        .map(|t| {
            view! {
                <line class="chart__grid" x1=n(left) x2=n(right) y1=n(t.at) y2=n(t.at) />
                <text class="chart__label" x=n(left - 6.0) y=n(t.at + 4.0) text-anchor="end">{compact(t.value)}</text>
            }
        })
        .collect_view();
    let x_axis = chart
        .x_ticks
        .iter()
        .map(|t| {
            view! {
                <line class="chart__axis" x1=n(t.at) x2=n(t.at) y1=n(bottom) y2=n(bottom + 4.0) />
                <text class="chart__label" x=n(t.at) y=n(bottom + 17.0) text-anchor="middle">{local(zone, t.value, format)}</text>
            }
        })
        .collect_view();
    let mut noted = f64::MIN;
    let gaps = chart
        .gaps
        .iter()
        .map(|g| {
            let what: Vec<&str> = g.counters.iter().map(|c| c.as_str()).collect();
            let note = (g.x - noted >= NOTE_GAP).then(|| {
                noted = g.x;
                let (x, y) = (n(g.x - 3.0), n(top + 2.0));
                view! {
                    <text class="chart__note" x=x.clone() y=y.clone() text-anchor="end"
                        transform=format!("rotate(-90 {x} {y})")>"unreadable"</text>
                }
            });
            view! {
                <g class="chart__gap" data-testid="chart-gap">
                    <title>{format!("{} unreadable at {}", what.join(" and "), when(zone, g.at))}</title>
                    <line x1=n(g.x) x2=n(g.x) y1=n(top) y2=n(bottom) />
                    {note}
                </g>
            }
        })
        .collect_view();
    let lines = chart
        .lines
        .iter()
        .map(|line| {
            let key = line.counter.as_str();
            line.runs
                .iter()
                .map(|run| match run.as_slice() {
                    [only] => view! {
                        <circle class=format!("chart__dot chart__dot--{key}") cx=n(only.x) cy=n(only.y) r="3" />
                    }
                    .into_any(),
                    run => view! {
                        <polyline class=format!("chart__line chart__line--{key}") points=points(run) />
                    }
                    .into_any(),
                })
                .collect_view()
        })
        .collect_view();
    let falls = chart
        .falls
        .iter()
        .map(|f| {
            view! {
                <g class="chart__fall" data-testid="chart-fall">
                    <title>{format!("{} went down from {} to {}", f.counter.label(), group(f.from), group(f.to))}</title>
                    <circle cx=n(f.at.x) cy=n(f.at.y) r="5" />
                    <text class="chart__note" x=n(f.at.x) y=n(f.at.y + 17.0) text-anchor="middle">"↓"</text>
                </g>
            }
        })
        .collect_view();

    view! {
        <figure class="chart" data-testid="results-chart">
            <svg class="chart__svg" viewBox=format!("0 0 {} {}", n(chart.width), n(chart.height))
                role="img" aria-labelledby="results-chart-title results-chart-desc"
                data-testid="results-chart-svg">
                <title id="results-chart-title">"Views and messages over time"</title>
                <desc id="results-chart-desc">{description}</desc>
                <g class="chart__axes">
                    {y_axis}
                    <line class="chart__axis" x1=n(left) x2=n(right) y1=n(bottom) y2=n(bottom) />
                    {x_axis}
                </g>
                {gaps}
                {lines}
                {falls}
            </svg>
            <figcaption class="chart__legend">
                <span class="chart__key chart__key--views">"Views"</span>
                <span class="chart__key chart__key--messages">"Messages (dashed)"</span>
                <span class="chart__key chart__key--fall">"↓ went down"</span>
                <span class="chart__key chart__key--gap">"unreadable (line broken)"</span>
            </figcaption>
        </figure>
    }
}

/// The Results page's small line of an advertisement's views: a picture for the eye only (the
/// row's numbers say the same).
pub fn small_line(samples: &[Sample]) -> AnyView {
    let line = sparkline(samples, 120.0, 28.0);
    view! {
        <svg class="sparkline" viewBox="0 0 120 28" width="120" height="28" aria-hidden="true"
            focusable="false" data-testid="sparkline">
            <polyline points=line />
        </svg>
    }
    .into_any()
}
