//! `/rooms/agenda`: the registered rooms by day, today and the next 7 days (UTC), on a timeline;
//! SOON, LIVE and ENDED told apart by colour and label, the current time marked.

use super::StatusPill;
use crate::api::rooms::list_rooms;
use crate::components::error_panel::ErrorPanel;
use crate::model::query::encode;
use crate::model::room::{Room, RoomStatus};
use crate::model::time::parse_room_time;
use chrono::{DateTime, Duration, NaiveTime, Utc};
use leptos::prelude::*;
use leptos_meta::Title;

/// Where a room sits on one day: left edge and width in percent of the day.
fn span(room: &Room, day: DateTime<Utc>) -> Option<(f64, f64)> {
    let start = parse_room_time(room.start_time.as_deref()?)?;
    let end = room
        .end_time
        .as_deref()
        .and_then(parse_room_time)
        .unwrap_or(start + Duration::hours(1));
    let day_end = day + Duration::days(1);
    if end <= day || start >= day_end {
        return None;
    }
    let pct = |t: DateTime<Utc>| (t - day).num_seconds() as f64 / 864.0;
    let left = pct(start.max(day));
    let right = pct(end.min(day_end));
    Some((left, (right - left).max(0.8)))
}

fn status_class(status: Option<RoomStatus>) -> &'static str {
    match status {
        Some(RoomStatus::Live) => "agenda-bar agenda-bar--live",
        Some(RoomStatus::Soon) => "agenda-bar agenda-bar--soon",
        Some(RoomStatus::Ended) => "agenda-bar agenda-bar--ended",
        _ => "agenda-bar agenda-bar--other",
    }
}

#[component]
pub fn AgendaPage() -> impl IntoView {
    let rooms = Resource::new(|| (), |_| list_rooms());
    view! {
        <Title text="Agenda" />
        <div class="page-head">
            <p class="muted"><a href="/rooms">"← Rooms"</a></p>
            <h1>"Agenda"</h1>
            <p class="lead">"Scheduled rooms today and the next 7 days, in UTC. The red line is now."</p>
        </div>
        <Suspense fallback=|| view! { <p class="muted">"Asking Watchers about the rooms…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move { rooms.await.map(|list| view! { <Timeline rooms=list.rooms /> }) })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn Timeline(rooms: Vec<Room>) -> impl IntoView {
    let now = Utc::now();
    let today = now.date_naive().and_time(NaiveTime::MIN).and_utc();
    let now_pct = (now - today).num_seconds() as f64 / 864.0;
    let unscheduled: Vec<Room> = rooms
        .iter()
        .filter(|r| r.start_time.is_none())
        .cloned()
        .collect();
    view! {
        <div class="agenda" data-testid="agenda">
            <div class="agenda-hours" aria-hidden="true">
                {[0, 6, 12, 18].map(|h| view! { <span style=format!("left: {}%", h as f64 * 100.0 / 24.0)>{format!("{h:02}:00")}</span> })}
            </div>
            {(0..8).map(|d| {
                let day = today + Duration::days(d);
                let label = if d == 0 { format!("Today, {}", day.format("%a %d %b")) } else { day.format("%a %d %b").to_string() };
                let bars: Vec<_> = rooms.iter().filter_map(|r| span(r, day).map(|s| (r.clone(), s))).collect();
                view! {
                    <div class="agenda-day" data-testid="agenda-day">
                        <div class="agenda-day__label">{label}</div>
                        <div class="agenda-day__track">
                            {(d == 0).then(|| view! { <span class="agenda-now" style=format!("left: {now_pct:.2}%") title="Now" data-testid="agenda-now"></span> })}
                            {bars.into_iter().map(|(r, (left, width))| {
                                let name = r.name.clone().unwrap_or_else(|| r.room_id.clone());
                                let status = r.status.map(RoomStatus::as_str).unwrap_or("?");
                                view! {
                                    <a class=status_class(r.status) href=format!("/rooms/{}", encode(&r.room_id))
                                        style=format!("left: {left:.2}%; width: {width:.2}%")
                                        title=format!("{name}: {status}") data-testid="agenda-room">
                                        {format!("{name} · {status}")}
                                    </a>
                                }
                            }).collect_view()}
                        </div>
                    </div>
                }
            }).collect_view()}
        </div>
        {(!unscheduled.is_empty()).then(|| view! {
            <section class="panel">
                <h2>"Not scheduled"</h2>
                <ul>
                    {unscheduled.into_iter().map(|r| view! {
                        <li><a href=format!("/rooms/{}", encode(&r.room_id))>{r.name.clone().unwrap_or_else(|| r.room_id.clone())}</a> " " <StatusPill status=r.status /></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
