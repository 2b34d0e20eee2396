//! Forms drawn on the server, brought to life by one small island. The form is plain HTML that
//! posts as it is, with JavaScript or without; [`LiveForm`] only listens to it. As the person
//! types, it posts the form as typed to the form's answer (a server function that draws the
//! form's live parts from the model's own rules, [`live_answer`]) and puts what comes back in
//! place: regions marked `data-live`, and each field's problem in its `data-problem-for` span
//! once that field was touched. A submit that the last answer says has problems stays on the page
//! with every problem shown. The browser holds no copy of the form's rules, its views or a
//! server-function client: the island is a few listeners.
//!
//! The markup both sides agree on:
//! - `data-wire="<field>"` on an input: the field its problems are about (the API's name);
//! - `data-problem-for="<field>"` on a span beside it: where that problem is shown
//!   ([`problem`]); `data-landed` while it shows a refusal the page was drawn with;
//! - `data-live="<name>"` on a region the answer redraws;
//! - `data-picks="<id>"` on a field: typing in it picks the radio button with that id;
//! - `data-mirror="<id>"` on a colour and its picker: each follows the other;
//! - `data-browser-zone` on the hidden zone input of a form whose person has no zone yet: the
//!   island fills in the browser's and writes the form's times (drawn in UTC) again in it, and
//!   the server reads them in it;
//! - `data-shown-when="<field>=<value>"` on a part shown only while the form holds that value
//!   (the offer's template and audience sections); without JavaScript every part shows;
//! - `formnovalidate` on a submit button that goes whatever the form's problems ("Save draft");
//! - rows the person adds and removes (an advertisement's languages): `data-rows` holds them,
//!   each a `data-row`; a `<template data-row-template>` is a new row, `__row__` standing for its
//!   index; `data-add-row` and `data-remove-row` buttons; `data-row-number` where a row's number
//!   is shown; `data-spare` on the blank row drawn for a form without JavaScript, which the
//!   island takes away;
//! - `data-live-only` on a part hidden without JavaScript, which the island shows (in a region
//!   it redraws too);
//! - `data-repeat` on a submit button whose one press the island carries on with: it posts the
//!   form to its action, redraws the live parts, and goes on while they hold a `data-more`
//!   ("Give back all N users", a chunk a post); a post that fails is not sent again, and the part
//!   marked `data-repeat-failed` shows.

#[cfg(feature = "hydrate")]
mod browser;

use super::island::mark_ready;
use crate::error::AppError;
use crate::model::color::to_six_digit_hex;
use crate::model::validate::Problems;
use leptos::prelude::*;

/// Brings the form with id `form` to life: its live parts answered by the server function at
/// `answer` (its path).
#[island(lazy)]
pub fn LiveForm(form: String, answer: String) -> impl IntoView {
    mark_ready();
    #[cfg(feature = "hydrate")]
    browser::start(&form, &answer);
    #[cfg(not(feature = "hydrate"))]
    let _ = (form, answer);
}

/// Where the problem of field `wire` is shown: empty and hidden until the island fills it, or
/// showing `landed`, the page's refusal about this field ([`refused_at`]).
pub fn problem(wire: &str, landed: Option<String>) -> impl IntoView + use<> {
    let shown = landed.is_some();
    let wire = wire.to_owned();
    view! {
        <span class="field-error" role="alert" data-field=wire.clone() data-problem-for=wire
            data-landed=shown.then_some("") hidden=!shown>
            {landed}
        </span>
    }
}

/// What a page drawn after a refused post (`refused`) shows by field `wire`: the problem the
/// form as typed has there (`problems`: all of them are shown, not only the first that refused
/// it), else the refusal itself when it is about this field.
pub fn refused_at(wire: &str, refused: Option<&AppError>, problems: &Problems) -> Option<String> {
    let refused = refused?;
    problems
        .for_field(wire)
        .map(str::to_owned)
        .or_else(|| (refused.field() == Some(wire)).then(|| refused.to_string()))
}

