//! `/`: the overview, a card per section of the dashboard.

use crate::components::header::use_me;
use crate::components::nav::visible_sections;
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
        <Suspense>
        <ul class="card-grid">
            {move || Suspend::new(async move {
                let role = use_me().await.ok().flatten().map(|me| me.role);
                role.map(|role| visible_sections(role)
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
                .collect_view())
            })}
        </ul>
        </Suspense>
    }
}
