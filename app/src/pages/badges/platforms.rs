//! The switch between the badge studio's two platforms, at the top of both badge lists.

use leptos::prelude::*;

/// "Watchers | TagMango", with the current one marked.
#[component]
pub fn PlatformSwitch(tagmango: bool) -> impl IntoView {
    let current = |on: bool| if on { Some("page") } else { None };
    view! {
        <nav class="tabs" aria-label="Badge platform">
            <a class="tabs__tab" href="/badges" aria-current=current(!tagmango)>"Watchers"</a>
            <a class="tabs__tab" href="/badges/tagmango" aria-current=current(tagmango) data-testid="switch-tagmango">"TagMango"</a>
        </nav>
    }
}
