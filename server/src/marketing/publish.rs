//! The composers' one submission path: keep the form as a draft, and on "publish" validate it,
//! send it once, record it, and keep what the platform reported. A failed publish keeps the
//! draft and notes why.

use super::Composer;
use crate::audit::{AuditEvent, record_quietly};
use crate::auth::staff::Account;
use crate::change::invalid;
use crate::db::now_text;
use crate::door::{self, Applies, Ask, Gate};
use crate::door::{Change, send_noted};
use crate::drafts::{self, Save};
use crate::error::AppError;
use crate::model::approval::draft_subject;
use crate::model::draft::{DraftKind, Intent, Submitted};
use crate::model::targeting::PublishReport;
use crate::state::AppState;

/// Notes on draft `key` why its publish failed.
async fn note_error(state: &AppState, key: &str, err: &AppError) {
    if let Err(db_err) = drafts::set_error(&state.db, key, &err.to_string()).await {
        tracing::error!("cannot note why a publish failed: {db_err}");
    }
}

/// Notes on draft `key` why its publish failed, and hands the error back, sending a browser
/// without JavaScript to the draft's page ([`to_draft`]).
async fn kept(state: &AppState, kind: DraftKind, key: &str, err: AppError) -> AppError {
    note_error(state, key, &err).await;
    to_draft(kind, key);
    err
}

/// A browser without JavaScript goes to draft `key`'s page, which shows why it was not
/// published; with JavaScript the error status stands and the composer shows it in place.
fn to_draft(kind: DraftKind, key: &str) {
    leptos_axum::redirect(&format!("{}/drafts/{key}", kind.base()));
}

/// Saves `form` as draft `key` and, when `intent` is to publish, publishes it (creating an item,
/// or updating `target`). On success the draft is gone and the report kept; the answer says
/// where the browser goes next.
pub async fn submit<F: Composer>(
    state: &AppState,
    who: &Account,
    key: &str,
    target: Option<i64>,
    intent: Intent,
    form: &F,
) -> Result<Submitted, AppError> {
    let kind = F::KIND;
    if intent == Intent::Publish
        && let Some(note) = drafts::published_note(&state.db, key).await?
    {
        return Err(AppError::invalid(
            "intent",
            format!(
                "This draft was already published (Watchers accepted it, but its answer could not be read: {note}). Find the {} in the list instead of publishing it again.",
                kind.as_str()
            ),
        ));
    }
    let label = form.label();
    let save = Save {
        key,
        kind,
        target_id: target,
        label: &label,
        form,
        by: &who.username,
    };
    if !drafts::save(&state.db, save).await? {
        return Err(AppError::invalid(
            "draft_key",
            "That draft belongs to another section.",
        ));
    }
    if intent == Intent::SaveDraft {
        let event = AuditEvent::new(&who.username, kind.area(), "save draft")
            .target(key)
            .summary(format!("saved a draft {} “{label}”", kind.as_str()));
        record_quietly(&state.db, event).await;
        return Ok(Submitted::DraftSaved {
            key: key.to_owned(),
        });
    }
    let input = match form.to_input() {
        Ok(input) => input,
        Err(problems) => return Err(kept(state, kind, key, invalid(problems)).await),
    };
    // A draft waiting for a second person is sent by that request alone: never asked for
    // again, nor sent beside it (whatever its audience now).
    let subject = draft_subject(kind, key);
    let applies = || async {
        if !F::reaches_everyone(&input) {
            return Ok(Applies::No);
        }
        Ok(Applies::Ask(Ask {
            target: target.map(|id| id.to_string()),
            subject: Some(subject.clone()),
            label: label.clone(),
            payload: F::awaiting(key.to_owned(), target, form.clone()),
        }))
    };
    let gate = door::gate(state, who, F::GLOBAL_ACTION, Some(&subject), applies)
        .await
        .inspect_err(|_| to_draft(kind, key))?;
    if let Gate::Waiting(request) = gate {
        return Ok(Submitted::AwaitingApproval { request });
    }
    send(state, who, key, target, form, &input, None)
        .await
        .inspect_err(|_| to_draft(kind, key))
}

/// Publishes `input` (draft `key`'s form), sent once: creates an item, or updates `target`. On
/// success the draft is gone and the report kept; a failure is noted on the draft. `asked_by`:
/// who asked for it, when `who` approved someone else's request.
pub async fn send<F: Composer>(
    state: &AppState,
    who: &Account,
    key: &str,
    target: Option<i64>,
    form: &F,
    input: &F::Input,
    asked_by: Option<&str>,
) -> Result<Submitted, AppError> {
    let kind = F::KIND;
    let label = form.label();
    let noun = kind.noun();
    let approved = asked_by.map_or_else(String::new, |by| format!(" (asked by {by}, approved)"));
    let mut audit = AuditEvent::new(
        &who.username,
        kind.area(),
        if target.is_some() { "update" } else { "create" },
    )
    .summary(format!("published {} “{label}”{approved}", kind.as_str()));
    if let Some(id) = target {
        audit = audit.target(id.to_string());
    }
    let what = target.map_or_else(|| noun.to_owned(), |id| format!("{noun} {id}"));
    let described = Change::new(who, kind.capability(), audit, what)?;
    let call = |pass| F::publish(&state.upstream, pass, target, input);
    let sent = match send_noted(state, described, call, |sent| sent.unread.clone()).await {
        Ok(sent) => sent,
        Err(err) => {
            note_error(state, key, &err).await;
            return Err(err);
        }
    };
    let Some(id) = sent.id.or(target) else {
        // Accepted, but which item it became is unknown: never invite a second publish.
        let note = sent
            .unread
            .unwrap_or_else(|| "the answer did not say the new item's id".to_owned());
        tracing::warn!(key, %note, "published a {}, but its answer could not be read", kind.as_str());
        if let Err(err) = drafts::mark_published(&state.db, key, &note).await {
            tracing::error!("cannot mark draft {key} published: {err}");
        }
        return Ok(Submitted::PublishedUnread {
            key: key.to_owned(),
            note,
        });
    };
    let (sent_room_ids, sent_user_ids) = F::sent_ids(input);
    let report = PublishReport {
        targeting: sent.targeting,
        sent_room_ids,
        sent_user_ids,
        published_by: who.username.clone(),
        published_at: now_text(),
    };
    if let Err(err) = drafts::save_report(&state.db, kind, id, &report).await {
        tracing::error!(
            "published {} {id} but cannot keep its report: {err}",
            kind.as_str()
        );
    }
    if let Err(err) = drafts::delete(&state.db, kind, key).await {
        tracing::error!(
            "published {} {id} but cannot remove its draft: {err}",
            kind.as_str()
        );
    }
    Ok(Submitted::Published {
        id,
        note: sent.unread,
    })
}
