//! The badge editor, drawn on the server and brought to life by the live island: every documented
//! field, checked as you type with the same rules the server applies, a live preview, and the
//! WCAG contrast of the colours. It posts as a plain form; a refused post comes back as typed.

use super::badge_preview::{ChatPreview, ContrastNote, WelcomeCard, badge_pill};
use super::live::{
    Editor, Field, colour_field, counter, live_answer, problem, readiness, refused_at,
};
use crate::api::badges::{CreateBadge, LiveBadge, UpdateBadge};
use crate::error::AppError;
use crate::model::badge::{
    BadgeForm, COMMUNICATION_TEXT_MAX, COMMUNICATION_TITLE_MAX, TOOLTIP_MAX,
};
use crate::model::validate::Problems;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The form's element id, which the island finds it by.
const FORM_ID: &str = "badge-form";

const TEXT: Field = Field {
    hint: Some("Short is best: 10–12 characters, emoji welcome."),
    ..Field::text("Text", "form[text]", "badge-text", "text")
};
const TOOLTIP: Field = Field {
    max: Some(TOOLTIP_MAX),
    ..Field::text("Tooltip", "form[tooltip]", "badge-tooltip", "tooltip")
};
const PIC: Field = Field::text(
    "Badge picture (https address, optional)",
    "form[pic]",
    "badge-pic",
    "pic",
);
const COMMUNICATION_PIC: Field = Field::text(
    "Picture (https address, at least 190×190 px, at most 10 MB)",
    "form[communication_pic]",
    "badge-communication_pic",
    "communicationPic",
);
const COMMUNICATION_TITLE: Field = Field {
    max: Some(COMMUNICATION_TITLE_MAX),
    ..Field::text(
        "Title",
        "form[communication_title]",
        "badge-communication_title",
        "communicationTitle",
    )
};
const COMMUNICATION_TEXT: Field = Field {
    kind: "textarea",
    max: Some(COMMUNICATION_TEXT_MAX),
    ..Field::text(
        "Text",
        "form[communication_text]",
        "badge-communication_text",
        "communicationText",
    )
};
const DATA: Field = Field {
    kind: "textarea",
    ..Field::text(
        "Data (free text stored with the badge, optional)",
        "form[data]",
        "badge-data",
        "data",
    )
};

/// The editor holding `form` (new, the badge's, or as typed in a refused post, `refused`): a new
/// badge's, or badge `id`'s when given.
#[component]
pub fn BadgeEditor(form: BadgeForm, id: Option<i64>, refused: Option<AppError>) -> impl IntoView {
    let problems = form.to_input().err().unwrap_or_default();
    let refused = refused.as_ref();
    let landed = |wire: &str| refused_at(wire, refused, &problems);
    let (action, submit, cancel) = match id {
        Some(id) => (UpdateBadge::PATH, "Save changes", format!("/badges/{id}")),
        None => (CreateBadge::PATH, "Create badge", "/badges".to_owned()),
    };
    let editor = Editor {
        form_id: FORM_ID,
        action,
        answer: LiveBadge::PATH,
        id: id.map(|id| id.to_string()),
        submit,
        cancel,
        readiness: ready(&problems),
    };
    let colour = |label: &'static str, key: &'static str, wire: &'static str, value: &str| {
        colour_field(
            label,
            format!("form[{key}]"),
            format!("badge-{key}"),
            wire,
            value,
            landed(wire),
        )
    };
    let trigger = |value: &'static str, label: &'static str| {
        view! {
            <input type="radio" name="form[trigger]" value=value id=format!("badge-trigger-{value}")
                checked=form.trigger == value data-wire="trigger" />
            {label}
        }
    };
    let fields = view! {
                    <fieldset class="panel">
                        <legend>"Badge"</legend>
                        {TEXT.draw(&form.text, landed(TEXT.wire))}
                        {colour("Background colour", "background_color", "backgroundColor", &form.background_color)}
                        {colour("Text colour", "text_color", "textColor", &form.text_color)}
                        <div data-live="contrast">{contrast(&form)}</div>
                        {TOOLTIP.draw(&form.tooltip, landed(TOOLTIP.wire))}
                        {PIC.draw(&form.pic, landed(PIC.wire))}
                    </fieldset>
                    <fieldset class="panel">
                        <legend>"Welcome message"</legend>
                        {COMMUNICATION_PIC.draw(&form.communication_pic, landed(COMMUNICATION_PIC.wire))}
                        {COMMUNICATION_TITLE.draw(&form.communication_title, landed(COMMUNICATION_TITLE.wire))}
                        {COMMUNICATION_TEXT.draw(&form.communication_text, landed(COMMUNICATION_TEXT.wire))}
                    </fieldset>
                    <fieldset class="panel">
                        <legend>"Automatic assignment"</legend>
                        <label class="choice">{trigger("none", " By hand only")}</label>
                        <label class="choice">
                            {trigger("first_message", " On the user's first message (cannot be combined with a count)")}
                        </label>
                        <label class="choice">
                            {trigger("message_count", " After a number of messages: ")}
                            <input type="number" min="1" name="form[message_count]" class="short" value=form.message_count.clone()
                                aria-label="Number of messages" data-wire="trigger" data-picks="badge-trigger-message_count" />
                        </label>
                        {problem("trigger", landed("trigger"))}
                        {DATA.draw(&form.data, landed(DATA.wire))}
                    </fieldset>
    };
    let preview = view! { <div data-live="preview">{preview(&form)}</div> };
    editor.draw(refused, fields.into_any(), preview.into_any())
}

/// The contrast of the form's colours.
fn contrast(form: &BadgeForm) -> impl IntoView + use<> {
    let (background, color) = (form.background_color.clone(), form.text_color.clone());
    view! { <ContrastNote background color /> }
}

/// The badge in a chat message and its welcome card, as typed.
fn preview(form: &BadgeForm) -> impl IntoView + use<> {
    let f = form.clone();
    let pill = badge_pill(
        f.text,
        &f.background_color,
        &f.text_color,
        f.pic,
        f.tooltip.clone(),
    );
    view! {
        <ChatPreview tooltip=f.tooltip>{pill}</ChatPreview>
        <WelcomeCard pic=f.communication_pic title=f.communication_title text=f.communication_text />
    }
}

/// The line under the preview.
fn ready(problems: &Problems) -> String {
    readiness(problems, "Ready to save.", "before saving")
}

/// The live answer to the editor's form as typed: the preview, the contrast, the counts, the
/// readiness and the problems.
pub fn live_parts(form: BadgeForm) -> String {
    let problems: Problems = form.to_input().err().unwrap_or_default();
    let count = |wire: &'static str, value: &str, max: usize| counter(wire, value, max).into_any();
    let regions = vec![
        ("preview", preview(&form).into_any()),
        ("contrast", contrast(&form).into_any()),
        ("readiness", ready(&problems).into_any()),
        (
            "count-tooltip",
            count("tooltip", &form.tooltip, TOOLTIP_MAX),
        ),
        (
            "count-communicationTitle",
            count(
                "communicationTitle",
                &form.communication_title,
                COMMUNICATION_TITLE_MAX,
            ),
        ),
        (
            "count-communicationText",
            count(
                "communicationText",
                &form.communication_text,
                COMMUNICATION_TEXT_MAX,
            ),
        ),
    ];
    live_answer(regions, &problems)
}
