//! The badge editor: every documented field, validated as you type with the same rules the
//! server applies, a live preview, and the WCAG contrast of the colours. The form posts as a
//! plain form too, so it works without JavaScript.

use super::badge_preview::{BadgePill, ChatPreview, ContrastNote, WelcomeCard};
use super::form::{FieldError, Outcome};
use crate::model::badge::{
    BadgeForm, COMMUNICATION_TEXT_MAX, COMMUNICATION_TITLE_MAX, TOOLTIP_MAX,
};
use crate::model::color::to_six_digit_hex;
use crate::model::validate::Problems;
use leptos::prelude::*;
use std::collections::HashSet;

/// The problem of `wire`, once the person has touched that field.
fn shown_problem(
    touched: RwSignal<HashSet<&'static str>>,
    problems: Memo<Problems>,
    wire: &'static str,
) -> impl Fn() -> Option<String> + Copy {
    move || {
        touched
            .with(|t| t.contains(wire))
            .then(|| problems.with(|p| p.for_field(wire).map(str::to_owned)))
            .flatten()
    }
}

/// One text field of the form: label, input, live counter, and its problem once touched.
#[component]
fn Field(
    label: &'static str,
    /// The `BadgeForm` field (form name `form[key]`).
    key: &'static str,
    /// The wire field its problems are named by.
    wire: &'static str,
    form: RwSignal<BadgeForm>,
    get: fn(&BadgeForm) -> &String,
    set: fn(&mut BadgeForm, String),
    problems: Memo<Problems>,
    touched: RwSignal<HashSet<&'static str>>,
    result: Outcome,
    #[prop(optional)] max: Option<usize>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let initial = form.with_untracked(|f| get(f).clone());
    let value = move || form.with(|f| get(f).clone());
    let on_input = move |ev| {
        let v = event_target_value(&ev);
        form.update(|f| set(f, v));
        touched.update(|t| {
            t.insert(wire);
        });
    };
    let problem = shown_problem(touched, problems, wire);
    let counter = move || {
        max.map(|max| {
            let n = value().chars().count();
            let class = if n > max { "counter counter--over" } else { "counter" };
            view! { <span class=class data-testid=format!("count-{wire}")>{format!("{n}/{max}")}</span> }
        })
    };
    let name = format!("form[{key}]");
    let id = format!("badge-{key}");
    let input = if multiline {
        view! { <textarea id=id.clone() name=name.clone() rows="3" on:input=on_input prop:value=value>{initial.clone()}</textarea> }.into_any()
    } else {
        view! { <input id=id.clone() name=name.clone() value=initial.clone() prop:value=value on:input=on_input /> }.into_any()
    };
    view! {
        <div class="field">
            <span class="field__label"><label for=id>{label}</label> {counter}</span>
            {input}
            {hint.map(|h| view! { <span class="field__hint">{h}</span> })}
            {move || problem().map(|m| view! { <span class="field-error" role="alert" data-field=wire>{m}</span> })}
            <FieldError result field=wire />
        </div>
    }
}

/// A hex text field with a native colour picker beside it.
#[component]
fn ColorField(
    label: &'static str,
    key: &'static str,
    wire: &'static str,
    form: RwSignal<BadgeForm>,
    get: fn(&BadgeForm) -> &String,
    set: fn(&mut BadgeForm, String),
    problems: Memo<Problems>,
    touched: RwSignal<HashSet<&'static str>>,
    result: Outcome,
) -> impl IntoView {
    let initial = form.with_untracked(|f| get(f).clone());
    let value = move || form.with(|f| get(f).clone());
    let update = move |v: String| {
        form.update(|f| set(f, v));
        touched.update(|t| {
            t.insert(wire);
        });
    };
    let picker = move || to_six_digit_hex(&value()).unwrap_or_else(|| "#000000".into());
    let problem = shown_problem(touched, problems, wire);
    let id = format!("badge-{key}");
    view! {
        <div class="field">
            <label class="field__label" for=id.clone()>{label}</label>
            <span class="color-field">
                <input
                    type="color"
                    aria-label=format!("{label} picker")
                    value=to_six_digit_hex(&initial).unwrap_or_else(|| "#000000".into())
                    prop:value=picker
                    on:input=move |ev| update(event_target_value(&ev))
                />
                <input
                    id=id
                    name=format!("form[{key}]")
                    value=initial.clone()
                    prop:value=value
                    on:input=move |ev| update(event_target_value(&ev))
                    placeholder="#rrggbb"
                    spellcheck="false"
                />
            </span>
            {move || problem().map(|m| view! { <span class="field-error" role="alert" data-field=wire>{m}</span> })}
            <FieldError result field=wire />
        </div>
    }
}

