//! Server entry point of the `watchers-dashboard` binary.
// Deep view types are monomorphised here in release builds.
#![recursion_limit = "512"]

/// How long the runtime may take to stop once serving has ended: a worker that never returns (a
/// deadlock in a dependency, say) must not keep the process alive after SIGTERM.
#[cfg(feature = "ssr")]
const RUNTIME_STOP_LIMIT: std::time::Duration = std::time::Duration::from_secs(2);

#[cfg(feature = "ssr")]
fn main() -> std::process::ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("watchers-dashboard: cannot start the runtime: {err}");
            return std::process::ExitCode::from(1);
        }
    };
    let code = runtime.block_on(watchers_dashboard::host::cli::main());
    runtime.shutdown_timeout(RUNTIME_STOP_LIMIT);
    code
}

#[cfg(not(feature = "ssr"))]
fn main() {
    // The browser half is started by `hydrate()` in browser/src/lib.rs; the binary needs `ssr`.
}
