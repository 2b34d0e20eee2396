//! The calendar's two views of the same items: a timeline of local days (bars you can follow to
//! the item's page) and an accessible table with every time in the viewer's zone and UTC.

use crate::model::calendar::{Board, Item, Kind};
use leptos::prelude::*;

const LANE_REM: f64 = 1.75;

fn bar_class(item: &Item, clashing: bool) -> String {
    let look = match (item.kind, item.status.as_deref()) {
        (Kind::Room, Some("LIVE")) => "live",
        (Kind::Room, Some("SOON")) => "soon",
        (Kind::Room, Some("ENDED")) => "ended",
        (Kind::Room, _) => "other",
        (Kind::Offer, _) => "offer",
        (Kind::Advertisement, _) => "advertisement",
    };
    let clash = if clashing { " agenda-bar--clash" } else { "" };
    format!("agenda-bar agenda-bar--{look}{clash}")
}

/// What a bar and a list row say the item is: `Offer · Big match`, `Room · Final · LIVE`.
fn label(item: &Item) -> String {
    let kind = match item.kind {
        Kind::Room => "Room",
        Kind::Offer => "Offer",
        Kind::Advertisement => "Ad",
    };
    match &item.status {
        Some(status) => format!("{kind} · {} · {status}", item.title),
        None => format!("{kind} · {}", item.title),
    }
}

/// The days of `board`, each a track of bars; `clashing` holds the keys of items with a clash.
#[component]
pub fn Timeline(board: Board, items: Vec<Item>, clashing: Vec<String>) -> impl IntoView {
    let days = board.days.into_iter().map(|day| {
        let height = (day.lanes.max(1) as f64) * LANE_REM;
        let hours = (day.hours != 24).then(|| format!(" ({} h)", day.hours));
        let bars = day.bars.into_iter().map(|bar| {
            let item = &items[bar.item];
            let text = format!(
                "{}{}{}",
                if bar.from_before { "← " } else { "" },
                label(item),
                if bar.goes_on { " →" } else { "" }
            );
            let style = format!(
                "left: {:.2}%; width: {:.2}%; top: {:.2}rem",
                bar.left,
                bar.width,
                bar.lane as f64 * LANE_REM
            );
            view! {
                <a class=bar_class(item, clashing.contains(&item.key)) href=item.href.clone() style=style
                    title=label(item) data-testid="calendar-bar" data-key=item.key.clone()>{text}</a>
            }
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
                    <td><a href=item.href.clone()>{label(item)}</a></td>
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
