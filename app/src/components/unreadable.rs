//! A list row for a record the dashboard could not read: its id when known, what could not be
//! read, and (for administrators) the record as it came, behind a disclosure.

use crate::model::loose::{Listed, Unreadable};
use leptos::prelude::*;

/// The row of an unreadable record in a table of `columns` columns.
#[component]
pub fn UnreadableRow(record: Unreadable, columns: usize, noun: &'static str) -> impl IntoView {
    let Unreadable { id, problem, raw } = record;
    let what = match &id {
        Some(id) => format!("{noun} {id} could not be read"),
        None => format!(
            "A {} without a readable id could not be read",
            noun.to_lowercase()
        ),
    };
    view! {
        <tr class="row--unreadable" data-testid="unreadable-row" data-record-id=id.clone().unwrap_or_default()>
            <td colspan=columns.to_string()>
                <p class="warning" role="note">
                    <strong>{what}</strong>
                    {format!(": {problem}. The other records are shown as usual.")}
                </p>
                {raw.map(|raw| view! {
                    <details>
                        <summary>"As it came from the API"</summary>
                        <pre class="raw-json">{raw}</pre>
                    </details>
                })}
            </td>
        </tr>
    }
}

/// Draws each record of `records` with `row`, and each unreadable one as an [`UnreadableRow`].
pub fn rows<T, V: IntoView + 'static>(
    records: Vec<Listed<T>>,
    columns: usize,
    noun: &'static str,
    row: impl Fn(T) -> V,
) -> impl IntoView {
    records
        .into_iter()
        .map(|record| match record {
            Listed::Read(item) => row(item).into_any(),
            Listed::Unreadable(u) => view! { <UnreadableRow record=u columns noun /> }.into_any(),
        })
        .collect_view()
}
