//! Form fields bound to one field of a form signal: label, input, the shared rule's problem once
//! the field is touched, and the server's answer about it. Shared by every editor and composer.

use super::form::{FieldError, Outcome};
use crate::model::color::to_six_digit_hex;
use crate::model::validate::Problems;
use leptos::prelude::*;
use std::collections::HashSet;

/// What every field of one form shares: its problems, the fields touched, the last answer.
#[derive(Clone, Copy)]
pub struct FormState {
    pub problems: Memo<Problems>,
    pub touched: RwSignal<HashSet<String>>,
    pub result: Outcome,
}

impl FormState {
    pub fn new(problems: Memo<Problems>, result: Outcome) -> Self {
        FormState {
            problems,
            touched: RwSignal::new(HashSet::new()),
            result,
        }
    }

    pub fn touch(&self, wire: &str) {
        if !self.touched.with_untracked(|t| t.contains(wire)) {
            self.touched.update(|t| {
                t.insert(wire.to_owned());
            });
        }
    }

    /// The "n things to fix" line under a preview.
    pub fn readiness(self, ready: &'static str) -> impl Fn() -> String + Send + Sync + 'static {
        let problems = self.problems;
        move || problems.with(|p| super::live::readiness(p, ready, "first"))
    }
}

/// While an island starts in the browser: what the input with id `id` holds now (typed before the
/// WASM arrived, or restored by the browser) becomes the form's value once hydration is over, if
/// it differs from the server's. Hydration itself runs on the server's value, so the HTML it adopts
/// matches; the input shows the server's value for that moment and the typed one again after.
fn keep_typed<F, G, S>(id: &str, form: RwSignal<F>, get: G, set: S, state: FormState, wire: &str)
where
    F: Send + Sync + 'static,
    G: Fn(&F) -> String,
    S: Fn(&mut F, String) + Copy + Send + Sync + 'static,
{
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let typed = document().get_element_by_id(id).and_then(|el| {
            el.dyn_ref::<web_sys::HtmlInputElement>()
                .map(|input| input.value())
                .or_else(|| {
                    el.dyn_ref::<web_sys::HtmlTextAreaElement>()
                        .map(|area| area.value())
                })
        });
        if let Some(typed) = typed.filter(|typed| *typed != form.with_untracked(&get)) {
            let mut pending = Some((typed, wire.to_owned()));
            Effect::new(move |_| {
                if let Some((typed, wire)) = pending.take() {
                    form.update(|f| set(f, typed));
                    state.touch(&wire);
                }
            });
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (id, form, get, set, state, wire);
}

/// An element id for form field `name`: `form[langs][0][lang]` → `f-langs-0-lang`.
pub fn id_for(name: &str) -> String {
    let inner = name.strip_prefix("form").unwrap_or(name);
    let parts: Vec<&str> = inner.split(['[', ']']).filter(|p| !p.is_empty()).collect();
    format!("f-{}", parts.join("-"))
}

/// The rule's problem with `wire` once touched, and the server's error about it.
#[component]
pub fn FieldProblems(state: FormState, #[prop(into)] wire: String) -> impl IntoView {
    let (problems, touched) = (state.problems, state.touched);
    let field = wire.clone();
    let shown = move || {
        touched
            .with(|t| t.contains(&field))
            .then(|| problems.with(|p| p.for_field(&field).map(str::to_owned)))
            .flatten()
    };
    let data_field = wire.clone();
    view! {
        {move || shown().map(|m| view! { <span class="field-error" role="alert" data-field=data_field.clone()>{m}</span> })}
        <FieldError result=state.result field=wire />
    }
}

/// One text-like field: `kind` is an input type (`text`, `url`, `number`, `datetime-local`) or
/// `textarea`. `get`/`set` read and write the form's field; `wire` names its problems.
#[component]
pub fn TextField<F, G, S>(
    label: &'static str,
    /// The form field's name, e.g. `form[title]`.
    #[prop(into)]
    name: String,
    #[prop(into)] wire: String,
    form: RwSignal<F>,
    get: G,
    set: S,
    state: FormState,
    /// The input's id; made from `name` when not given.
    #[prop(optional, into)]
    id: Option<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] max: Option<usize>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] placeholder: Option<&'static str>,
) -> impl IntoView
where
    F: Send + Sync + 'static,
    G: Fn(&F) -> String + Copy + Send + Sync + 'static,
    S: Fn(&mut F, String) + Copy + Send + Sync + 'static,
{
    let id = id.unwrap_or_else(|| id_for(&name));
    keep_typed(&id, form, get, set, state, &wire);
    let initial = form.with_untracked(get);
    let value = move || form.with(get);
    let touched_wire = wire.clone();
    let on_input = move |ev| {
        let v = event_target_value(&ev);
        form.update(|f| set(f, v));
        state.touch(&touched_wire);
    };
    let counter_wire = wire.clone();
    let counter = move || {
        max.map(|max| {
            let n = value().chars().count();
            let class = if n > max { "counter counter--over" } else { "counter" };
            view! { <span class=class data-testid=format!("count-{counter_wire}")>{format!("{n}/{max}")}</span> }
        })
    };
    let input = if kind == "textarea" {
        view! { <textarea id=id.clone() name=name rows="3" on:input=on_input prop:value=value placeholder=placeholder>{initial}</textarea> }.into_any()
    } else {
        view! { <input id=id.clone() type=kind name=name value=initial prop:value=value on:input=on_input placeholder=placeholder step=(kind == "datetime-local").then_some("1") /> }.into_any()
    };
    view! {
        <div class="field">
            <span class="field__label"><label for=id>{label}</label> {counter}</span>
            {input}
            {hint.map(|h| view! { <span class="field__hint">{h}</span> })}
            <FieldProblems state wire />
        </div>
    }
}

/// What a native colour picker beside colour `value` holds: its six-digit hex, or black while it
/// is not a colour (a picker holds nothing else).
pub fn swatch(value: &str) -> String {
    to_six_digit_hex(value).unwrap_or_else(|| "#000000".into())
}

/// A colour as text (hex or `rgb()`/`rgba()`) with a native picker beside it.
#[component]
pub fn ColorField<F, G, S>(
    label: &'static str,
    #[prop(into)] name: String,
    #[prop(into)] wire: String,
    form: RwSignal<F>,
    get: G,
    set: S,
    state: FormState,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView
where
    F: Send + Sync + 'static,
    G: Fn(&F) -> String + Copy + Send + Sync + 'static,
    S: Fn(&mut F, String) + Copy + Send + Sync + 'static,
{
    let id = id.unwrap_or_else(|| id_for(&name));
    keep_typed(&id, form, get, set, state, &wire);
    let initial = form.with_untracked(get);
    let value = move || form.with(get);
    let touched_wire = StoredValue::new(wire.clone());
    let update = move |v: String| {
        form.update(|f| set(f, v));
        touched_wire.with_value(|w| state.touch(w));
    };
    let picker = move || swatch(&value());
    view! {
        <div class="field">
            <label class="field__label" for=id.clone()>{label}</label>
            <span class="color-field">
                <input
                    type="color"
                    aria-label=format!("{label} picker")
                    value=swatch(&initial)
                    prop:value=picker
                    on:input=move |ev| update(event_target_value(&ev))
                />
                <input
                    id=id
                    name=name
                    value=initial.clone()
                    prop:value=value
                    on:input=move |ev| update(event_target_value(&ev))
                    placeholder="#rrggbb"
                    spellcheck="false"
                />
            </span>
            <FieldProblems state wire />
        </div>
    }
}
