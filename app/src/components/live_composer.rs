//! The marketing composers' frame, drawn on the server and brought to life by the live island: the hidden fields that carry the draft and the zone, the clashes, the
//! buttons, the preview's frame, and the parts its live answer redraws. Each kind adds its fields
//! and preview. It posts as a plain form; where a press lands says how it ended.

use super::live::{LiveForm, live_answer, problem, readiness, refusal_note, refused_at};
use super::marketing_preview::PayloadView;
use super::plan::clash_outcome;
use super::time_zone::{utc_hint, zone_line};
use crate::api::plan::check_plan;
use crate::error::AppError;
use crate::model::clash::Clash;
use crate::model::draft::{ComposerForm, DraftKind, INTENT_DRAFT, INTENT_PUBLISH, INTENT_TEST};
use crate::model::staff::TestAudience;
use crate::model::time::LocalTime;
use crate::model::validate::Problems;
use leptos::prelude::*;

/// What a composer drawn on the server draws of its kind, beside the frame they share.
pub trait LiveKind: ComposerForm {
    /// The form's element id, which the island finds it by.
    const FORM_ID: &'static str;
    /// The server function it posts to (its path).
    const ACTION: &'static str;
    /// The server function that answers its live parts (its path).
    const ANSWER: &'static str;
    /// The item as chat users would see it, from exactly the payload that would be sent.
    fn preview(payload: &Self::Input) -> AnyView;
    /// That payload, as text.
    fn payload_text(payload: &Self::Input) -> String;
    /// Its two times, each with the field its problems are about.
    fn times(&self) -> [(&'static str, &LocalTime); 2];
}

/// A composer's form as typed, with its times read in the zone it names, and what follows from
/// it.
pub struct Parts<F: ComposerForm> {
    pub form: F,
    /// Its problems, by field.
    pub problems: Problems,
    /// Exactly what publishing it would send.
    pub payload: F::Input,
    /// Whether the zone is the person's own (else the browser's, or none yet).
    pub known: bool,
}

impl<F: LiveKind> Parts<F> {
    /// Of `form` as typed (`known`: the zone it names is the person's own).
    pub fn of(mut form: F, known: bool) -> Self {
        form.read_in_own_zone();
        Parts {
            problems: form.to_input().err().unwrap_or_default(),
            payload: form.payload(),
            form,
            known,
        }
    }

    /// What field `wire` shows on a page drawn after a refused post ([`refused_at`]).
    pub fn landed(&self, wire: &str, refused: Option<&AppError>) -> Option<String> {
        refused_at(wire, refused, &self.problems)
    }

    /// The sentence over the times, with the link to choose or change the zone.
    pub fn zone(&self) -> impl IntoView + use<F> {
        zone_line(self.form.zone(), self.form.tz_offset_minutes(), self.known)
    }

    /// The line under the preview.
    pub fn readiness(&self) -> String {
        readiness(&self.problems, "Ready to publish.", "first")
    }

    /// The live answer: the preview, the payload, the UTC beside each time, the zone's sentence,
    /// the readiness, the clashes of publishing it over `target`, and the problems.
    pub async fn answer(&self, target: Option<i64>) -> String {
        let clashes = clashes::<F>(&self.payload, target).await;
        let mut regions = vec![
            ("preview", F::preview(&self.payload)),
            ("payload", payload_view::<F>(&self.payload).into_any()),
            ("zone", self.zone().into_any()),
            ("readiness", self.readiness().into_any()),
            ("clashes", clash_view(clashes)),
        ];
        for (wire, time) in self.form.times() {
            regions.push((wire, utc_hint(time).into_any()));
        }
        live_answer(regions, &self.problems)
    }
}

/// The live answer to a composer's form as typed (`known`: the zone it names is the person's
/// own), publishing over `target` if given.
pub async fn live_parts<F: LiveKind>(form: F, target: Option<i64>, known: bool) -> String {
    Parts::of(form, known).answer(target).await
}

/// Exactly what would be sent, folded away.
fn payload_view<F: LiveKind>(payload: &F::Input) -> impl IntoView + use<F> {
    view! { <PayloadView text=F::payload_text(payload) /> }
}

/// The clashes `payload` would have if published over `target` (the calendar's rules): none to
/// check while an offer has no start.
pub async fn clashes<F: ComposerForm>(
    payload: &F::Input,
    target: Option<i64>,
) -> Result<Vec<Clash>, AppError> {
    let mut candidate = F::candidate(payload);
    candidate.target = target;
    if candidate.is_offer && candidate.start.is_none() {
        return Ok(vec![]);
    }
    check_plan(candidate).await
}

/// The clashes, or why they could not be checked.
fn clash_view(result: Result<Vec<Clash>, AppError>) -> AnyView {
    clash_outcome(
        result,
        "No clashes with what is planned.",
        "Clashes if published",
    )
}

/// A composer's frame, over a kind ([`LiveKind`] says what it posts to and answers from): the
/// draft it saves to and the item it edits.
pub struct Composer {
    pub draft_key: String,
    /// The published item it edits.
    pub target: Option<i64>,
    /// Whom "Send a test to me" reaches; `None` while the person keeps no test audience.
    pub test_to: Option<String>,
}

impl Composer {
    /// The composer around `fields`, with the preview beside them, for `parts` as drawn, with the
    /// clashes the server found for it (`clashes`), and `refused` (the page's refusal) by its
    /// field or under the buttons. Type-erased `fields` keep the view's type within the
    /// compiler's limits.
    pub fn draw<F: LiveKind>(
        self,
        parts: &Parts<F>,
        refused: Option<&AppError>,
        clashes: Vec<Clash>,
        fields: AnyView,
    ) -> impl IntoView + use<F> {
        let Composer {
            draft_key,
            target,
            test_to,
        } = self;
        let (form_id, action, answer) = (F::FORM_ID, F::ACTION, F::ANSWER);
        let kind = F::KIND;
        let notes = view! {
            {problem("draft_key", parts.landed("draft_key", refused))}
            {problem("test_audience", parts.landed("test_audience", refused))}
            {refusal_note(refused)}
        };
        let zone = parts.form.zone().to_owned();
        view! {
            <form id=form_id method="post" action=action class="composer-form">
                <input type="hidden" name="draft_key" value=draft_key />
                {target.map(|id| view! { <input type="hidden" name=format!("{}_id", kind.as_str()) value=id.to_string() /> })}
                <input type="hidden" name="form[tz_offset_minutes]" value=parts.form.tz_offset_minutes().to_string() />
                <input type="hidden" name="form[zone]" value=zone data-browser-zone=(!parts.known).then_some("") />
                <div class="editor">
                    <div class="editor__form">
                        {fields}
                        <div data-live="clashes">{clash_view(Ok(clashes))}</div>
                        {buttons(kind, target.is_some(), test_to, notes.into_any())}
                    </div>
                    <aside class="editor__preview" aria-label="Preview">
                        <h2>"Preview"</h2>
                        <div data-live="preview">{F::preview(&parts.payload)}</div>
                        <div data-live="payload">{payload_view::<F>(&parts.payload)}</div>
                        <p class="muted" data-testid="problem-count" data-live="readiness">{parts.readiness()}</p>
                    </aside>
                </div>
            </form>
            <LiveForm form=form_id.to_owned() answer=answer.to_owned() />
        }
    }
}

/// "Save draft" (which goes whatever the form's problems: a draft keeps them), "Publish" (or
/// "Publish changes" over a published item), "Send a test to me", "Cancel", then `notes` (how the
/// last submission ended). Without a test audience for this kind (`test_to`, whom a test reaches),
/// a sentence says what to keep on the account page in place of the test button.
pub fn buttons(
    kind: DraftKind,
    editing: bool,
    test_to: Option<String>,
    notes: AnyView,
) -> impl IntoView + use<> {
    let hint = format!("{}-test-hint", kind.as_str());
    let (button, about) = match test_to {
        Some(to) => (
            Some(view! {
                <button class="button button--quiet" type="submit" name="intent" value=INTENT_TEST
                    aria-describedby=hint.clone() data-testid="send-test">"Send a test to me"</button>
            }),
            view! {
                <p class="field__hint" id=hint data-testid="test-send-hint">
                    {format!("“Send a test to me” sends it as previewed, now, to {to} only, without approval; the dashboard removes it again after its time. It does not save or change your draft.")}
                </p>
            }
            .into_any(),
        ),
        None => (
            None,
            view! {
                <p class="field__hint" data-testid="test-send-unset">
                    {format!("To send yourself a test before publishing, keep {} on ", TestAudience::missing(kind))}
                    <a href="/account#test-audience">"your Account page"</a>
                    "."
                </p>
            }
            .into_any(),
        ),
    };
    view! {
        <div class="form-actions">
            <button class="button button--quiet" type="submit" name="intent" value=INTENT_DRAFT formnovalidate>"Save draft"</button>
            <button class="button" type="submit" name="intent" value=INTENT_PUBLISH>
                {if editing { "Publish changes" } else { "Publish" }}
            </button>
            {button}
            <a class="button button--quiet" href=kind.base()>"Cancel"</a>
            {notes}
        </div>
        {about}
    }
}
