//! Server functions for marketing offers (templates 10 and 11), behind the role checks.

mod delete_offer;
mod get_offer;
mod get_offer_draft;
mod list_offers;
mod live_offer;
mod submit_offer;

pub use delete_offer::*;
pub use get_offer::*;
pub use get_offer_draft::*;
pub use list_offers::*;
pub use live_offer::*;
pub use submit_offer::*;
