//! The chart's geometry and words: no readings, one, none readable, a fall, a gap, dense readings
//! and very large numbers.

use super::*;

fn s(at: i64, views: Option<i64>, messages: Option<i64>) -> Sample {
    Sample {
        at,
        views,
        messages,
    }
}

fn when(at: i64) -> String {
    format!("T{at}")
}

const W: f64 = 640.0;
const H: f64 = 240.0;

#[test]
fn no_readings_draw_empty_axes_and_say_so() {
    let chart = Chart::draw(&[], W, H, 0);
    assert!(chart.lines.iter().all(|l| l.runs.is_empty()));
    assert_eq!(chart.lines.len(), 2);
    assert!(chart.falls.is_empty() && chart.gaps.is_empty());
    assert!(chart.x_ticks.is_empty());
    assert_eq!(chart.x_step, 0);
    let values: Vec<i64> = chart.y_ticks.iter().map(|t| t.value).collect();
    assert_eq!(values, [0, 1]);
    assert_eq!(describe(&[], when), "No readings yet.");
    assert_eq!(sparkline(&[], 120.0, 24.0), "");
}

#[test]
fn one_reading_is_a_point_in_the_middle() {
    let one = [s(1_000, Some(3), Some(1))];
    let chart = Chart::draw(&one, W, H, 0);
    let middle = (MARGIN_LEFT + W - MARGIN_RIGHT) / 2.0;
    for line in &chart.lines {
        assert_eq!(line.runs.len(), 1);
        assert_eq!(line.runs[0].len(), 1);
        assert_eq!(line.runs[0][0].x, middle);
    }
    assert_eq!(
        chart.lines[0].runs[0][0].y, MARGIN_TOP,
        "3 is the top of 0..3"
    );
    assert_eq!(
        chart.x_ticks,
        [Tick {
            value: 1_000,
            at: middle
        }]
    );
    let values: Vec<i64> = chart.y_ticks.iter().map(|t| t.value).collect();
    assert_eq!(values, [0, 1, 2, 3]);
    assert_eq!(
        describe(&one, when),
        "One reading, at T1000: views were 3 and messages were 1."
    );
    assert_eq!(sparkline(&one, 120.0, 20.0), "1,1 119,1");
}

#[test]
fn readings_run_from_the_left_edge_to_the_right_and_zero_sits_on_the_axis() {
    let samples = [
        s(0, Some(0), Some(1)),
        s(300, Some(200), Some(6)),
        s(600, Some(340), Some(12)),
    ];
    let chart = Chart::draw(&samples, W, H, 0);
    let views = &chart.lines[0].runs[0];
    assert_eq!(views.first().unwrap().x, MARGIN_LEFT);
    assert_eq!(views.last().unwrap().x, W - MARGIN_RIGHT);
    assert_eq!(views[0].y, H - MARGIN_BOTTOM);
    assert_eq!(chart.y_ticks.first().unwrap().at, H - MARGIN_BOTTOM);
    assert_eq!(chart.y_ticks.last().unwrap().at, MARGIN_TOP);
    let values: Vec<i64> = chart.y_ticks.iter().map(|t| t.value).collect();
    assert_eq!(values, [0, 100, 200, 300, 400]);
    assert_eq!(
        describe(&samples, when),
        "Views rose from 0 to 340 and messages rose from 1 to 12 between T0 and T600, over 3 readings."
    );
    assert_eq!(points(&views[..2]), "56,212 328,112");
}

