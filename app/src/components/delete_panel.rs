//! The "Delete" panel of a detail page: closed until asked, then the question and the form
//! (`children`) that confirms it.

use leptos::prelude::*;

#[component]
pub fn DeletePanel(
    /// What is deleted, e.g. `offer “Big match”`.
    what: String,
    /// The question asked before the confirming button.
    question: String,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="panel panel--danger">
            <h2>"Delete"</h2>
            <details>
                <summary class="button button--quiet">{format!("Delete {what}…")}</summary>
                <p>{question}</p>
                {children()}
            </details>
        </section>
    }
}