/// The editor's fields and preview. `children` is the submit area (inside the form).
#[component]
pub fn BadgeEditor(
    form: RwSignal<BadgeForm>,
    result: Outcome,
    children: Children,
) -> impl IntoView {
    let problems = Memo::new(move |_| form.with(|f| f.to_input().err().unwrap_or_default()));
    let touched = RwSignal::new(HashSet::<&'static str>::new());
    let pick =
        move |f: fn(&BadgeForm) -> &String| Signal::derive(move || form.with(|b| f(b).clone()));
    let trigger = move || form.with(|f| f.trigger.clone());
    let initial_trigger = form.with_untracked(|f| f.trigger.clone());
    let initial_count = form.with_untracked(|f| f.message_count.clone());
    let set_trigger = move |value: &'static str| form.update(|f| f.trigger = value.into());
    view! {
        <div class="editor">
            <div class="editor__form">
                <fieldset class="panel">
                    <legend>"Badge"</legend>
                    <Field label="Text" key="text" wire="text" form problems touched result
                        get=|f| &f.text set=|f, v| f.text = v
                        hint="Short is best: 10–12 characters, emoji welcome." />
                    <ColorField label="Background colour" key="background_color" wire="backgroundColor" form problems touched result
                        get=|f| &f.background_color set=|f, v| f.background_color = v />
                    <ColorField label="Text colour" key="text_color" wire="textColor" form problems touched result
                        get=|f| &f.text_color set=|f, v| f.text_color = v />
                    <ContrastNote background=pick(|f| &f.background_color) color=pick(|f| &f.text_color) />
                    <Field label="Tooltip" key="tooltip" wire="tooltip" form problems touched result max=TOOLTIP_MAX
                        get=|f| &f.tooltip set=|f, v| f.tooltip = v />
                    <Field label="Badge picture (https address, optional)" key="pic" wire="pic" form problems touched result
                        get=|f| &f.pic set=|f, v| f.pic = v />
                </fieldset>
                <fieldset class="panel">
                    <legend>"Welcome message"</legend>
                    <Field label="Picture (https address, at least 190×190 px, at most 10 MB)" key="communication_pic" wire="communicationPic" form problems touched result
                        get=|f| &f.communication_pic set=|f, v| f.communication_pic = v />
                    <Field label="Title" key="communication_title" wire="communicationTitle" form problems touched result max=COMMUNICATION_TITLE_MAX
                        get=|f| &f.communication_title set=|f, v| f.communication_title = v />
                    <Field label="Text" key="communication_text" wire="communicationText" form problems touched result max=COMMUNICATION_TEXT_MAX multiline=true
                        get=|f| &f.communication_text set=|f, v| f.communication_text = v />
                </fieldset>
                <fieldset class="panel">
                    <legend>"Automatic assignment"</legend>
                    <label class="choice">
                        <input type="radio" name="form[trigger]" value="none" checked=initial_trigger == "none"
                            on:change=move |_| set_trigger("none") />
                        " By hand only"
                    </label>
                    <label class="choice">
                        <input type="radio" name="form[trigger]" value="first_message" checked=initial_trigger == "first_message"
                            on:change=move |_| set_trigger("first_message") />
                        " On the user's first message (cannot be combined with a count)"
                    </label>
                    <label class="choice">
                        <input type="radio" name="form[trigger]" value="message_count" checked=initial_trigger == "message_count"
                            on:change=move |_| set_trigger("message_count") />
                        " After a number of messages: "
                        <input type="number" min="1" name="form[message_count]" class="short" value=initial_count
                            aria-label="Number of messages"
                            on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| { f.message_count = v; f.trigger = "message_count".into(); }) } />
                    </label>
                    {move || {
                        (trigger() == "message_count")
                            .then(|| problems.with(|p| p.for_field("trigger").map(str::to_owned)))
                            .flatten()
                            .map(|m| view! { <span class="field-error" role="alert" data-field="trigger">{m}</span> })
                    }}
                    <FieldError result field="trigger" />
                    <Field label="Data (free text stored with the badge, optional)" key="data" wire="data" form problems touched result multiline=true
                        get=|f| &f.data set=|f, v| f.data = v />
                </fieldset>
                {children()}
            </div>
            <aside class="editor__preview" aria-label="Preview">
                <h2>"Preview"</h2>
                <ChatPreview tooltip=pick(|f| &f.tooltip)>
                    <BadgePill text=pick(|f| &f.text) background=pick(|f| &f.background_color)
                        color=pick(|f| &f.text_color) pic=pick(|f| &f.pic) tooltip=pick(|f| &f.tooltip) />
                </ChatPreview>
                <WelcomeCard pic=pick(|f| &f.communication_pic) title=pick(|f| &f.communication_title)
                    text=pick(|f| &f.communication_text) />
                <p class="muted" data-testid="problem-count">
                    {move || match problems.with(|p| p.0.len()) {
                        0 => "Ready to save.".to_owned(),
                        n => format!("{n} thing(s) to fix before saving."),
                    }}
                </p>
            </aside>
        </div>
    }
    .into_any()
}
