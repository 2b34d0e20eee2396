//! Watchers Dashboard: a web admin for projects on the Watchers chat platform. This package is
//! the host, at the top of the workspace: it assembles the app (`dashboard-app`) and the server
//! beneath it (`dashboard-server`) and serves them; the binary is `src/main.rs`.
#![recursion_limit = "512"]

pub mod host;

pub use dashboard_app::{api, app, components, pages};
/// The typed error every server function answers (`error/`).
pub use dashboard_error as error;
/// Wire types and validation (`model/`).
pub use dashboard_model as model;
/// The emulated upstreams, Watchers and TagMango (`sandbox/`).
pub use dashboard_sandbox as sandbox;
/// The server beneath the server functions (`server/`).
pub use dashboard_server as server;

/// The server (and every test and benchmark built on it) allocates with mimalloc: rendering a page
/// makes thousands of small allocations, and glibc malloc spent a fifth of the CPU on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
