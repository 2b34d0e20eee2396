//! `get_calendar`: rooms, offers and advertisements on one timeline in the viewer's zone, with
//! their clashes.

use crate::error::AppError;
use crate::model::calendar::{CalendarQuery, CalendarView};
use leptos::prelude::*;

#[server(endpoint = "plan/calendar")]
pub async fn get_calendar(query: CalendarQuery) -> Result<CalendarView, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, plan, zone};
    let (state, who) = guard::require(Capability::View).await?;
    let viewer = zone::viewer(&who);
    let marketing = query.kinds.trim().is_empty()
        || query.kinds.contains("offer")
        || query.kinds.contains("advertisement");
    let all = plan::gather(&state, &who, marketing).await?;
    Ok(plan::calendar::view(
        &all,
        &query,
        viewer.zone,
        viewer.undetected,
        chrono::Utc::now(),
    ))
}
