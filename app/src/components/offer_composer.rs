//! The offer composer, drawn on the server and brought to life by the live island: templates 10
//! (text) and 11 (image), look, schedule in local time with UTC beside it, frequency and
//! audience; a live preview of the exact payload and its clashes; save a draft, publish or send a
//! test. It posts as a plain form, with JavaScript or without.

use super::live::{Field, colour_field, problem};
use super::live_composer::{Composer, LiveKind, Parts};
use super::marketing_preview::OfferPreview;
use super::time_zone::time_input;
use crate::api::offers::{LiveOffer, SubmitOffer};
use crate::model::clash::Clash;
use crate::model::offer::OfferInput;
use crate::model::offer::form::OfferForm;
use crate::model::time::LocalTime;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

const TITLE: Field = Field::text("Title", "form[title]", "f-title", "title");
const TEXT: Field = Field {
    kind: "textarea",
    ..Field::text("Text", "form[text]", "f-text", "text")
};
const LINK_TEXT: Field = Field::text("Button text", "form[link_text]", "f-link_text", "linkText");
const PIC: Field = Field {
    kind: "url",
    ..Field::text("Picture address (https)", "form[pic]", "f-pic", "pic")
};
const LINK: Field = Field {
    kind: "url",
    ..Field::text(
        "Where a click goes (http or https)",
        "form[link]",
        "f-link",
        "link",
    )
};
const DIRECTION: Field = Field::text(
    "Direction (e.g. 135deg)",
    "form[gradient_direction]",
    "f-gradient_direction",
    "templateData.gradientDirection",
);
const DELAY: Field = Field {
    kind: "number",
    ..Field::text(
        "Delay before showing (ms)",
        "form[show_delay_ms]",
        "f-show_delay_ms",
        "showDelayMS",
    )
};
const ROOM_IDS: Field = Field {
    kind: "textarea",
    ..Field::text(
        "Room ids (paste: commas, spaces or lines)",
        "form[room_ids]",
        "f-room_ids",
        "externalRoomIds",
    )
};
const USER_IDS: Field = Field {
    kind: "textarea",
    ..Field::text(
        "User ids (paste: commas, spaces or lines)",
        "form[user_ids]",
        "f-user_ids",
        "externalUserIds",
    )
};

