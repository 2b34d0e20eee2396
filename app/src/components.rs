//! Reusable views shared by several pages.

pub mod ad_composer;
pub mod badge_editor;
pub mod badge_preview;
pub mod badge_users;
pub mod chart;
pub mod delete_panel;
pub mod draft_list;
pub mod error_panel;
pub mod form;
pub mod header;
pub mod island;
pub mod live;
pub mod live_composer;
pub mod mango_editor;
pub mod marketing_preview;
pub mod nav;
pub mod offer_composer;
pub mod plan;
pub mod room_form;
pub mod table;
pub mod targeting_report;
pub mod test_sends;
pub mod time_zone;
pub mod timeline;
pub mod undo;
pub mod unreadable;
