//! The advertisement composer, drawn on the server and brought to life by the live island:
//! template (12 is a winshare), languages added and removed, send and delete times in local time
//! with UTC beside them, target rooms; a live preview per language of the exact payload and its
//! clashes; save a draft, publish or send a test. It posts as a plain form, with JavaScript or
//! without.

use super::live::{Field, problem, text_input};
use super::live_composer::{Composer, LiveKind, Parts};
use super::marketing_preview::AdPreview;
use super::time_zone::time_input;
use crate::api::advertisements::{LiveAdvertisement, SubmitAdvertisement};
use crate::model::advertisement::AdvertisementInput;
use crate::model::advertisement::TEMPLATE_WINSHARE;
use crate::model::advertisement::form::{AD_TEMPLATES, AdForm, LanguageForm, OPEN_NEW_WINDOW};
use crate::model::clash::Clash;
use crate::model::time::LocalTime;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// What stands for a row's index in the template the island copies a new language from.
const ROW: &str = "__row__";

const USER_ID: Field = Field::text(
    "Winner's user id (winshare only, may be empty)",
    "form[user_id]",
    "f-user_id",
    "userId",
);
const ROOM_IDS: Field = Field {
    kind: "textarea",
    ..Field::text(
        "Room ids (paste: commas, spaces or lines)",
        "form[room_ids]",
        "f-room_ids",
        "externalRoomIds",
    )
};

/// One language's fields in row `row` (a number, or [`ROW`] in the template), holding `lang`,
/// with `landed` by each field.
fn language_row(
    row: &str,
    number: usize,
    lang: &LanguageForm,
    landed: &dyn Fn(&str) -> Option<String>,
    spare: bool,
) -> impl IntoView + use<> {
    let field = |label: &'static str, key: &str, kind: &'static str, value: &str| {
        let (name, id) = (
            format!("form[langs][{row}][{key}]"),
            format!("f-langs-{row}-{key}"),
        );
        let wire = format!(
            "data.{row}.{}",
            if key == "link_text" { "linkText" } else { key }
        );
        let landed = landed(&wire);
        let input = text_input(kind, &id, &name, &wire, None, value);
        view! {
            <div class="field">
                <span class="field__label"><label for=id>{label}</label></span>
                {input}
                {problem(&wire, landed)}
            </div>
        }
    };
    view! {
        <fieldset class="panel lang-row" data-testid="language-row" data-row="" data-spare=spare.then_some("")>
            <legend>"Language "<span data-row-number="">{number.to_string()}</span></legend>
            <div class="form form--inline">
                {field("Language code (e.g. en)", "lang", "text", &lang.lang)}
                {field("Title", "title", "text", &lang.title)}
            </div>
            {field("Text", "text", "textarea", &lang.text)}
            <div class="form form--inline">
                {field("Link (http or https)", "link", "url", &lang.link)}
                {field("Link text", "link_text", "text", &lang.link_text)}
            </div>
            {field("Picture address (https, optional)", "pic", "url", &lang.pic)}
            <button type="button" class="button button--quiet" data-remove-row="" data-live-only="" hidden>
                "Remove this language"
            </button>
        </fieldset>
    }
}

