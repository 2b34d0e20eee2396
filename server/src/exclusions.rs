//! Users excluded from marketing through the dashboard: the API takes the change but has no list
//! to read back, so the dashboard keeps its own.

use super::audit::AuditEvent;
use super::auth::staff::Account;
use super::door::{Change, send};
use super::state::AppState;
use crate::db::exclusions::remember;
/// The dashboard's own list, in the storage room.
pub use crate::db::exclusions::{last_set, list};
use crate::error::AppError;
use crate::model::audit::AuditArea;
use crate::model::exclusion::MarketingExclusion;
use crate::model::staff::Capability;

/// Excludes `user_id` from all marketing offers (`excluded`) or includes them again, then
/// remembers it for the exclusion page.
pub async fn set(
    state: &AppState,
    who: &Account,
    user_id: String,
    excluded: bool,
) -> Result<(), AppError> {
    let (action, verb) = if excluded {
        ("exclude", "excluded")
    } else {
        ("include", "included again")
    };
    let described = Change::new(
        who,
        Capability::EditExclusions,
        AuditEvent::new(&who.username, AuditArea::Exclusions, action)
            .target(&user_id)
            .summary(format!("{verb} user {user_id} from marketing offers")),
        format!("User {user_id}"),
    )?;
    let body = MarketingExclusion {
        decrypted_user_id: user_id.clone(),
        value: excluded,
    };
    send(state, described, |pass| {
        state.upstream.set_marketing_exclusion(pass, &body)
    })
    .await?;
    if let Err(err) = remember(&state.db, &user_id, excluded, &who.username).await {
        tracing::error!("cannot remember an exclusion: {err}");
    }
    Ok(())
}
