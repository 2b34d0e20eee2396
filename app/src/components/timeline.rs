//! The calendar's two views of the same items: a timeline of local days (bars you can follow to
//! the item's page) and an accessible table with every time in the viewer's zone and UTC.

use crate::model::calendar::{Bar, Board, Item, Kind, LabelAt};
use leptos::prelude::*;

const LANE_REM: f64 = 1.75;

fn bar_class(item: &Item, bar: &Bar, clashing: bool) -> String {
    let look = match (item.kind, item.status.as_deref()) {
        (Kind::Room, Some("LIVE")) => "live",
        (Kind::Room, Some("SOON")) => "soon",
        (Kind::Room, Some("ENDED")) => "ended",
        (Kind::Room, _) => "other",
        (Kind::Offer, _) => "offer",
        (Kind::Advertisement, _) => "advertisement",
    };
    let clash = if clashing { " agenda-bar--clash" } else { "" };
    let point = if item.point { " agenda-bar--point" } else { "" };
    // A test ("Send a test to me") is drawn dashed; its label says "Test:" too.
    let test = if item.test { " agenda-bar--test" } else { "" };
    // In the day's right half its tooltip opens leftwards, inside the track.
    let end = if bar.left + bar.width / 2.0 > 50.0 {
        " agenda-bar--end"
    } else {
        ""
    };
    let label = bar.label.as_str();
    format!("agenda-bar agenda-bar--{look} agenda-bar--{label}{point}{test}{end}{clash}")
}

/// What the item is, for its link's name, its tooltip and its row: `Final · LIVE (room)`.
fn described(item: &Item) -> String {
    format!("{} ({})", item.label(), item.kind.as_str())
}

/// A bar: its label inside it, or beside it when it is short (the model judges), and its full
/// text, with its times, as its name, its `title` and a tooltip on hover and focus.
fn bar_view(bar: Bar, item: &Item, when: &str, clashing: bool) -> impl IntoView + use<> {
    let full = format!("{}, {when}", described(item));
    let text = format!(
        "{}{}{}",
        if bar.from_before { "← " } else { "" },
        item.label(),
        if bar.goes_on { " →" } else { "" }
    );
    // A point is a marker of its own size at its moment.
    let width = match item.point {
        true => String::new(),
        false => format!(" width: {:.2}%;", bar.width),
    };
    let style = format!(
        "left: {:.2}%;{width} top: {:.2}rem",
        bar.left,
        bar.lane as f64 * LANE_REM
    );
    // A label beside its bar keeps to the track: `cqw` is a hundredth of the track's width.
    let room = match bar.label {
        LabelAt::Inside => String::new(),
        LabelAt::After => format!("max-width: {:.2}cqw", 100.0 - bar.left - bar.width),
        LabelAt::Before => format!("max-width: {:.2}cqw", bar.left),
    };
    let class = bar_class(item, &bar, clashing);
    let shape = if item.point { "point" } else { "bar" };
    let (title, name, tip) = (full.clone(), full.clone(), full);
    view! {
        <a class=class href=item.href.clone() style=style title=title aria-label=name
            data-testid="calendar-bar" data-key=item.key.clone() data-label=bar.label.as_str()
            data-shape=shape>
            <span class="agenda-bar__label" style=room data-testid="calendar-bar-label">{text}</span>
            <span class="agenda-bar__tip" aria-hidden="true" data-testid="calendar-bar-tip">{tip}</span>
        </a>
    }
}

/// The days of `board`, each a track of bars; `clashing` holds the keys of items with a clash.
#[component]
pub fn Timeline(board: Board, items: Vec<Item>, clashing: Vec<String>) -> impl IntoView {
    // When each item in view is, for its tooltip: a point's moment, or from and until.
    let mut when = vec![String::new(); items.len()];
    for row in &board.rows {
        when[row.item] = match items[row.item].point {
            true => format!("at {}", row.from),
            false => format!("{} – {}", row.from, row.until),
        };
    }
    let days = board.days.into_iter().map(|day| {
        let height = (day.lanes.max(1) as f64) * LANE_REM;
        let hours = (day.hours != 24).then(|| format!(" ({} h)", day.hours));
        let bars = day.bars.into_iter().map(|bar| {
            let item = &items[bar.item];
            let when = &when[bar.item];
            bar_view(bar, item, when, clashing.contains(&item.key))
        }).collect_view();
        view! {
            <div class="agenda-day" data-testid="calendar-day" data-date=day.date.to_string()>
                <div class="agenda-day__label">{day.label}{hours}</div>
                <div class="agenda-day__track" style=format!("height: {height:.2}rem")>
                    {day.now.map(|now| view! { <span class="agenda-now" style=format!("left: {now:.2}%") title="Now" data-testid="calendar-now"></span> })}
                    {bars}
                </div>
            </div>
        }
    }).collect_view();
    view! {
        <div class="agenda" data-testid="calendar-timeline">
            <div class="agenda-hours" aria-hidden="true">
                {[0, 6, 12, 18].map(|h| view! { <span style=format!("left: {}%", h as f64 * 100.0 / 24.0)>{format!("{h:02}:00")}</span> })}
            </div>
            {days}
        </div>
    }
}

/// The same items as a table: what, from, until (viewer's zone, UTC beside), and a clash flag.
#[component]
pub fn ItemTable(
    board: Board,
    items: Vec<Item>,
    clashing: Vec<String>,
    caption: String,
) -> impl IntoView {
    let rows = board
        .rows
        .into_iter()
        .map(|row| {
            let item = &items[row.item];
            let clash = clashing.contains(&item.key).then_some("Clash, see above");
            view! {
                <tr data-testid="calendar-row" data-key=item.key.clone()>
                    <td><a href=item.href.clone()>{described(item)}</a></td>
                    <td>{row.from}</td>
                    <td>{row.until}</td>
                    <td>{clash.unwrap_or("—")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table" data-testid="calendar-list">
            <caption>{caption}</caption>
            <thead><tr><th scope="col">"Item"</th><th scope="col">"From"</th><th scope="col">"Until"</th><th scope="col">"Clash"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
