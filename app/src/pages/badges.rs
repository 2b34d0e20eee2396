//! The badge studio's pages: Watchers badges (list, detail with users and delete, new, edit) and
//! TagMango badges (list, detail, new, edit), with a switch between the two platforms.

pub mod detail;
pub mod edit;
pub mod list;
pub mod platforms;
pub mod tagmango;
pub mod tagmango_edit;

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
