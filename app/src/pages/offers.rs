//! The offer pages: list with drafts, detail (preview, targeting report, delete), and the
//! composer for a new offer, a saved draft, or changes to a published offer.

pub mod compose;
pub mod detail;
pub mod list;
