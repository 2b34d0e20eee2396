//! The Leptos app of Watchers Dashboard: its pages, its islands and the server functions they
//! call. Built twice: with `ssr` for the server (the host renders it), with `hydrate` for the
//! browser (the islands, through `browser/`).
#![recursion_limit = "512"]

pub mod api;
pub mod app;
pub mod components;
pub mod pages;

/// The typed error every server function answers, a crate of its own (browser and server).
pub use dashboard_error as error;
/// Wire types and validation, a crate of its own shared by the browser and the server.
pub use dashboard_model as model;
/// The server beneath the server functions, a crate of its own (server only).
#[cfg(feature = "ssr")]
pub use dashboard_server as server;
