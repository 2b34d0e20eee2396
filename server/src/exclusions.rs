//! Users excluded from marketing through the dashboard: the API takes the change but has no list
//! to read back, so the dashboard keeps its own.

use super::audit::AuditEvent;
use super::auth::staff::Account;
use super::door::{self, Described, Failure, Kind, Pass};
use super::state::AppState;
use super::upstream::UpstreamError;
use super::zone::Viewer;
/// What the dashboard last set for a user, in the storage room.
pub use crate::db::exclusions::last_set;
use crate::db::exclusions::remember;
use crate::error::AppError;
use crate::model::audit::AuditArea;
use crate::model::exclusion::{Exclusions, MarketingExclusion};
use crate::model::staff::Capability;
use crate::model::time::parse_iso;
use crate::model::zone::{both_zones, describe_zone};

/// The users changed through the dashboard, the most recent first, each time in `viewer`'s zone
/// with UTC beside.
pub async fn list(state: &AppState, viewer: &Viewer) -> Result<Exclusions, AppError> {
    let mut entries = crate::db::exclusions::list(&state.db).await?;
    for e in &mut entries {
        e.changed = parse_iso(&e.changed_at)
            .map_or_else(|| e.changed_at.clone(), |t| both_zones(viewer.zone, t));
    }
    Ok(Exclusions {
        entries,
        zone_label: describe_zone(viewer.zone, chrono::Utc::now()),
        detect_zone: viewer.undetected,
    })
}

/// Excludes `user_id` from all marketing offers (`excluded`) or includes them again, then
/// remembers it for the exclusion page.
pub async fn set(
    state: &AppState,
    who: &Account,
    user_id: String,
    excluded: bool,
) -> Result<(), AppError> {
    let body = MarketingExclusion {
        decrypted_user_id: user_id,
        value: excluded,
    };
    door::run(state, who, &Exclusion(body)).await?.sent()
}

/// A user left out of marketing offers, or let in again.
struct Exclusion(MarketingExclusion);

impl Kind for Exclusion {
    type Answer = ();

    fn describe(&self, who: &Account) -> Described {
        let user_id = &self.0.decrypted_user_id;
        let (action, verb) = if self.0.value {
            ("exclude", "excluded")
        } else {
            ("include", "included again")
        };
        let audit = AuditEvent::new(&who.username, AuditArea::Exclusions, action)
            .target(user_id)
            .summary(format!("{verb} user {user_id} from marketing offers"));
        Described::new(Capability::EditExclusions, audit, format!("User {user_id}"))
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<(), UpstreamError> {
        state.upstream.set_marketing_exclusion(pass, &self.0).await
    }

    async fn after(&self, state: &AppState, who: &Account, sent: Result<&(), Failure<'_>>) {
        let (user_id, excluded) = (&self.0.decrypted_user_id, self.0.value);
        if sent.is_ok()
            && let Err(err) = remember(&state.db, user_id, excluded, &who.username).await
        {
            tracing::error!("cannot remember an exclusion: {err}");
        }
    }
}
