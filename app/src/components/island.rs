//! What the islands share: the scripts a page with islands loads, and the marker each island sets
//! once it runs in the browser. Pages render on the server only; islands are the only code
//! compiled to WASM, and a page without one loads no script at all.

use leptos::prelude::*;

/// The island loader and the WASM it fetches, for a page that holds at least one island (pages
/// render on the server only, where the site's options are in the app's state).
#[component]
pub fn IslandScripts() -> impl IntoView {
    #[cfg(feature = "ssr")]
    let options =
        use_context::<crate::server::state::AppState>().map(|state| state.leptos_options.clone());
    #[cfg(not(feature = "ssr"))]
    let options: Option<LeptosOptions> = None;
    options.map(|options| view! { <HydrationScripts options islands=true /> })
}

/// The attribute of `<html>` that counts the islands running in the browser.
pub const READY_ATTRIBUTE: &str = "data-islands-ready";

/// Counts this island in `<html data-islands-ready>` once it runs in the browser: a page is
/// interactive when the count equals its number of `<leptos-island>` elements. Call it first
/// thing in every island.
pub fn mark_ready() {
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let count = root
                .get_attribute(READY_ATTRIBUTE)
                .and_then(|v| v.parse::<u32>().ok())
                .unwrap_or(0);
            let _ = root.set_attribute(READY_ATTRIBUTE, &(count + 1).to_string());
        }
    });
}
