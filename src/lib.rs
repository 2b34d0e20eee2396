//! Watchers Dashboard: a web admin for projects on the Watchers chat platform (the Leptos app and its server).
#![recursion_limit = "512"]

pub mod api;
pub mod app;
pub mod components;
/// The typed error every server function answers, a crate of its own (browser and server).
pub use dashboard_error as error;
/// Wire types and validation, a crate of its own shared by the browser and the server.
pub use dashboard_model as model;
#[cfg(feature = "ssr")]
pub mod host;
pub mod pages;
/// The emulated upstreams (Watchers and TagMango), a crate of their own that imports only `model`.
#[cfg(feature = "ssr")]
pub use dashboard_sandbox as sandbox;
/// The server beneath the server functions, a crate of its own (server only).
#[cfg(feature = "ssr")]
pub use dashboard_server as server;

/// The server (and every test and benchmark built on it) allocates with mimalloc: rendering a page
/// makes thousands of small allocations, and glibc malloc spent a fifth of the CPU on them.
#[cfg(feature = "ssr")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