/// An editor's frame (the badge editors'): what it posts to, the buttons, and the preview beside.
pub struct Editor {
    /// The form's element id, which the island finds it by.
    pub form_id: &'static str,
    /// The server function it posts to (its path).
    pub action: &'static str,
    /// The server function that answers its live parts (its path).
    pub answer: &'static str,
    /// The item it edits (posted as `id`), when not a new one.
    pub id: Option<String>,
    pub submit: &'static str,
    /// Where "Cancel" goes.
    pub cancel: String,
    /// The line under the preview: ready, or how much to fix.
    pub readiness: String,
}

impl Editor {
    /// The editor around `fields`, with `preview` beside them, and `refused` (the page's refusal)
    /// under the buttons when it is about no one field.
    /// The fields and the preview come type-erased: as one static type, an editor's whole view
    /// nests deeper than the compiler's query limit in the crates that render it.
    pub fn draw(
        self,
        refused: Option<&AppError>,
        fields: AnyView,
        preview: AnyView,
    ) -> impl IntoView + use<> {
        let Editor {
            form_id,
            action,
            answer,
            id,
            submit,
            cancel,
            readiness,
        } = self;
        view! {
            <form id=form_id method="post" action=action class="badge-form">
                {id.map(|id| view! { <input type="hidden" name="id" value=id /> })}
                <div class="editor">
                    <div class="editor__form">
                        {fields}
                        <div class="form-actions">
                            <button class="button" type="submit">{submit}</button>
                            <a class="button button--quiet" href=cancel>"Cancel"</a>
                            {refusal_note(refused)}
                        </div>
                    </div>
                    <aside class="editor__preview" aria-label="Preview">
                        <h2>"Preview"</h2>
                        {preview}
                        <p class="muted" data-testid="problem-count" data-live="readiness">{readiness}</p>
                    </aside>
                </div>
            </form>
            <LiveForm form=form_id.to_owned() answer=answer.to_owned() />
        }
    }
}

/// Under a form's buttons: a refusal the page was drawn with that is about no one field.
pub fn refusal_note(refused: Option<&AppError>) -> impl IntoView + use<> {
    refused
        .filter(|err| err.field().is_none())
        .map(|err| view! { <p class="form-error" role="alert">{err.to_string()}</p> })
}

