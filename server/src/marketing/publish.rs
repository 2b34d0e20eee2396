//! The composers' one submission path: keep the form as a draft, and on "publish" validate it,
//! send it once, record it, and keep what the platform reported. A failed publish keeps the
//! draft and notes why. "Send a test to me" goes to `test_sends` instead ([`press`]).

use super::Composer;
use crate::audit::{AuditEvent, record_quietly};
use crate::auth::staff::Account;
use crate::change::invalid;
use crate::db::now_text;
use crate::door::{self, Applies, Ask, Described, Done, Failure, Kind, Pass, Rule};
use crate::drafts::{self, Save};
use crate::error::AppError;
use crate::model::approval::draft_subject;
use crate::model::draft::{DraftKind, Intent, Submitted, submission};
use crate::model::targeting::{PublishReport, Sent, Targeting};
use crate::state::AppState;
use crate::upstream::UpstreamError;
use crate::{landed, test_sends, zone};

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
/// or updating `target`). Times are read first in the zone the form names (the person's), with
/// or without JavaScript. On success the draft is gone and the report kept; the answer says
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
    // A test goes to its sender alone through `test_sends::send`, and never touches the draft:
    // it is never published, whoever calls this with it.
    if intent == Intent::Test {
        return Err(AppError::invalid(
            "intent",
            "A test is sent with “Send a test to me”, not published.",
        ));
    }
    let mut form = form.clone();
    form.read_in_own_zone();
    let form = &form;
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
    let publish = Publish {
        key,
        target,
        form,
        input,
        asked_by: None,
    };
    match door::run(state, who, &publish).await {
        Ok(Done::Waiting(request)) => Ok(Submitted::AwaitingApproval { request }),
        Ok(Done::Sent(sent)) => Ok(publish.submitted(sent)),
        Err(err) => {
            to_draft(kind, key);
            Err(err)
        }
    }
}

/// A composer's button (`intent`, as the form sent it), pressed by `who`: "Send a test to me"
/// sends `form` to their own test audience alone and leaves draft `key` as it was
/// ([`test_sends::send`]); "Save draft" and "Publish" go to [`submit`]. What it did is said on
/// the page the browser lands on, and the browser goes where the answer says (a test stays on
/// the composer it was sent from; without JavaScript, the composer page it posted from, with
/// the form as typed kept for it: [`back_with_form`]).
pub async fn press<F: Composer>(
    state: &AppState,
    who: &Account,
    key: &str,
    target: Option<i64>,
    intent: &str,
    form: &F,
) -> Result<Submitted, AppError> {
    let kind = F::KIND;
    let intent = submission(key, intent).map_err(invalid)?;
    let submitted = if intent == Intent::Test {
        let sent = test_sends::send(state, who, form).await;
        if landed::plain_form() {
            back_with_form(state, who, form).await;
        }
        let test = sent?;
        let reach = who.test_audience.reach(kind).unwrap_or_default();
        Submitted::test_sent(test, &reach, zone::viewer(who).zone)
    } else {
        submit(state, who, key, target, intent, form).await?
    };
    if let Some(notice) = submitted.notice() {
        landed::done(notice);
    }
    if let Some(location) = submitted.location(kind) {
        leptos_axum::redirect(&location);
    }
    Ok(submitted)
}

/// Without JavaScript, a test sent or refused would bring the browser back to a composer drawn
/// anew, empty or as saved: the form as typed is kept a while ([`test_sends::keep_form`]) and
/// the browser goes to the composer page it posted from (its `Referer`, under the kind's pages;
/// else `…/new`) with `?kept=<key>`, which shows it again. When it cannot be kept, the browser
/// lands where it posted from, as before.
async fn back_with_form<F: Composer>(state: &AppState, who: &Account, form: &F) {
    let base = F::KIND.base();
    let key = match test_sends::keep_form(state, who, form).await {
        Ok(key) => key,
        Err(err) => {
            tracing::error!("cannot keep a composer's form for a test without JavaScript: {err}");
            return;
        }
    };
    let page = landed::came_from(base).unwrap_or_else(|| format!("{base}/new"));
    leptos_axum::redirect(&format!("{page}?kept={key}"));
}