/// The composer over `form` (empty, a draft, a published offer's, or as typed for a test),
/// saving to draft `draft_key`, editing `offer_id` if published, with the clashes the server
/// found, whether its times are in the person's zone (`known`; else UTC, and with JavaScript the
/// browser's zone takes over), and whom a test reaches (`test_to`).
#[component]
pub fn OfferComposer(
    form: OfferForm,
    draft_key: String,
    offer_id: Option<i64>,
    clashes: Vec<Clash>,
    known: bool,
    test_to: Option<String>,
) -> impl IntoView {
    let refused = super::form::landed_refusal(SubmitOffer::PATH);
    let refused = refused.as_ref();
    let parts = Parts::of(form, known);
    let f = &parts.form;
    let landed = |wire: &str| parts.landed(wire, refused);
    let field = |field: Field, value: &str| {
        let landed = landed(field.wire);
        field.draw(value, landed)
    };
    let colour = |label: &'static str, key: &str, wire: &'static str, value: &str| {
        colour_field(
            label,
            format!("form[{key}]"),
            format!("f-{key}"),
            wire,
            value,
            landed(wire),
        )
    };
    let choice = |kind: &'static str,
                  name: &'static str,
                  value: &str,
                  on: bool,
                  wire: &'static str,
                  label: &'static str| {
        view! {
            <label class="choice">
                <input type=kind name=name value=value.to_owned() checked=on data-wire=wire />
                {label}
            </label>
        }
    };
    let (t, a) = (f.template.trim(), f.audience.trim());
    let alignment = f.alignment.clone();
    let frequency = f.show_frequency.clone();
    let fields = view! {
        <fieldset class="panel">
            <legend>"Template"</legend>
            {choice("radio", "form[template]", "10", t == "10", "template", " 10 — text: title, text and a button")}
            {choice("radio", "form[template]", "11", t == "11", "template", " 11 — image: a picture that links")}
            {problem("template", landed("template"))}
        </fieldset>
        <fieldset class="panel" data-shown-when="form[template]=10" data-testid="text-fields">
            <legend>"Text offer (template 10)"</legend>
            {field(TITLE, &f.title)}
            {field(TEXT, &f.text)}
            {field(LINK_TEXT, &f.link_text)}
        </fieldset>
        <fieldset class="panel" data-shown-when="form[template]=11" data-testid="image-fields">
            <legend>"Image offer (template 11)"</legend>
            {field(PIC, &f.pic)}
        </fieldset>
        <fieldset class="panel">
            <legend>"Link"</legend>
            {field(LINK, &f.link)}
        </fieldset>
        <fieldset class="panel" data-shown-when="form[template]=10">
            <legend>"Look (template 10)"</legend>
            <div class="field">
                <label class="field__label" for="f-alignment">"Alignment"</label>
                <select id="f-alignment" name="form[alignment]" data-wire="templateData.alignment">
                    {["left", "center", "right"].map(|v| view! { <option value=v selected=alignment == v>{v}</option> })}
                </select>
                {problem("templateData.alignment", landed("templateData.alignment"))}
            </div>
            {f.template_data_as_sent.clone().map(|as_sent| view! {
                <div class="warning" data-testid="look-as-sent">
                    <p>{format!("Watchers holds a look for this offer that the dashboard cannot read: {as_sent}")}</p>
                    <input type="hidden" name="form[template_data_as_sent]" value=as_sent />
                    {choice("checkbox", "form[replace_look]", "on", f.replace_look.is_some(), "templateData", " Replace it with the look below")}
                    {problem("templateData", landed("templateData"))}
                </div>
            })}
            {colour("Background colour", "bg_color", "templateData.bgColor", &f.bg_color)}
            {colour("Text colour", "text_color", "templateData.textColor", &f.text_color)}
            {colour("Button colour", "btn_color", "templateData.btnColor", &f.btn_color)}
            {colour("Button text colour", "btn_text_color", "templateData.btnTextColor", &f.btn_text_color)}
            {choice("checkbox", "form[gradient]", "on", f.gradient.is_some(), "templateData.gradient", " Gradient background")}
            <div class="form form--inline" data-shown-when="form[gradient]=on">
                {colour("Gradient from", "gradient_from", "templateData.gradientFrom", &f.gradient_from)}
                {colour("Gradient to", "gradient_to", "templateData.gradientTo", &f.gradient_to)}
                {field(DIRECTION, &f.gradient_direction)}
            </div>
        </fieldset>
        <fieldset class="panel">
            <legend>"When"</legend>
            <p class="muted" data-testid="time-zone" data-live="zone">{parts.zone()}</p>
            <div class="form form--inline">
                {time_input("Start", "form[start]", "startTime", &f.start, landed("startTime"))}
                {time_input("End (optional)", "form[end]", "endTime", &f.end, landed("endTime"))}
            </div>
            <div class="field">
                <label class="field__label" for="f-show_frequency">"Show"</label>
                <select id="f-show_frequency" name="form[show_frequency]" data-wire="showFrerquency">
                    <option value="ON_ENTRY" selected=frequency == "ON_ENTRY">"On every entry to the chat (ON_ENTRY)"</option>
                    <option value="DAILY" selected=frequency == "DAILY">"Once a day (DAILY)"</option>
                    {(!matches!(frequency.as_str(), "ON_ENTRY" | "DAILY")).then(|| view! {
                        <option value=frequency.clone() selected=true>{format!("{frequency} (as Watchers holds it: choose one of the above)")}</option>
                    })}
                </select>
                {problem("showFrerquency", landed("showFrerquency"))}
            </div>
            {choice("checkbox", "form[show_multiple_times]", "on", f.show_multiple_times.is_some(), "showMultipleTimes", " Show more than once")}
            {field(DELAY, &f.show_delay_ms)}
        </fieldset>
        <fieldset class="panel">
            <legend>"Who sees it"</legend>
            {choice("radio", "form[audience]", "GLOBAL", a == "GLOBAL", "type", " Everyone in every room (GLOBAL)")}
            {choice("radio", "form[audience]", "ROOM", a == "ROOM", "type", " Everyone in some rooms (ROOM)")}
            {choice("radio", "form[audience]", "USER", a == "USER", "type", " Some users (USER)")}
            {problem("type", landed("type"))}
            <div data-shown-when="form[audience]=ROOM">{field(ROOM_IDS, &f.room_ids)}</div>
            <div data-shown-when="form[audience]=USER">{field(USER_IDS, &f.user_ids)}</div>
        </fieldset>
    };
    let composer = Composer {
        draft_key,
        target: offer_id,
        test_to,
    };
    composer.draw(&parts, refused, clashes, fields.into_any())
}

impl LiveKind for OfferForm {
    const FORM_ID: &'static str = "offer-form";
    const ACTION: &'static str = SubmitOffer::PATH;
    const ANSWER: &'static str = LiveOffer::PATH;

    fn preview(payload: &OfferInput) -> AnyView {
        view! { <OfferPreview payload=payload.clone() /> }.into_any()
    }

    fn payload_text(payload: &OfferInput) -> String {
        payload
            .form_fields()
            .into_iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn times(&self) -> [(&'static str, &LocalTime); 2] {
        [("startTime", &self.start), ("endTime", &self.end)]
    }
}
