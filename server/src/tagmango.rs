//! TagMango badges on behalf of staff: reads, and every change (sent once, audited under the
//! TagMango area so the log names the platform).

use super::audit::AuditEvent;
use super::auth::staff::Account;
use super::change::{for_viewer, read_from};
use super::door::{self, Described, Kind, Pass};
use super::read_cache::Call;
use super::state::AppState;
use super::upstream::UpstreamError;
use super::upstream::tagmango::Created as MangoCreated;
use crate::error::AppError;
use crate::model::audit::AuditArea;
use crate::model::deployment::Platform;
use crate::model::loose::Listed;
use crate::model::staff::Capability;
use crate::model::tagmango::{MangoBadge, MangoBadgeInput, is_object_id};

/// What a change by `who` to a TagMango badge (`id`, when it has one yet) is.
fn badge_change(
    who: &Account,
    action: &'static str,
    id: Option<&str>,
    summary: String,
) -> Described {
    let mut audit = AuditEvent::new(&who.username, AuditArea::TagMango, action).summary(summary);
    if let Some(id) = id {
        audit = audit.target(id);
    }
    let what = id.map_or_else(
        || "TagMango badge".to_owned(),
        |id| format!("TagMango badge {id}"),
    );
    Described::new(Capability::EditBadges, audit, what).to(Platform::TagMango)
}

/// Every badge of the creator, each read on its own (see [`for_viewer`]).
pub async fn list(state: &AppState, who: &Account) -> Result<Vec<Listed<MangoBadge>>, AppError> {
    Ok(for_viewer(who, all(state).await?))
}

/// TagMango's whole badge list, for a page: kept a short while (`state.reads`), so the list and
/// each badge's page, which both read it, ask TagMango (and its rate limit) once between them.
async fn all(state: &AppState) -> Result<Vec<Listed<MangoBadge>>, AppError> {
    let call = state.tagmango.list_badges();
    let kept = state.reads.get(Call::new("TagMango badges", ""), call);
    read_from(Platform::TagMango, "TagMango badges", kept).await
}

/// Badge `id`: the API has no route for one badge, so it is found in the list.
pub async fn get(state: &AppState, id: &str) -> Result<MangoBadge, AppError> {
    let not_found = || AppError::NotFound {
        what: format!("TagMango badge {}", id.chars().take(24).collect::<String>()),
    };
    if !is_object_id(id) {
        return Err(not_found());
    }
    all(state)
        .await?
        .into_iter()
        .filter_map(Listed::into_read)
        .find(|badge| badge.id == id)
        .ok_or_else(not_found)
}

/// Creates a badge; answers its id, or `None` when TagMango accepted it but its answer could not
/// be read (a success all the same, audited with why).
pub async fn create(
    state: &AppState,
    who: &Account,
    input: MangoBadgeInput,
) -> Result<Option<String>, AppError> {
    let created = door::run(state, who, &Create(input)).await?.sent()?;
    Ok(created.id)
}

/// A new TagMango badge.
struct Create(MangoBadgeInput);

impl Kind for Create {
    type Answer = MangoCreated;

    fn describe(&self, who: &Account) -> Described {
        let summary = format!("created TagMango badge “{}”", self.0.name);
        badge_change(who, "create", None, summary)
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<MangoCreated, UpstreamError> {
        state.tagmango.create_badge(pass, &self.0).await
    }

    fn done(&self, created: &MangoCreated, event: AuditEvent) -> AuditEvent {
        door::noted(event, created.unread.as_deref())
    }
}

pub async fn update(
    state: &AppState,
    who: &Account,
    id: &str,
    input: MangoBadgeInput,
) -> Result<(), AppError> {
    door::run(state, who, &Update { id, input }).await?.sent()
}

/// TagMango badge `id` as `input` says.
struct Update<'a> {
    id: &'a str,
    input: MangoBadgeInput,
}

impl Kind for Update<'_> {
    type Answer = ();

    fn describe(&self, who: &Account) -> Described {
        let summary = format!("updated TagMango badge “{}”", self.input.name);
        badge_change(who, "update", Some(self.id), summary)
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<(), UpstreamError> {
        state
            .tagmango
            .update_badge(pass, self.id, &self.input)
            .await
    }
}
