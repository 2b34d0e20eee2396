//! Watchers Dashboard: a web admin for projects on the Watchers chat platform (library root and hydrate entry).
#![recursion_limit = "512"]

pub mod api;
pub mod app;
pub mod components;
pub mod error;
pub mod model;
pub mod pages;
/// The emulated upstreams (Watchers), beside the server: it imports only `model`.
#[cfg(feature = "ssr")]
pub mod sandbox;
#[cfg(feature = "ssr")]
pub mod server;

/// The server (and every test and benchmark built on it) allocates with mimalloc: rendering a page
/// makes thousands of small allocations, and glibc malloc spent a fifth of the CPU on them.
#[cfg(feature = "ssr")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Browser entry point, called by Leptos' island loader before it hydrates each island of the
/// page (`<leptos-island>`). Only the islands are compiled into the WASM: the pages themselves
/// render on the server only. With no router in the browser, a server function's redirect (after
/// a publish, say) is followed as a plain navigation.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let _ = leptos::server_fn::redirect::set_redirect_hook(|location: &str| {
        let _ = leptos::prelude::window().location().set_href(location);
    });
    leptos::mount::hydrate_islands();
}
