//! The key an upstream write needs: only the door makes one, so nothing but the door can write.

/// Lets one write through to a platform: every write of the upstream clients takes one by value
/// and spends it. Neither `Clone` nor `Copy`, and made only by the door, as it sends a change:
///
/// ```compile_fail
/// let pass = dashboard_server::door::Pass::new(); // private to the door
/// ```
///
/// ```compile_fail
/// fn twice(pass: dashboard_server::door::Pass) -> (dashboard_server::door::Pass, dashboard_server::door::Pass) {
///     (pass, pass) // one pass, one write
/// }
/// ```
#[derive(Debug)]
pub struct Pass(());

impl Pass {
    pub(super) fn new() -> Self {
        Pass(())
    }

    /// A pass with no door: for the upstream clients' own contract tests and the benchmark's
    /// baseline, which call a client directly with no member of staff behind the call. `make lint`
    /// refuses it anywhere in the dashboard's own code (`tools/check-architecture.sh`).
    pub fn outside_the_door() -> Self {
        Pass(())
    }
}
