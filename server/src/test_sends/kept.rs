//! What a person typed in a composer, kept for an hour when they sent a test without JavaScript:
//! their browser goes back to the composer with `?kept=<key>`, and the composer shows the form
//! again, on success and on refusal. A test never touches the draft, so the draft cannot keep it.

use crate::auth::staff::Account;
use crate::db::kept_forms;
use crate::error::AppError;
use crate::model::draft::{ComposerForm, DraftKind, is_draft_key};
use crate::state::AppState;

/// How long a typed form is kept.
pub const KEEP_SECONDS: i64 = 3600;

/// Keeps `form` as `who` typed it (its times read in the zone it names, as a draft keeps them)
/// for [`KEEP_SECONDS`], forgetting the forms whose time ran out; answers its key.
pub async fn keep_form<F: ComposerForm>(
    state: &AppState,
    who: &Account,
    form: &F,
) -> Result<String, AppError> {
    let mut form = form.clone();
    form.read_in_own_zone();
    let json = serde_json::to_string(&form).map_err(|_| AppError::Internal)?;
    let now = state.clock.now();
    kept_forms::forget_before(&state.db, now).await?;
    let until = now.saturating_add(KEEP_SECONDS);
    Ok(kept_forms::keep(&state.db, F::KIND, &who.username, &json, until).await?)
}

/// The form of `kind` that `who` kept as `key` (JSON), while it is kept; `None` when it is gone,
/// expired, of another kind or someone else's.
pub async fn kept_form(
    state: &AppState,
    who: &Account,
    kind: DraftKind,
    key: &str,
) -> Result<Option<String>, AppError> {
    if !is_draft_key(key) {
        return Ok(None);
    }
    let now = state.clock.now();
    Ok(kept_forms::take(&state.db, key, kind, &who.username, now).await?)
}
