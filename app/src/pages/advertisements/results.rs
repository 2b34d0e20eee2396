//! The advertisement page's "Results" section: how long ago it was sent, views per message, and
//! the readings the dashboard took of its counters, as a chart drawn on the server, as a table of
//! the same readings (a counter that went down or could not be read says so), and as CSV. Before
//! the first reading it says when readings are taken.

use crate::api::results::get_ad_results;
use crate::components::chart::{ResultsChart, when};
use crate::components::table::captioned_table;
use crate::error::AppError;
use crate::model::advertisement::Advertisement;
use crate::model::chart::{Counter, Reading, ago, every, group, readings};
use crate::model::readings::AdReadings;
use crate::model::results::{Sample, views_per_message};
use crate::model::time::parse_iso;
use crate::model::zone::Tz;
use leptos::prelude::*;

/// The most readings the table lists, the newest; the CSV has them all.
const TABLE_ROWS: usize = 500;

/// The Results section of advertisement `ad`, times in `zone`.
pub fn ad_results(ad: &Advertisement, zone: Tz) -> AnyView {
    let (id, sent) = (ad.id, ad.send_time.clone());
    let (views, messages) = (ad.views_length, ad.messages_length);
    view! { <AdResults id sent views messages zone /> }.into_any()
}

/// A reading as the table writes it: `1,234`, `unreadable`, `35 ↓ went down from 40`.
pub fn reading_text(reading: Reading) -> String {
    match reading {
        Reading::Unreadable => "unreadable".to_owned(),
        Reading::Value(v) => group(v),
        Reading::Down { from, to } => format!("{} ↓ went down from {}", group(to), group(from)),
    }
}

/// A counter as Watchers answered it now: its number, or `unreadable`.
fn counted(counter: Option<i64>) -> String {
    counter.map_or_else(|| "unreadable".to_owned(), group)
}

/// Views per message, to a tenth; `—` when it cannot be worked out.
pub fn per_message_text(views: Option<i64>, messages: Option<i64>) -> String {
    views_per_message(views, messages).map_or_else(|| "—".to_owned(), |v| format!("{v:.1}"))
}

/// The section: the readings are fetched apart from the advertisement, so a failure to read them
/// leaves the rest of the page as it is.
#[component]
fn AdResults(
    id: i64,
    sent: Option<String>,
    views: Option<i64>,
    messages: Option<i64>,
    zone: Tz,
) -> impl IntoView {
    let readings = Resource::new(move || id, get_ad_results);
    view! {
        <section class="panel results" aria-labelledby="results-heading" data-testid="ad-results">
            <h2 id="results-heading">"Results"</h2>
            <Suspense fallback=|| view! { <p class="muted">"Reading the results…"</p> }>
                {move || {
                    let sent = sent.clone();
                    Suspend::new(async move {
                        results(id, readings.await, sent, (views, messages), zone)
                    })
                }}
            </Suspense>
        </section>
    }
}

fn results(
    id: i64,
    answer: Result<AdReadings, AppError>,
    sent: Option<String>,
    (views, messages): (Option<i64>, Option<i64>),
    zone: Tz,
) -> AnyView {
    let AdReadings {
        samples,
        every_seconds,
        now,
    } = match answer {
        Ok(answer) => answer,
        Err(err) => {
            return view! {
                <p class="warning" role="status" data-testid="results-unreadable">
                    {format!("The readings could not be shown: {err}")}
                </p>
            }
            .into_any();
        }
    };
    let since = match sent.as_deref().map(|t| (t, parse_iso(t))) {
        None => "No send time is set.".to_owned(),
        Some((_, Some(t))) => {
            format!(
                "{} ({})",
                ago(t.timestamp(), now),
                when(zone, t.timestamp())
            )
        }
        Some((text, None)) => format!("At “{text}”, which is not a time this dashboard can read."),
    };
    let pace = every(every_seconds);
    let count = match samples.len() {
        1 => "1 reading".to_owned(),
        n => format!("{} readings", group(n as i64)),
    };
    let csv = format!("/advertisements/{id}/results.csv");
    let body = if samples.is_empty() {
        view! {
            <p class="muted" data-testid="no-readings">
                {format!("The dashboard reads the counters {pace}; the first reading comes soon.")}
            </p>
        }
        .into_any()
    } else {
        let table = readings_table(&samples, zone);
        view! {
            <ResultsChart samples zone />
            <details class="results__table" data-testid="readings">
                <summary>"The same readings as a table"</summary>
                {table}
            </details>
        }
        .into_any()
    };
    view! {
        <dl class="facts">
            <dt>"Sent"</dt><dd data-testid="since-sent">{since}</dd>
            <dt>"Views per message"</dt>
            <dd data-testid="views-per-message">
                {format!(
                    "{} ({} views, {} messages, as Watchers counts them now)",
                    per_message_text(views, messages),
                    counted(views),
                    counted(messages)
                )}
            </dd>
            <dt>"Readings"</dt><dd data-testid="reading-count">{format!("{count}, taken {pace}")}</dd>
        </dl>
        {body}
        <p>
            <a class="button button--quiet" href=csv download=format!("advertisement-{id}-results.csv")
                data-testid="results-csv">"Download CSV"</a>
        </p>
    }
    .into_any()
}

/// Every reading (the newest `TABLE_ROWS`, newest first), times in `zone` with UTC beside.
fn readings_table(samples: &[Sample], zone: Tz) -> AnyView {
    let views = readings(samples, Counter::Views);
    let messages = readings(samples, Counter::Messages);
    let shown = samples.len().min(TABLE_ROWS);
    let rows = samples
        .iter()
        .zip(views.into_iter().zip(messages))
        .rev()
        .take(TABLE_ROWS)
        .map(|(sample, (v, m))| {
            let look = |r: Reading| match r {
                Reading::Unreadable => "reading reading--unreadable",
                Reading::Down { .. } => "reading reading--down",
                Reading::Value(_) => "reading",
            };
            view! {
                <tr data-testid="reading-row">
                    <th scope="row">{when(zone, sample.at)}</th>
                    <td class=look(v) data-testid="reading-views">{reading_text(v)}</td>
                    <td class=look(m) data-testid="reading-messages">{reading_text(m)}</td>
                    <td>{per_message_text(v.value(), m.value())}</td>
                </tr>
            }
        })
        .collect_view();
    let caption = if shown < samples.len() {
        format!(
            "The newest {shown} of {} readings, newest first (the CSV has them all)",
            group(samples.len() as i64)
        )
    } else {
        "Every reading, newest first".to_owned()
    };
    captioned_table(
        "readings-table",
        caption,
        &["Time", "Views", "Messages", "Views per message"],
        rows,
    )
}