/// The composer over `form` (empty, a draft, a published advertisement's, or as typed for a
/// test), saving to draft `draft_key`, editing `advertisement_id` if published, with the clashes
/// the server found, whether its times are in the person's zone (`known`; else UTC, and with
/// JavaScript the browser's zone takes over), and whom a test reaches (`test_to`).
#[component]
pub fn AdComposer(
    form: AdForm,
    draft_key: String,
    advertisement_id: Option<i64>,
    clashes: Vec<Clash>,
    known: bool,
    test_to: Option<String>,
) -> impl IntoView {
    let refused = super::form::landed_refusal(SubmitAdvertisement::PATH);
    let refused = refused.as_ref();
    let parts = Parts::of(form, known);
    let f = &parts.form;
    let landed = |wire: &str| parts.landed(wire, refused);
    let template = f.template.trim().to_owned();
    let open_type = f.open_type.trim().to_owned();
    let known_template = AD_TEMPLATES.iter().any(|(t, _)| t.to_string() == template);
    // Without JavaScript one blank row more lets a language be added per save (blank rows are not
    // sent); the island takes it away and adds rows from the template instead.
    let blank = LanguageForm::default();
    let count = f.langs.len();
    let rows = f
        .langs
        .iter()
        .chain([&blank])
        .enumerate()
        .map(|(i, lang)| language_row(&i.to_string(), i + 1, lang, &landed, i == count))
        .collect_view();
    let fields = view! {
        <fieldset class="panel">
            <legend>"Kind"</legend>
            <div class="form form--inline">
                <div class="field">
                    <label class="field__label" for="f-template">"Template"</label>
                    <select id="f-template" name="form[template]" data-wire="template">
                        {AD_TEMPLATES.map(|(t, label)| view! { <option value=t.to_string() selected=template == t.to_string()>{label}</option> })}
                        {(!known_template).then(|| view! { <option value=template.clone() selected=true>{format!("{template} (as published)")}</option> })}
                    </select>
                    {problem("template", landed("template"))}
                </div>
                <div class="field">
                    <label class="field__label" for="f-open_type">"On click"</label>
                    <select id="f-open_type" name="form[open_type]">
                        <option value=OPEN_NEW_WINDOW selected=open_type == OPEN_NEW_WINDOW>"Open the link in a new window (NEW_WINDOW)"</option>
                        <option value="" selected=open_type.is_empty()>"Not set (the platform decides)"</option>
                    </select>
                </div>
            </div>
            <div data-shown-when=format!("form[template]={TEMPLATE_WINSHARE}")>
                {USER_ID.draw(&f.user_id, landed(USER_ID.wire))}
            </div>
        </fieldset>
        {f.data_as_sent.clone().map(|as_sent| view! {
            <div class="warning" data-testid="data-as-sent">
                <p>{format!("Watchers holds languages for this advertisement that the dashboard cannot read: {as_sent}")}</p>
                <input type="hidden" name="form[data_as_sent]" value=as_sent />
                <label class="choice">
                    <input type="checkbox" name="form[replace_data]" value="on" checked=f.replace_data.is_some() data-wire="data" />
                    " Replace them with the languages below"
                </label>
            </div>
        })}
        <div data-testid="languages" data-rows="">{rows}</div>
        <template data-row-template="">{language_row(ROW, 0, &blank, &|_| None, false)}</template>
        {problem("data", landed("data"))}
        <p data-live-only="" hidden>
            <button type="button" class="button button--quiet" data-testid="add-language" data-add-row="">"Add a language"</button>
        </p>
        <fieldset class="panel">
            <legend>"When and where"</legend>
            <p class="muted" data-testid="time-zone" data-live="zone">{parts.zone()}</p>
            <div class="form form--inline">
                {time_input("Send at (optional: now)", "form[send]", "sendTime", &f.send, landed("sendTime"))}
                {time_input("Delete at (optional)", "form[delete]", "deleteTime", &f.delete, landed("deleteTime"))}
            </div>
            {ROOM_IDS.draw(&f.room_ids, landed(ROOM_IDS.wire))}
        </fieldset>
    };
    let composer = Composer {
        draft_key,
        target: advertisement_id,
        test_to,
    };
    composer.draw(&parts, refused, clashes, fields.into_any())
}

impl LiveKind for AdForm {
    const FORM_ID: &'static str = "advertisement-form";
    const ACTION: &'static str = SubmitAdvertisement::PATH;
    const ANSWER: &'static str = LiveAdvertisement::PATH;

    fn preview(payload: &AdvertisementInput) -> AnyView {
        view! { <AdPreview payload=payload.clone() /> }.into_any()
    }

    fn payload_text(payload: &AdvertisementInput) -> String {
        serde_json::to_string_pretty(payload).unwrap_or_default()
    }

    fn times(&self) -> [(&'static str, &LocalTime); 2] {
        [("sendTime", &self.send), ("deleteTime", &self.delete)]
    }
}
