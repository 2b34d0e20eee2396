//! `/rooms/agenda`: the registered rooms today and the next 7 days on a timeline in the viewer's
//! time zone (the calendar's, rooms only), SOON, LIVE and ENDED told apart by colour and label,
//! now marked, and the same rooms in a table with UTC beside.

use crate::api::plan::get_calendar;
use crate::components::error_panel::ErrorPanel;
use crate::components::timeline::{ItemTable, Timeline};
use crate::model::calendar::{CalendarQuery, CalendarView};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AgendaPage() -> impl IntoView {
    let query = CalendarQuery {
        view: "agenda".into(),
        kinds: "room".into(),
        ..CalendarQuery::default()
    };
    let rooms = Resource::new(move || query.clone(), get_calendar);
    view! {
        <Title text="Agenda" />
        <div class="page-head">
            <p class="muted"><a href="/rooms">"← Rooms"</a></p>
            <h1>"Agenda"</h1>
            <p class="lead">"Scheduled rooms today and the next 7 days. The red line is now. "
                <a href="/calendar">"The calendar"</a>" shows offers and advertisements too."</p>
        </div>
        <Suspense fallback=|| view! { <p class="muted">"Asking Watchers about the rooms…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move { rooms.await.map(agenda) })}
            </ErrorBoundary>
        </Suspense>
    }
}

fn agenda(v: CalendarView) -> impl IntoView {
    let caption = format!(
        "Rooms {}, times in {} with UTC beside",
        v.title, v.zone_label
    );
    view! {
        {v.detect_zone.then(|| view! { <script src="/zone.js" defer></script> })}
        <p class="muted" data-testid="calendar-zone">{format!("Times in {}.", v.zone_label)}</p>
        {v.notes.iter().map(|n| view! { <p class="notice" role="status">{n.clone()}</p> }).collect_view()}
        <Timeline board=v.board.clone() items=v.items.clone() clashing=vec![] />
        {(!v.board.unscheduled.is_empty()).then(|| view! {
            <section class="panel">
                <h2>"Not scheduled"</h2>
                <ul>
                    {v.board.unscheduled.iter().map(|&i| {
                        let item = &v.items[i];
                        let status = item.status.clone().unwrap_or_else(|| "?".into());
                        view! { <li><a href=item.href.clone()>{item.title.clone()}</a>{format!(" · {status}")}</li> }
                    }).collect_view()}
                </ul>
            </section>
        })}
        <ItemTable board=v.board items=v.items clashing=vec![] caption />
    }
}
