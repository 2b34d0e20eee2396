//! Server functions for advertisement results: the readings the dashboard takes of each
//! advertisement's counters, for its page and for the Results page.

mod get_ad_results;
mod list_results;

pub use get_ad_results::*;
pub use list_results::*;
