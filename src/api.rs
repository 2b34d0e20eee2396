//! Server functions: the dashboard's public surface, one verb-named function per file. Each one
//! checks its caller first (see `server::auth::guard`).

pub mod audit;
pub mod auth;
pub mod badges;
pub mod rooms;
pub mod staff;
pub mod system;
