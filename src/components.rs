//! Reusable views shared by several pages.

pub mod error_panel;
pub mod form;
pub mod header;
pub mod nav;
