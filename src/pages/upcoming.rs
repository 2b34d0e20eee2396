//! A section whose work has not landed yet says so plainly instead of pretending to work.

use crate::components::nav::section;
use leptos::prelude::*;
use leptos_meta::Title;

/// The page of the section served at `href` until its own page lands.
#[component]
pub fn UpcomingPage(href: &'static str) -> impl IntoView {
    let (label, summary) = section(href)
        .map(|s| (s.label, s.summary))
        .unwrap_or(("This section", ""));
    view! {
        <Title text=label />
        <div class="page-head">
            <h1>{label}</h1>
            <p class="lead">{summary}</p>
        </div>
        <section class="panel panel--empty" data-testid="not-yet-available">
            <h2>"Not available yet"</h2>
            <p>
                {format!(
                    "{label} is not part of this release of the dashboard. Nothing on this page talks to Watchers yet.",
                )}
            </p>
        </section>
    }
}
