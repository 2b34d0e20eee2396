//! Reusable views shared by several pages.

pub mod badge_editor;
pub mod badge_preview;
pub mod badge_users;
pub mod error_panel;
pub mod form;
pub mod header;
pub mod nav;
