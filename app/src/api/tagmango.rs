//! Server functions for TagMango badges: list, one, create and update (the API has no delete),
//! behind the same role checks as Watchers badges.

mod create_mango_badge;
mod get_mango_badge;
mod list_mango_badges;
mod live_mango_badge;
mod update_mango_badge;

pub use create_mango_badge::*;
pub use get_mango_badge::*;
pub use list_mango_badges::*;
pub use live_mango_badge::*;
pub use update_mango_badge::*;
