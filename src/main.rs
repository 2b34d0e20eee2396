//! Server entry point of the `watchers-dashboard` binary.
// Deep view types are monomorphised here in release builds.
#![recursion_limit = "512"]

#[cfg(feature = "ssr")]
#[tokio::main]
async fn main() -> std::process::ExitCode {
    watchers_dashboard::server::cli::main().await
}

#[cfg(not(feature = "ssr"))]
fn main() {
    // The browser half is started by `hydrate()` in lib.rs; the binary needs the `ssr` feature.
}
