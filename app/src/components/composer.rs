//! What both marketing composers (offers, advertisements) share: the form's live state, preview
//! payload and time zone; the hidden fields that carry the draft; and the buttons under the form,
//! "Send a test to me" among them.

use super::field::{FieldProblems, FormState};
use super::form::outcome;
use super::plan::clash_outcome;
use super::submit_note::SubmitNote;
use super::time_zone::{FormZone, offset_at, on_browser_offset};
use crate::api::plan::check_plan;
use crate::error::AppError;
use crate::model::clash::Clash;
use crate::model::draft::{
    ComposerForm, DraftKind, INTENT_DRAFT, INTENT_PUBLISH, INTENT_TEST, Submitted,
};
use crate::model::staff::TestAudience;
use crate::model::zone::ZoneOffsets;
use leptos::prelude::*;

/// A submission's answer, as the composers' server actions keep it.
pub type SubmitValue = Signal<Option<Result<Submitted, AppError>>>;

/// The live parts of a composer over `form`.
pub struct Composing<F: ComposerForm> {
    /// Problems by field (checked as the user types) and the last submission's outcome.
    pub state: FormState,
    /// Exactly what would be sent, for the preview.
    pub payload: Memo<F::Input>,
    /// Set once the island runs in the browser: sections may then hide.
    pub hydrated: RwSignal<bool>,
    /// The offset the form's times are written at now.
    pub offset: Signal<i32>,
    /// The person's zone the times are written in, when known.
    pub zone: FormZone,
    /// How the last submission ended.
    pub value: SubmitValue,
}

impl<F: ComposerForm> Clone for Composing<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: ComposerForm> Copy for Composing<F> {}

/// Starts a composer over `form` (its times written in `zone`, the person's, when known) whose
/// submissions answer into `value`. Without JavaScript every section shows; with no zone known
/// times are UTC until, hydrated, they move to the browser's own.
pub fn composing<F: ComposerForm>(
    form: RwSignal<F>,
    value: impl Into<SubmitValue>,
    zone: Option<ZoneOffsets>,
) -> Composing<F> {
    let value = value.into();
    let problems = Memo::new(move |_| form.with(|f| f.to_input().err().unwrap_or_default()));
    let hydrated = RwSignal::new(false);
    let known = zone.is_some();
    on_browser_offset(move |minutes| {
        if !known {
            form.update(|f| f.move_to_zone(minutes, offset_at));
        }
        hydrated.set(true);
    });
    Composing {
        state: FormState::new(problems, outcome(value)),
        payload: Memo::new(move |_| form.with(F::payload)),
        hydrated,
        offset: Signal::derive(move || form.with(F::tz_offset_minutes)),
        zone: StoredValue::new(zone),
        value,
    }
}

/// The hidden fields every submission carries: the draft's key, the published item it edits
/// (`offer_id`, `advertisement_id`), and the zone its times are written in (the person's by
/// name, which the server reads them in; else empty, and its offset now).
#[component]
pub fn ComposerHidden(
    kind: DraftKind,
    draft_key: String,
    target: Option<i64>,
    offset: Signal<i32>,
    zone: FormZone,
) -> impl IntoView {
    let target_name = format!("{}_id", kind.as_str());
    let zone = zone.with_value(|z| z.as_ref().map(|z| z.name.clone()).unwrap_or_default());
    view! {
        <input type="hidden" name="draft_key" value=draft_key />
        {target.map(|id| view! { <input type="hidden" name=target_name value=id.to_string() /> })}
        <input type="hidden" name="form[tz_offset_minutes]" value=offset.get_untracked().to_string() prop:value=move || offset.get().to_string() />
        <input type="hidden" name="form[zone]" value=zone />
    }
}

/// The clashes the item being composed would have if published as it stands: `initial` as the
/// server found them when it drew the page, then checked again on the server (the calendar's
/// rules) whenever the times or audience change. An offer is checked once it has a start.
pub fn clash_check<F: ComposerForm>(
    payload: Memo<F::Input>,
    target: Option<i64>,
    initial: Vec<Clash>,
) -> impl IntoView {
    let candidate = Memo::new(move |_| {
        let mut candidate = payload.with(F::candidate);
        candidate.target = target;
        candidate
    });
    let shown = RwSignal::new(Ok(initial));
    // Each check carries a ticket; only the newest check's answer is shown, whatever order the
    // answers come back in.
    let newest = StoredValue::new(0u32);
    Effect::new(move |_| {
        let candidate = candidate.get();
        let ticket = newest.get_value();
        newest.set_value(ticket + 1);
        // The first run is the page as the server drew it, checked already.
        if ticket == 0 || (candidate.is_offer && candidate.start.is_none()) {
            return;
        }
        leptos::task::spawn_local(async move {
            let answer = check_plan(candidate).await;
            if newest.get_value() == ticket + 1 {
                shown.set(answer);
            }
        });
    });
    move || {
        clash_outcome(
            shown.get(),
            "No clashes with what is planned.",
            "Clashes if published",
        )
    }
}

/// The composer island's buttons ([`buttons`]), with the line that says how the last submission
/// ended.
#[component]
pub fn ComposerActions(
    kind: DraftKind,
    editing: bool,
    state: FormState,
    #[prop(into)] value: SubmitValue,
    /// Whom a test reaches (`your 2 test users`); `None` while the person keeps no test audience
    /// for this kind.
    test_to: Option<String>,
    /// Whether the last submission was a test.
    #[prop(into)]
    testing: Signal<bool>,
) -> impl IntoView {
    let notes = view! {
        <FieldProblems state wire="draft_key" />
        <FieldProblems state wire="test_audience" />
        <SubmitNote value base=kind.base() testing />
    };
    buttons(kind, editing, test_to, notes.into_any())
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

/// Whether the last submission was "Send a test to me", told by its `intent` as `input` (the
/// action's input while it runs) shows it: its refusal then speaks of the test.
pub fn last_was_test(input: Signal<Option<String>>) -> Signal<bool> {
    let testing = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(intent) = input.get() {
            testing.set(intent == INTENT_TEST);
        }
    });
    testing.into()
}
