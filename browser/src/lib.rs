//! The browser entry: the WASM Leptos's island loader calls before it hydrates the islands.
//!
//! Only this crate is a `cdylib`, so the release build links it with LTO. The islands themselves
//! are in the app crate (`dashboard_app::components`); their `wasm_bindgen` exports come in
//! with it.

extern crate dashboard_app;

/// Called by Leptos' island loader before it hydrates each island of the page
/// (`<leptos-island>`). Only the islands are compiled into the WASM: the pages themselves render
/// on the server only. With no router in the browser, a server function's redirect (after a
/// publish, say) is followed as a plain navigation.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let _ = leptos::server_fn::redirect::set_redirect_hook(|location: &str| {
        let _ = leptos::prelude::window().location().set_href(location);
    });
    leptos::mount::hydrate_islands();
}
