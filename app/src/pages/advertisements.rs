//! The advertisement pages: list (status, messages, views) with drafts, detail (preview per
//! language, targeting report, results over time, delete), and the composer.

pub mod compose;
pub mod detail;
pub mod list;
pub mod results;
