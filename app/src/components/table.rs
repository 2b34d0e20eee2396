//! The shape the pages' tables share: a caption, a heading for each column, and the rows.

use leptos::prelude::*;

/// A table (`data-testid` `testid`) captioned `caption`, with a column heading for each of
/// `headings` and `rows` as its body.
pub fn captioned_table(
    testid: &'static str,
    caption: String,
    headings: &[&'static str],
    rows: impl IntoView + 'static,
) -> AnyView {
    let headings = headings
        .iter()
        .map(|heading| view! { <th scope="col">{*heading}</th> })
        .collect_view();
    view! {
        <table class="table" data-testid=testid>
            <caption>{caption}</caption>
            <thead>
                <tr>{headings}</tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
