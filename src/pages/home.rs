//! `/`: the overview, a card per section of the dashboard.

use crate::components::nav::SECTIONS;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text="Overview" />
        <div class="page-head">
            <h1>"Overview"</h1>
            <p class="lead">
                "Design badges, compose offers and advertisements, and run chat rooms for your Watchers project."
            </p>
        </div>
        <ul class="card-grid">
            {SECTIONS
                .iter()
                .map(|s| {
                    view! {
                        <li class="card">
                            <h2>
                                <a href=s.href>{s.label}</a>
                            </h2>
                            <p>{s.summary}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
