//! Server functions for excluding users from all marketing offers.

mod list_exclusions;
mod set_exclusion;

pub use list_exclusions::*;
pub use set_exclusion::*;
