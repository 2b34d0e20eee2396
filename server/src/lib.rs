//! The server beneath the server functions: one module per area they call into (badges, rooms,
//! marketing, exclusions, staff, …), the cross-cutting services (auth, audit, approvals, undo),
//! storage, the upstream clients, and what keeps the process running. A crate of its own: it
//! cannot import the app or the host above it.

// The two crates below, under the names the rest of the dashboard gives them.
use dashboard_error as error;
use dashboard_model as model;

pub mod approvals;
pub mod approved;
pub mod audit;
pub mod auth;
pub mod badges;
pub mod breaker;
pub mod change;
pub mod clock;
pub mod config;
pub mod db;
pub mod detach;
pub mod door;
/// Drafts and publish reports, in the storage room.
pub use db::drafts;
pub mod error_status;
pub mod exclusions;
pub mod landed;
pub mod marketing;
pub mod metrics;
pub mod plan;
pub mod read_cache;
pub mod results;
pub mod rooms;
pub mod staff;
pub mod state;
pub mod tagmango;
pub mod telemetry;
pub mod test_sends;
pub mod undo;
pub mod upstream;
/// What the in-memory copies hear from other replicas, kept in the storage room.
pub use db::versions;
pub mod watchdog;
pub mod zone;
