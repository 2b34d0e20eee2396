//! Server functions for planning across kinds: the calendar, clash warnings for an item or a
//! composer's draft, and "why won't it show?".

mod check_plan;
mod explain_item;
mod get_calendar;
mod item_clashes;

pub use check_plan::*;
pub use explain_item::*;
pub use get_calendar::*;
pub use item_clashes::*;
