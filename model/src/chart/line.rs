//! Points as SVG draws them: a run of them as a `points` attribute, thinned where readings are
//! denser than the chart is wide, and the Results page's small line of an advertisement's views.

use super::{Point, tenth};
use crate::results::Sample;

/// `points` with at most four to each column one unit wide (its first, lowest, highest and last,
/// in their order): it draws the same, with far fewer points when readings are dense.
pub(super) fn thin(points: Vec<Point>) -> Vec<Point> {
    if points.len() <= 4 {
        return points;
    }
    let mut kept = Vec::with_capacity(points.len().min(4 * 1024));
    for column in points.chunk_by(|a, b| a.x.floor() == b.x.floor()) {
        if column.len() <= 4 {
            kept.extend_from_slice(column);
            continue;
        }
        let (mut low, mut high) = (0, 0);
        for (i, p) in column.iter().enumerate() {
            if p.y < column[low].y {
                low = i;
            }
            if p.y > column[high].y {
                high = i;
            }
        }
        let mut picks = [0, low, high, column.len() - 1];
        picks.sort_unstable();
        let mut previous = None;
        for i in picks {
            if previous != Some(i) {
                kept.push(column[i]);
                previous = Some(i);
            }
        }
    }
    kept
}

/// A run of points as an SVG `points` attribute: `56,12.5 60.3,20`.
pub fn points(run: &[Point]) -> String {
    let mut text = String::with_capacity(run.len() * 12);
    for (i, p) in run.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(&format!("{},{}", p.x, p.y));
    }
    text
}

/// The Results page's small line of an advertisement's views on a `width` × `height` SVG, as a
/// `points` attribute: the readable views in time order from 0 (unreadable readings are left
/// out; the row's numbers say what the line cannot); empty when none could be read.
pub fn sparkline(samples: &[Sample], width: f64, height: f64) -> String {
    let readable: Vec<(i64, i64)> = samples
        .iter()
        .filter_map(|s| Some((s.at, s.views?)))
        .collect();
    let (Some(first), Some(last)) = (
        readable.iter().map(|r| r.0).min(),
        readable.iter().map(|r| r.0).max(),
    ) else {
        return String::new();
    };
    let high = readable.iter().map(|r| r.1).max().unwrap_or(0).max(1) as f64;
    let low = readable.iter().map(|r| r.1).min().unwrap_or(0).min(0) as f64;
    let pad = 1.0;
    let (w, h) = ((width - 2.0 * pad).max(1.0), (height - 2.0 * pad).max(1.0));
    let y_of = |v: i64| tenth(pad + h - (v as f64 - low) / (high - low) * h);
    if let [(_, only)] = readable.as_slice() {
        let y = y_of(*only);
        return points(&[
            Point { x: pad, y },
            Point {
                x: tenth(pad + w),
                y,
            },
        ]);
    }
    let x_of = |t: i64| {
        tenth(if last > first {
            pad + (t as f64 - first as f64) / (last as f64 - first as f64) * w
        } else {
            pad + w / 2.0
        })
    };
    let line: Vec<Point> = readable
        .iter()
        .map(|&(t, v)| Point {
            x: x_of(t),
            y: y_of(v),
        })
        .collect();
    points(&thin(line))
}
