//! Rooms for moderators: the registry with statuses, create and schedule, detail, agenda.

pub mod agenda;
pub mod detail;
pub mod list;
pub mod new;

use crate::model::room::RoomStatus;
use leptos::prelude::*;

/// A room's status at a glance.
#[component]
pub fn StatusPill(status: Option<RoomStatus>) -> impl IntoView {
    let (class, label) = match status {
        Some(RoomStatus::Live) => ("pill pill--live", "LIVE"),
        Some(RoomStatus::Soon) => ("pill pill--soon", "SOON"),
        Some(RoomStatus::Ended) => ("pill pill--ended", "ENDED"),
        Some(RoomStatus::Disabled) => ("pill pill--disabled", "DISABLED"),
        Some(RoomStatus::Other) => ("pill", "UNKNOWN"),
        None => ("pill pill--failed", "NOT FOUND"),
    };
    view! { <span class=class data-testid="room-status">{label}</span> }
}
