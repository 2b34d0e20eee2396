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

/// The badge id of the current route (`/badges/:id…`); 0 when it is not a number.
pub fn route_badge_id() -> impl Fn() -> i64 + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || {
        use leptos::prelude::With;
        params.with(|p| {
            p.get("id")
                .and_then(|id| id.parse::<i64>().ok())
                .unwrap_or(0)
        })
    }
}
