//! Server functions for advertisements (multi-language, and template 12 winshare).

mod delete_advertisement;
mod get_advertisement;
mod get_advertisement_draft;
mod list_advertisements;
mod live_advertisement;
mod submit_advertisement;

pub use delete_advertisement::*;
pub use get_advertisement::*;
pub use get_advertisement_draft::*;
pub use list_advertisements::*;
pub use live_advertisement::*;
pub use submit_advertisement::*;
