//! Reusable views shared by several pages.

pub mod error_panel;
pub mod header;
pub mod nav;