/// Draft `key`'s form published, sent once: creates an item, or updates `target`. On success the
/// draft is gone and the report kept; a failure is noted on the draft. A publish to everyone
/// waits for a second person while an administrator asks for that; a draft waiting for one is
/// sent by that request alone (`asked_by`: who asked for it, once approved).
pub struct Publish<'a, F: Composer> {
    pub key: &'a str,
    pub target: Option<i64>,
    pub form: &'a F,
    pub input: F::Input,
    pub asked_by: Option<&'a str>,
}

impl<F: Composer> Publish<'_, F> {
    /// The item it became, or why that is not known.
    pub fn submitted(&self, sent: Sent) -> Submitted {
        match sent.id.or(self.target) {
            Some(id) => Submitted::Published {
                id,
                note: sent.unread,
            },
            None => Submitted::PublishedUnread {
                key: self.key.to_owned(),
                note: unread(&sent),
            },
        }
    }
}

/// Why a publish's new id is not known.
fn unread(sent: &Sent) -> String {
    sent.unread
        .clone()
        .unwrap_or_else(|| "the answer did not say the new item's id".to_owned())
}

impl<F: Composer> Kind for Publish<'_, F> {
    type Answer = Sent;

    fn describe(&self, who: &Account) -> Described {
        let kind = F::KIND;
        let noun = kind.noun();
        let approved = self
            .asked_by
            .map_or_else(String::new, |by| format!(" (asked by {by}, approved)"));
        let action = if self.target.is_some() {
            "update"
        } else {
            "create"
        };
        let label = self.form.label();
        let mut audit = AuditEvent::new(&who.username, kind.area(), action)
            .summary(format!("published {} “{label}”{approved}", kind.as_str()));
        if let Some(id) = self.target {
            audit = audit.target(id.to_string());
        }
        let what = self
            .target
            .map_or_else(|| noun.to_owned(), |id| format!("{noun} {id}"));
        Described::new(kind.capability(), audit, what)
    }

    fn rule(&self) -> Option<Rule> {
        Some(Rule {
            action: F::GLOBAL_ACTION,
            subject: Some(draft_subject(F::KIND, self.key)),
        })
    }

    /// A publish to everyone's.
    async fn applies(&self, _: &AppState, _: &Account) -> Result<Applies, AppError> {
        if !F::reaches_everyone(&self.input) {
            return Ok(Applies::No);
        }
        Ok(Applies::Ask(Ask {
            target: self.target.map(|id| id.to_string()),
            label: self.form.label(),
            payload: F::awaiting(self.key.to_owned(), self.target, self.form.clone()),
        }))
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<Sent, UpstreamError> {
        F::publish(&state.upstream, pass, self.target, &self.input).await
    }

    fn done(&self, sent: &Sent, event: AuditEvent) -> AuditEvent {
        door::noted(event, sent.unread.as_deref())
    }

    async fn after(&self, state: &AppState, who: &Account, sent: Result<&Sent, Failure<'_>>) {
        let (kind, key) = (F::KIND, self.key);
        let sent = match sent {
            Ok(sent) => sent,
            Err(failure) => return note_error(state, key, failure.typed).await,
        };
        let Some(id) = sent.id.or(self.target) else {
            // Accepted, but which item it became is unknown: never invite a second publish.
            let note = unread(sent);
            tracing::warn!(key, %note, "published a {}, but its answer could not be read", kind.as_str());
            if let Err(err) = drafts::mark_published(&state.db, key, &note).await {
                tracing::error!("cannot mark draft {key} published: {err}");
            }
            return;
        };
        let report = report::<F>(&self.input, sent.targeting.clone(), &who.username);
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
    }
}

/// What a publish of `input` by `by` reported, kept beside the item (GET does not answer the
/// ids it was sent to).
pub(super) fn report<F: Composer>(
    input: &F::Input,
    targeting: Option<Targeting>,
    by: &str,
) -> PublishReport {
    let (sent_room_ids, sent_user_ids) = F::sent_ids(input);
    PublishReport {
        targeting,
        sent_room_ids,
        sent_user_ids,
        published_by: by.to_owned(),
        published_at: now_text(),
    }
}
