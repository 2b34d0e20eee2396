//! What a page shows instead of its content when something in it failed.

use leptos::prelude::*;

/// The fallback of the app's error boundary: every error in plain language, and a way on.
#[component]
pub fn ErrorPanel(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let messages = move || {
        errors
            .get()
            .into_iter()
            .map(|(_, err)| view! { <li>{err.to_string()}</li> })
            .collect_view()
    };
    view! {
        <section class="panel panel--error" role="alert">
            <h1>"Something went wrong"</h1>
            <p>"This page could not be shown. Reload to try again, or go back to the overview."</p>
            <ul class="error-list">{messages}</ul>
            <p>
                <a href="/">"Back to the overview"</a>
            </p>
        </section>
    }
}
