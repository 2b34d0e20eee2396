//! The badge studio's pages: list, detail (users, delete), new and edit.

pub mod detail;
pub mod edit;
pub mod list;

/// A trigger in a few words.
pub fn trigger_summary(trigger: Option<&crate::model::badge::BadgeTrigger>) -> String {
    match trigger {
        Some(t) if t.first_message == Some(true) => "On first message".into(),
        Some(t) if t.message_count.is_some() => {
            format!("After {} messages", t.message_count.unwrap_or_default())
        }
        _ => "By hand".into(),
    }
}
