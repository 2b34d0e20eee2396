//! Server functions for real undo: the deleted items kept per area, one kept item, its restore,
//! and a restored badge's known users given back chunk by chunk (with how far that is, live).

mod get_deleted;
mod list_deleted;
mod live_known_users;
mod restore_badge_users;
mod restore_deleted;

pub use get_deleted::*;
pub use list_deleted::*;
pub use live_known_users::*;
pub use restore_badge_users::*;
pub use restore_deleted::*;