#[test]
fn an_unreadable_reading_breaks_the_line_and_is_marked() {
    let samples = [
        s(0, Some(5), Some(1)),
        s(300, None, Some(2)),
        s(600, Some(4), Some(3)),
    ];
    let chart = Chart::draw(&samples, W, H, 0);
    assert_eq!(
        chart.lines[0].runs.len(),
        2,
        "views: two runs around the gap"
    );
    assert_eq!(chart.lines[1].runs.len(), 1, "messages: unbroken");
    assert_eq!(chart.lines[1].runs[0].len(), 3);
    assert_eq!(chart.gaps.len(), 1);
    assert_eq!(chart.gaps[0].index, 1);
    assert_eq!(chart.gaps[0].at, 300);
    assert_eq!(chart.gaps[0].counters, [Counter::Views]);
    // The fall is against the last readable value, across the gap.
    assert_eq!(
        readings(&samples, Counter::Views),
        [
            Reading::Value(5),
            Reading::Unreadable,
            Reading::Down { from: 5, to: 4 }
        ]
    );
    assert_eq!(chart.falls.len(), 1);
    let text = describe(&samples, when);
    assert!(text.contains("Views fell from 5 to 4"), "{text}");
    assert!(text.ends_with("1 reading could not be read."), "{text}");
    // The small line leaves the unreadable reading out.
    assert_eq!(sparkline(&samples, 120.0, 20.0).split(' ').count(), 2);
}

#[test]
fn every_reading_unreadable_draws_no_line_and_marks_each() {
    let samples = [s(0, None, None), s(3_600, None, None), s(7_200, None, None)];
    let chart = Chart::draw(&samples, W, H, 0);
    assert!(chart.lines.iter().all(|l| l.runs.is_empty()));
    assert_eq!(chart.gaps.len(), 3);
    assert_eq!(chart.gaps[0].counters, [Counter::Views, Counter::Messages]);
    assert!(!chart.x_ticks.is_empty());
    assert_eq!(
        describe(&samples, when),
        "Views could not be read and messages could not be read between T0 and T7200, over 3 \
         readings. 3 readings could not be read."
    );
    assert_eq!(sparkline(&samples, 120.0, 20.0), "");
}

#[test]
fn a_counter_that_went_down_is_drawn_down_and_marked() {
    let samples = [
        s(0, Some(10), Some(1)),
        s(300, Some(40), Some(2)),
        s(600, Some(35), Some(2)),
        s(900, Some(50), Some(1)),
    ];
    let chart = Chart::draw(&samples, W, H, 0);
    let views = &chart.lines[0].runs;
    assert_eq!(views.len(), 1, "a fall does not break the line");
    assert_eq!(views[0].len(), 4, "nor is it smoothed away");
    assert!(views[0][2].y > views[0][1].y, "35 is drawn below 40");
    let falls: Vec<(usize, Counter, i64, i64)> = chart
        .falls
        .iter()
        .map(|f| (f.index, f.counter, f.from, f.to))
        .collect();
    assert_eq!(
        falls,
        [(2, Counter::Views, 40, 35), (3, Counter::Messages, 2, 1)]
    );
    assert_eq!(chart.falls[0].at, views[0][2]);
    let text = describe(&samples, when);
    assert!(
        text.contains(" Views went down once, from 40 to 35."),
        "{text}"
    );
    assert!(
        text.contains(" Messages went down once, from 2 to 1."),
        "{text}"
    );
}

#[test]
fn large_numbers_get_round_ticks_short_labels_and_no_overflow() {
    let samples = [
        s(0, Some(1_234_567_890_123), Some(9_876_543)),
        s(60, Some(1_234_567_990_123), Some(9_876_600)),
    ];
    let chart = Chart::draw(&samples, W, H, 0);
    let values: Vec<i64> = chart.y_ticks.iter().map(|t| t.value).collect();
    assert_eq!(
        values,
        [0, 500_000_000_000, 1_000_000_000_000, 1_500_000_000_000]
    );
    let labels: Vec<String> = values.iter().map(|&v| compact(v)).collect();
    assert_eq!(labels, ["0", "500B", "1T", "1.5T"]);
    assert_eq!(group(1_234_567_890_123), "1,234,567,890,123");
    assert_eq!(group(-1_234), "-1,234");
    assert_eq!(compact(9_999), "9,999");
    assert_eq!(compact(12_500), "12.5k");
    assert_eq!(compact(2_500_000), "2.5M");
    // At the very ends of the type nothing overflows and every point stays on the plot.
    let extreme = [
        s(0, Some(i64::MAX), Some(0)),
        s(1, Some(i64::MAX - 1), None),
    ];
    let chart = Chart::draw(&extreme, W, H, 0);
    for p in chart.lines.iter().flat_map(|l| l.runs.iter().flatten()) {
        assert!(
            p.y >= MARGIN_TOP - 0.1 && p.y <= H - MARGIN_BOTTOM + 0.1,
            "{p:?}"
        );
    }
    assert!(value_ticks(i64::MIN, i64::MAX).len() >= 2);
    let _ = compact(i64::MIN);
    let _ = group(i64::MIN);
    let _ = sparkline(&extreme, 120.0, 20.0);
}

