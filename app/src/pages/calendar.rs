//! `/calendar`: rooms, offers and advertisements on one timeline (day, week or month) in the
//! viewer's time zone (chosen on their account page) with UTC beside, filtered by kind and room,
//! with the clashes in view and a table of the same items. Server-rendered; navigation and
//! filters are links and a GET form.

use crate::api::plan::get_calendar;
use crate::components::error_panel::ErrorPanel;
use crate::components::plan::ClashList;
use crate::components::timeline::{ItemTable, Timeline};
use crate::model::calendar::{CalendarQuery, CalendarView, Kind, Span};
use crate::model::query::encode;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The calendar's address for `view` and `date`, keeping the filters.
fn href(v: &CalendarView, span: Span, date: chrono::NaiveDate) -> String {
    let kinds: Vec<&str> = v.filter.kinds.iter().map(|k| k.as_str()).collect();
    format!(
        "/calendar?view={}&date={date}&kinds={}&room={}",
        span.as_str(),
        encode(&kinds.join(",")),
        encode(v.filter.room.as_deref().unwrap_or(""))
    )
}

#[component]
pub fn CalendarPage() -> impl IntoView {
    let params = use_query_map();
    let query = move || {
        params.with(|q| CalendarQuery {
            view: q.get("view").unwrap_or_default(),
            date: q.get("date").unwrap_or_default(),
            // Checkboxes send `kind` once per box; links carry them joined as `kinds`.
            kinds: q
                .get_all("kind")
                .filter(|k| !k.is_empty())
                .map(|k| k.join(","))
                .or_else(|| q.get("kinds"))
                .unwrap_or_default(),
            room: q.get("room").unwrap_or_default(),
        })
    };
    let data = Resource::new(query, get_calendar);
    view! {
        <Title text="Calendar" />
        <div class="page-head">
            <h1>"Calendar"</h1>
            <p class="lead">"Rooms, offers and advertisements on one timeline, with the clashes between them."</p>
        </div>
        <Suspense fallback=|| view! { <p class="muted">"Gathering rooms, offers and advertisements…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move { data.await.map(calendar) })}
            </ErrorBoundary>
        </Suspense>
    }
}

fn problem(v: &CalendarView, field: &str) -> Option<impl IntoView + use<>> {
    let message = v.problems.iter().find(|(f, _)| f == field)?.1.clone();
    Some(
        view! { <span class="field-error" role="alert" data-field=field.to_owned()>{message}</span> },
    )
}

fn calendar(v: CalendarView) -> impl IntoView {
    let clashing: Vec<String> = v.clashes.iter().flat_map(|c| c.keys.clone()).collect();
    let switcher = Span::ALL.map(|span| {
        let current = (span == v.span).then_some("page");
        view! { <a class="button button--quiet" href=href(&v, span, v.anchor) aria-current=current>{span.label()}</a> }
    });
    let kinds = Kind::ALL.map(|kind| view! {
        <label class="check-label">
            <input type="checkbox" name="kind" value=kind.as_str() checked=v.filter.shows(kind) />
            {kind.plural()}
        </label>
    });
    let room_choice = v.filter.room.clone().unwrap_or_default();
    let rooms = v
        .rooms
        .iter()
        .map(|(id, name)| {
            let label = if id == name {
                id.clone()
            } else {
                format!("{name} ({id})")
            };
            view! { <option value=id.clone() selected=*id == room_choice>{label}</option> }
        })
        .collect_view();
    let caption = format!(
        "{}: every item in view, times in {} with UTC beside",
        v.title, v.zone_label
    );
    let empty = v.board.rows.is_empty();
    view! {
        {v.detect_zone.then(|| view! { <script src="/zone.js" defer></script> })}
        <nav class="calendar-nav" aria-label="Calendar views" data-testid="calendar-nav">
            <div class="button-row">{switcher}</div>
            <div class="button-row">
                <a class="button button--quiet" href=href(&v, v.span, v.prev) rel="prev">"← Earlier"</a>
                <a class="button button--quiet" href=href(&v, v.span, v.today)>"Today"</a>
                <a class="button button--quiet" href=href(&v, v.span, v.next) rel="next">"Later →"</a>
            </div>
        </nav>
        <h2 data-testid="calendar-title">{v.title.clone()}</h2>
        <p class="muted" data-testid="calendar-zone">
            {format!("Times in {}, with UTC beside them in the list. ", v.zone_label)}
            <a href="/account">{if v.detect_zone { "Choose your time zone" } else { "Change your time zone" }}</a>
        </p>
        <form method="get" action="/calendar" class="form form--inline filters" data-testid="calendar-filters">
            <input type="hidden" name="view" value=v.span.as_str() />
            <fieldset class="field">
                <legend>"Show"</legend>
                {kinds}
            </fieldset>
            <label class="field">
                <span>"Room"</span>
                <select name="room">
                    <option value="">"All rooms"</option>
                    {rooms}
                </select>
            </label>
            <label class="field">
                <span>"Date (empty: today)"</span>
                // Today stays empty, so after a change of time zone today is today there.
                <input type="date" name="date"
                    value=if v.anchor == v.today { String::new() } else { v.anchor.to_string() } />
                {problem(&v, "date")}
            </label>
            <button class="button" type="submit">"Show"</button>
        </form>
        {problem(&v, "view")}
        {v.notes.iter().map(|n| view! { <p class="notice" role="status">{n.clone()}</p> }).collect_view()}
        <ClashList clashes=v.clashes.clone() heading="Clashes in view" />
        {empty.then(|| view! { <p class="muted" data-testid="calendar-empty">"Nothing is planned in this view."</p> })}
        <Timeline board=v.board.clone() items=v.items.clone() clashing=clashing.clone() />
        {(!v.board.unscheduled.is_empty()).then(|| view! {
            <p class="muted" data-testid="unscheduled">"Not on the timeline, no time known: "
                {v.board.unscheduled.iter().map(|&i| {
                    let item = &v.items[i];
                    let name = if item.test { format!("Test: {}", item.title) } else { item.title.clone() };
                    view! { <a href=item.href.clone()>{name}</a>" " }
                }).collect_view()}
            </p>
        })}
        <ItemTable board=v.board items=v.items clashing caption />
    }
}