/// A live answer: each region (`data-live` name and what it holds now) and each problem of the
/// form as typed, as HTML the island reads.
pub fn live_answer(regions: Vec<(&'static str, AnyView)>, problems: &Problems) -> String {
    let problems: Vec<_> = problems
        .0
        .iter()
        .map(|p| view! { <p data-problem=p.field.clone()>{p.message.clone()}</p> })
        .collect();
    let regions: Vec<_> = regions
        .into_iter()
        .map(|(name, inner)| view! { <div data-live=name>{inner}</div> })
        .collect();
    view! { {regions} {problems} }.to_html()
}

/// A text-like field drawn on the server: label (with a live count against `max`), input
/// (`kind`: an input type, or `textarea`), hint, and where its problem goes.
pub struct Field {
    pub label: &'static str,
    /// The form field's name, e.g. `form[name]`.
    pub name: &'static str,
    pub id: &'static str,
    /// The field its problems are about.
    pub wire: &'static str,
    pub kind: &'static str,
    pub max: Option<usize>,
    pub hint: Option<&'static str>,
    /// The id of the radio button that typing here picks (`data-picks`), if any.
    pub picks: Option<&'static str>,
}

impl Field {
    /// A one-line text field.
    pub const fn text(
        label: &'static str,
        name: &'static str,
        id: &'static str,
        wire: &'static str,
    ) -> Self {
        Field {
            label,
            name,
            id,
            wire,
            kind: "text",
            max: None,
            hint: None,
            picks: None,
        }
    }

    /// Holding `value`, with `landed` shown by it ([`refused_at`]).
    pub fn draw(self, value: &str, landed: Option<String>) -> impl IntoView + use<> {
        let Field {
            label,
            name,
            id,
            wire,
            kind,
            max,
            hint,
            picks,
        } = self;
        let input = text_input(kind, id, name, wire, picks, value);
        let count = max.map(|max| {
            let live = format!("count-{wire}");
            view! { " " <span data-live=live>{counter(wire, value, max)}</span> }
        });
        view! {
            <div class="field">
                <span class="field__label"><label for=id>{label}</label>{count}</span>
                {input}
                {hint.map(|h| view! { <span class="field__hint">{h}</span> })}
                {problem(wire, landed)}
            </div>
        }
    }
}

/// A colour as text (hex or `rgb()`/`rgba()`) drawn on the server, holding `value`, with a native
/// picker beside it; each follows the other (`data-mirror`). `landed` shows by it ([`refused_at`]).
pub fn colour_field(
    label: &'static str,
    name: String,
    id: String,
    wire: &'static str,
    value: &str,
    landed: Option<String>,
) -> impl IntoView + use<> {
    let picker = format!("{id}-picker");
    view! {
        <div class="field">
            <label class="field__label" for=id.clone()>{label}</label>
            <span class="color-field">
                <input type="color" id=picker.clone() aria-label=format!("{label} picker") value=swatch(value) data-mirror=id.clone() />
                <input id=id name=name value=value.to_owned() placeholder="#rrggbb" spellcheck="false"
                    data-wire=wire data-mirror=picker />
            </span>
            {problem(wire, landed)}
        </div>
    }
}

/// The input of a text-like field (`kind`: an input type, or `textarea`) holding `value`, whose
/// problems are `wire`'s; typing in it picks the radio button `picks`, if any.
pub fn text_input(
    kind: &str,
    id: &str,
    name: &str,
    wire: &str,
    picks: Option<&str>,
    value: &str,
) -> AnyView {
    let (id, name, wire, picks) = (
        id.to_owned(),
        name.to_owned(),
        wire.to_owned(),
        picks.map(str::to_owned),
    );
    if kind == "textarea" {
        view! { <textarea id=id name=name rows="3" data-wire=wire data-picks=picks>{value.to_owned()}</textarea> }
            .into_any()
    } else {
        view! { <input id=id type=kind.to_owned() name=name value=value.to_owned() data-wire=wire data-picks=picks /> }
            .into_any()
    }
}

/// "12/50" under a field of `wire` holding `value`, marked when over `max`: a field's live part
/// (its region is `count-<wire>`).
pub fn counter(wire: &str, value: &str, max: usize) -> impl IntoView + use<> {
    let n = value.chars().count();
    let class = if n > max {
        "counter counter--over"
    } else {
        "counter"
    };
    view! { <span class=class data-testid=format!("count-{wire}")>{format!("{n}/{max}")}</span> }
}

/// The line under a preview: `ready` ("Ready to save."), or how many things to fix `when`
/// ("first", "before saving").
pub fn readiness(problems: &Problems, ready: &str, when: &str) -> String {
    match problems.0.len() {
        0 => ready.to_owned(),
        n => format!("{n} thing(s) to fix {when}."),
    }
}

/// An element id for form field `name`: `form[langs][0][lang]` → `f-langs-0-lang`.
pub fn id_for(name: &str) -> String {
    let inner = name.strip_prefix("form").unwrap_or(name);
    let parts: Vec<&str> = inner.split(['[', ']']).filter(|p| !p.is_empty()).collect();
    format!("f-{}", parts.join("-"))
}

/// What a native colour picker beside colour `value` holds: its six-digit hex, or black while it
/// is not a colour (a picker holds nothing else).
pub fn swatch(value: &str) -> String {
    to_six_digit_hex(value).unwrap_or_else(|| "#000000".into())
}
