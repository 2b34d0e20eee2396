//! Server functions for badges: every badge endpoint, behind the role checks.

mod change_badge_users;
mod create_badge;
mod delete_badge;
mod get_badge;
mod list_badges;
mod live_badge;
mod update_badge;

pub use change_badge_users::*;
pub use create_badge::*;
pub use delete_badge::*;
pub use get_badge::*;
pub use list_badges::*;
pub use live_badge::*;
pub use update_badge::*;