#[test]
fn values_and_times_fall_on_round_ticks() {
    assert_eq!(value_ticks(0, 12), [0, 5, 10, 15]);
    assert_eq!(value_ticks(0, 0), [0, 1]);
    assert_eq!(value_ticks(-3, 7), [-5, 0, 5, 10]);
    assert_eq!(time_step(0, 3_600), 600);
    assert_eq!(time_step(0, 90 * 86_400), 28 * 86_400);
    assert_eq!(time_step(0, 400 * 86_400), 100 * 86_400);
    assert_eq!(
        time_ticks(130, 3_730, 600, 0),
        [600, 1_200, 1_800, 2_400, 3_000, 3_600]
    );
    // A day's tick at midnight one hour ahead of UTC is 23:00 UTC.
    assert_eq!(
        time_ticks(0, 3 * 86_400, 86_400, 3_600),
        [82_800, 169_200, 255_600]
    );
    assert_eq!(time_ticks(50, 50, 60, 0), [50]);
}

#[test]
fn dense_readings_are_thinned_but_keep_their_highs_and_lows() {
    // A day of readings every 5 seconds, with one spike and one dip.
    let samples: Vec<Sample> = (0..17_280)
        .map(|i| {
            let views = match i {
                9_000 => 10_000,
                9_001 => 0,
                _ => 100 + i / 100,
            };
            s(i * 5, Some(views), Some(1))
        })
        .collect();
    let chart = Chart::draw(&samples, W, H, 0);
    let run = &chart.lines[0].runs[0];
    assert!(run.len() <= 4 * 600, "{} points", run.len());
    let top = run.iter().map(|p| p.y).fold(f64::MAX, f64::min);
    let bottom = run.iter().map(|p| p.y).fold(f64::MIN, f64::max);
    assert_eq!(
        top,
        chart.y_ticks.iter().find(|t| t.value == 10_000).unwrap().at
    );
    assert_eq!(bottom, H - MARGIN_BOTTOM);
    assert!(sparkline(&samples, 120.0, 24.0).split(' ').count() <= 4 * 120);
    assert!(chart.x_ticks.len() <= 7);
}

#[test]
fn time_and_pace_read_as_words() {
    assert_eq!(duration(45), "45 s");
    assert_eq!(duration(300), "5 min");
    assert_eq!(duration(8_100), "2 h 15 min");
    assert_eq!(duration(7_200), "2 h");
    assert_eq!(duration(3 * 86_400 + 4 * 3_600 + 120), "3 d 4 h");
    assert_eq!(duration(86_400), "1 d");
    assert_eq!(ago(0, 8_100), "2 h 15 min ago");
    assert_eq!(ago(8_100, 0), "in 2 h 15 min");
    assert_eq!(ago(100, 102), "just now");
    assert_eq!(every(300), "every 5 minutes");
    assert_eq!(every(60), "every minute");
    assert_eq!(every(3_600), "every hour");
    assert_eq!(every(2), "every 2 seconds");
    assert_eq!(every(90), "every 90 seconds");
}
