//! `restore_badge_users`: gives a restored badge the next chunk of the users the dashboard knew
//! it had; the page calls it until all are back (without JavaScript, one button press a chunk).

use crate::error::AppError;
use crate::model::undo::KnownUsers;
use leptos::prelude::*;

#[server(endpoint = "undo/badge-users")]
pub async fn restore_badge_users(id: i64) -> Result<KnownUsers, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, landed, undo};
    let (state, who) = guard::require(Capability::View).await?;
    let progress = undo::restore_users(&state, &who, id).await?;
    landed::done(format!(
        "Sent: {} of {} known users given back.",
        progress.sent, progress.total
    ));
    Ok(progress)
}
