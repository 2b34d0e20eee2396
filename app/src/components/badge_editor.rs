//! The badge editor: every documented field, validated as you type with the same rules the
//! server applies, a live preview, and the WCAG contrast of the colours. The form posts as a
//! plain form too, so it works without JavaScript.

use super::badge_preview::{BadgePill, ChatPreview, ContrastNote, WelcomeCard};
use super::field::{ColorField, FieldProblems, FormState, TextField};
use super::form::{FormActions, Outcome, outcome};
use super::island::mark_ready;
use crate::api::badges::{CreateBadge, UpdateBadge};
use crate::model::badge::{
    BadgeForm, COMMUNICATION_TEXT_MAX, COMMUNICATION_TITLE_MAX, TOOLTIP_MAX,
};
use leptos::prelude::*;

/// One field of the badge form (`form[key]`, id `badge-key`).
#[component]
fn Field(
    label: &'static str,
    key: &'static str,
    wire: &'static str,
    form: RwSignal<BadgeForm>,
    get: fn(&BadgeForm) -> &String,
    set: fn(&mut BadgeForm, String),
    state: FormState,
    #[prop(optional)] max: Option<usize>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let kind = if multiline { "textarea" } else { "text" };
    let (name, id) = (format!("form[{key}]"), format!("badge-{key}"));
    let get = move |f: &BadgeForm| get(f).clone();
    match (max, hint) {
        (Some(max), _) => {
            view! { <TextField label name id wire form get set state kind max /> }.into_any()
        }
        (None, Some(hint)) => {
            view! { <TextField label name id wire form get set state kind hint /> }.into_any()
        }
        (None, None) => {
            view! { <TextField label name id wire form get set state kind /> }.into_any()
        }
    }
}

/// A colour of the badge form.
#[component]
fn Colour(
    label: &'static str,
    key: &'static str,
    wire: &'static str,
    form: RwSignal<BadgeForm>,
    get: fn(&BadgeForm) -> &String,
    set: fn(&mut BadgeForm, String),
    state: FormState,
) -> impl IntoView {
    let (name, id) = (format!("form[{key}]"), format!("badge-{key}"));
    let get = move |f: &BadgeForm| get(f).clone();
    view! { <ColorField label name id wire form get set state /> }
}

/// The editor's fields and preview. `children` is the submit area (inside the form).
#[component]
pub fn BadgeEditor(
    form: RwSignal<BadgeForm>,
    result: Outcome,
    children: Children,
) -> impl IntoView {
    let problems = Memo::new(move |_| form.with(|f| f.to_input().err().unwrap_or_default()));
    let state = FormState::new(problems, result);
    let pick =
        move |f: fn(&BadgeForm) -> &String| Signal::derive(move || form.with(|b| f(b).clone()));
    let initial_trigger = form.with_untracked(|f| f.trigger.clone());
    let initial_count = form.with_untracked(|f| f.message_count.clone());
    let set_trigger = move |value: &'static str| {
        form.update(|f| f.trigger = value.into());
        state.touch("trigger");
    };
    view! {
        <div class="editor">
            <div class="editor__form">
                <fieldset class="panel">
                    <legend>"Badge"</legend>
                    <Field label="Text" key="text" wire="text" form state
                        get=|f| &f.text set=|f, v| f.text = v
                        hint="Short is best: 10–12 characters, emoji welcome." />
                    <Colour label="Background colour" key="background_color" wire="backgroundColor" form state
                        get=|f| &f.background_color set=|f, v| f.background_color = v />
                    <Colour label="Text colour" key="text_color" wire="textColor" form state
                        get=|f| &f.text_color set=|f, v| f.text_color = v />
                    <ContrastNote background=pick(|f| &f.background_color) color=pick(|f| &f.text_color) />
                    <Field label="Tooltip" key="tooltip" wire="tooltip" form state max=TOOLTIP_MAX
                        get=|f| &f.tooltip set=|f, v| f.tooltip = v />
                    <Field label="Badge picture (https address, optional)" key="pic" wire="pic" form state
                        get=|f| &f.pic set=|f, v| f.pic = v />
                </fieldset>
                <fieldset class="panel">
                    <legend>"Welcome message"</legend>
                    <Field label="Picture (https address, at least 190×190 px, at most 10 MB)" key="communication_pic" wire="communicationPic" form state
                        get=|f| &f.communication_pic set=|f, v| f.communication_pic = v />
                    <Field label="Title" key="communication_title" wire="communicationTitle" form state max=COMMUNICATION_TITLE_MAX
                        get=|f| &f.communication_title set=|f, v| f.communication_title = v />
                    <Field label="Text" key="communication_text" wire="communicationText" form state max=COMMUNICATION_TEXT_MAX multiline=true
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
                            on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| { f.message_count = v; f.trigger = "message_count".into(); }); state.touch("trigger") } />
                    </label>
                    <FieldProblems state wire="trigger" />
                    <Field label="Data (free text stored with the badge, optional)" key="data" wire="data" form state multiline=true
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
}

/// An island: the new-badge form, posting to `CreateBadge`.
#[island(lazy)]
pub fn NewBadgeForm(form: BadgeForm) -> impl IntoView {
    mark_ready();
    let create = ServerAction::<CreateBadge>::new();
    let result = outcome(create.value());
    let form = RwSignal::new(form);
    view! {
        <ActionForm action=create attr:class="badge-form">
            <BadgeEditor form result>
                <FormActions submit="Create badge" cancel="/badges" result ok="Created." />
            </BadgeEditor>
        </ActionForm>
    }
}

/// An island: the form over badge `id`, posting to `UpdateBadge`.
#[island(lazy)]
pub fn EditBadgeForm(form: BadgeForm, id: i64) -> impl IntoView {
    mark_ready();
    let update = ServerAction::<UpdateBadge>::new();
    let result = outcome(update.value());
    let form = RwSignal::new(form);
    view! {
        <ActionForm action=update attr:class="badge-form">
            <input type="hidden" name="id" value=id.to_string() />
            <BadgeEditor form result>
                <FormActions submit="Save changes" cancel=format!("/badges/{id}") result ok="Saved." />
            </BadgeEditor>
        </ActionForm>
    }
}
