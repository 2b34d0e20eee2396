//! `/results`: advertisements side by side: when each was sent, its newest views and messages,
//! views per message and a small line of its views; put in order by any of those columns with
//! links (`?sort=views&dir=desc`) and limited to a date range with a GET form (days in the
//! viewer's zone), so all of it works without JavaScript.

use crate::api::results::list_results;
use crate::components::chart::small_line;
use crate::components::error_panel::ErrorPanel;
use crate::model::chart::every;
use crate::model::query::encode;
use crate::model::readings::{Dir, ResultsQuery, ResultsView, SortBy, newest};
use crate::model::zone::{Tz, parse_zone, show_in};
use crate::pages::advertisements::results::{per_message_text, reading_text};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ResultsPage() -> impl IntoView {
    let params = use_query_map();
    let query = move || {
        params.with(|q| ResultsQuery {
            from: q.get("from").unwrap_or_default(),
            to: q.get("to").unwrap_or_default(),
            sort: q.get("sort").unwrap_or_default(),
            dir: q.get("dir").unwrap_or_default(),
        })
    };
    let data = Resource::new(query, list_results);
    view! {
        <Title text="Results" />
        <div class="page-head">
            <p class="muted"><a href="/advertisements">"← Advertisements"</a></p>
            <h1>"Results"</h1>
            <p class="lead">"Advertisements side by side: views, messages and views per message as the dashboard last read them."</p>
        </div>
        <Suspense fallback=|| view! { <p class="muted">"Gathering the readings…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move { data.await.map(results) })}
            </ErrorBoundary>
        </Suspense>
    }
}

/// The page's address for order `by`, `dir`, keeping the date range.
fn href(q: &ResultsQuery, by: SortBy, dir: Dir) -> String {
    format!(
        "/results?from={}&to={}&sort={}&dir={}",
        encode(&q.from),
        encode(&q.to),
        by.as_str(),
        dir.as_str()
    )
}

/// The date field `name` (`from`, `to`): what was typed stays, and a day that could not be read
/// is named beside it (the field then takes text, so what was typed can be corrected).
fn date_field(v: &ResultsView, name: &'static str, label: &'static str) -> AnyView {
    let typed = if name == "from" {
        &v.query.from
    } else {
        &v.query.to
    };
    let problem = v
        .problems
        .iter()
        .find(|(field, _)| field == name)
        .map(|(_, message)| message.clone());
    let error_id = format!("results-{name}-error");
    let kind = if problem.is_some() { "text" } else { "date" };
    let invalid = problem.is_some().then_some("true");
    let described = problem.is_some().then(|| error_id.clone());
    view! {
        <label class="field">
            <span>{label}</span>
            <input type=kind name=name value=typed.clone() aria-invalid=invalid aria-describedby=described />
            {problem.map(|message| view! {
                <span class="field-error" id=error_id role="alert" data-field=name>{message}</span>
            })}
        </label>
    }
    .into_any()
}

/// The heading of column `by`: a link that puts the table in order by it (the other way round
/// when it already is), and `aria-sort` on the column it is in order by.
fn heading(v: &ResultsView, by: SortBy) -> AnyView {
    let sorted = v.sort == by;
    let next = if sorted { v.dir.flip() } else { Dir::Desc };
    let arrow = match (sorted, v.dir) {
        (false, _) => "",
        (true, Dir::Asc) => " ↑",
        (true, Dir::Desc) => " ↓",
    };
    view! {
        <th scope="col" aria-sort=sorted.then(|| v.dir.aria()) data-sort=by.as_str()>
            <a href=href(&v.query, by, next)>{by.label()}</a>
            <span aria-hidden="true">{arrow}</span>
        </th>
    }
    .into_any()
}

fn results(v: ResultsView) -> impl IntoView {
    let zone = parse_zone(&v.zone).unwrap_or(Tz::UTC);
    let zone_note = format!(
        "Days and times in {}, with UTC beside the times. ",
        v.zone_label
    );
    let pace = every(v.every_seconds);
    let headings = SortBy::ALL
        .into_iter()
        .map(|by| heading(&v, by))
        .collect_view();
    let clear = format!("/results?sort={}&dir={}", v.sort.as_str(), v.dir.as_str());
    let fields = (
        date_field(&v, "from", "From (day)"),
        date_field(&v, "to", "To (day)"),
    );
    let caption = format!(
        "Advertisements in order by {} ({}), counters as last read",
        v.sort.label().to_lowercase(),
        v.dir.aria()
    );
    let empty = v.rows.is_empty();
    let rows = v
        .rows
        .iter()
        .map(|row| {
            let newest = newest(&row.samples);
            let (views, messages, per_message) = match newest {
                None => ("no readings yet".to_owned(), "—".to_owned(), "—".to_owned()),
                Some((views, messages)) => (
                    reading_text(views),
                    reading_text(messages),
                    per_message_text(views.value(), messages.value()),
                ),
            };
            let sent = row
                .sent_at
                .as_deref()
                .map_or_else(|| "—".to_owned(), |t| show_in(zone, t));
            view! {
                <tr data-testid="results-row" data-ad=row.id.to_string()>
                    <th scope="row"><a href=format!("/advertisements/{}", row.id)>{row.label.clone()}</a></th>
                    <td>{sent}</td>
                    <td data-testid="results-views">{views}</td>
                    <td data-testid="results-messages">{messages}</td>
                    <td data-testid="results-per-message">{per_message}</td>
                    <td>{small_line(&row.samples)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {v.detect_zone.then(|| view! { <script src="/zone.js" defer></script> })}
        <p class="muted" data-testid="results-zone">
            {zone_note}
            <a href="/account">{if v.detect_zone { "Choose your time zone" } else { "Change your time zone" }}</a>
        </p>
        <form method="get" action="/results" class="form form--inline filters" data-testid="results-filters">
            <input type="hidden" name="sort" value=v.sort.as_str() />
            <input type="hidden" name="dir" value=v.dir.as_str() />
            {fields}
            <button class="button" type="submit">"Show"</button>
            <a class="button button--quiet" href=clear>"All days"</a>
        </form>
        {empty.then(|| view! {
            <p class="panel panel--empty" data-testid="results-empty">
                {format!("No advertisement has readings to show here yet. The dashboard reads the counters {pace}.")}
            </p>
        })}
        <table class="table" data-testid="results-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Advertisement"</th>
                    {headings}
                    <th scope="col">"Views over time"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <p class="muted">{format!("Readings are taken {pace}; each advertisement's page has its chart, its readings and a CSV of them.")}</p>
    }
}
