//! Server functions for the drafts both composers keep.

mod delete_draft;
mod list_drafts;

pub use delete_draft::*;
pub use list_drafts::*;
