//! Server functions: the dashboard's public surface, one verb-named function per file. Each one
//! checks its caller first (see `server::auth::guard`).

pub mod advertisements;
pub mod approvals;
pub mod audit;
pub mod auth;
pub mod badges;
pub mod drafts;
pub mod exclusions;
pub mod offers;
pub mod plan;
pub mod results;
pub mod rooms;
pub mod staff;
pub mod system;
pub mod tagmango;
pub mod test_sends;
pub mod undo;
