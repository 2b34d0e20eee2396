//! The offer composer: templates 10 (text) and 11 (image), look, schedule in local time with
//! UTC beside it, frequency and audience; a live preview of the exact payload; save a draft or
//! publish. It posts as a plain form too, so it works without JavaScript.

use super::composer::{ComposerActions, ComposerHidden, clash_check, composing, last_was_test};
use super::field::{ColorField, FieldProblems, TextField};
use super::island::mark_ready;
use super::marketing_preview::{OfferPreview, PayloadView};
use super::time_zone::{TimeField, ZoneNote};
use crate::api::offers::SubmitOffer;
use crate::model::draft::DraftKind;
use crate::model::offer::form::OfferForm;
use crate::model::offer::{TEMPLATE_IMAGE, TEMPLATE_TEXT};
use leptos::prelude::*;

type Read = fn(&OfferForm) -> &String;
type Write = fn(&mut OfferForm, String);

/// An island: the whole form with its preview runs in the browser.
#[island(lazy)]
pub fn OfferComposer(
    form: OfferForm,
    draft_key: String,
    /// The published offer this edits.
    offer_id: Option<i64>,
    /// Its clashes as the server found them when it drew the page.
    clashes: Vec<crate::model::clash::Clash>,
    /// The person's zone the times are written in, when known.
    zone: Option<crate::model::zone::ZoneOffsets>,
    /// Whom "Send a test to me" reaches (`your 2 test users`); `None` while the person keeps no
    /// test audience for this kind.
    test_to: Option<String>,
) -> impl IntoView {
    mark_ready();
    let form = RwSignal::new(form);
    let submit = ServerAction::<SubmitOffer>::new();
    let input = submit.input();
    let testing = last_was_test(Signal::derive(move || {
        input.with(|sent| sent.as_ref().map(|s| s.intent.clone()))
    }));
    // Once hydrated, only the chosen template's and audience's fields show.
    let c = composing(form, submit.value(), zone);
    let (state, payload, hydrated) = (c.state, c.payload, c.hydrated);
    let template = Memo::new(move |_| form.with(OfferForm::template));
    let audience = Memo::new(move |_| form.with(|f| f.audience.clone()));
    let gradient = Memo::new(move |_| form.with(|f| f.gradient.is_some()));
    let hide_unless = move |t: i64| move || hydrated.get() && template.get() != t;
    let hide_audience = move |a: &'static str| move || hydrated.get() && audience.get() != a;
    let initial = form.get_untracked();

    let text = move |label: &'static str,
                     key: &'static str,
                     wire: &'static str,
                     get: Read,
                     set: Write,
                     kind: &'static str| {
        let get = move |f: &OfferForm| get(f).clone();
        view! { <TextField label name=format!("form[{key}]") wire form get set state kind /> }
    };
    let colour =
        move |label: &'static str, key: &'static str, wire: &'static str, get: Read, set: Write| {
            let get = move |f: &OfferForm| get(f).clone();
            view! { <ColorField label name=format!("form[{key}]") wire form get set state /> }
        };
    let radio = move |name: &'static str,
                      value: &'static str,
                      label: &'static str,
                      checked: bool,
                      set: Write| {
        view! {
            <label class="choice">
                <input type="radio" name=name value=value checked=checked
                    on:change=move |_| form.update(|f| set(f, value.to_owned())) />
                {label}
            </label>
        }
    };
    let check = move |name: &'static str,
                      label: &'static str,
                      on: bool,
                      set: fn(&mut OfferForm, bool)| {
        view! {
            <label class="choice">
                <input type="checkbox" name=name value="on" checked=on
                    on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| set(f, on)) } />
                {label}
            </label>
        }
    };
    let t = initial.template.trim().to_owned();
    let a = initial.audience.trim().to_owned();
    let alignment = initial.alignment.clone();
    let frequency = initial.show_frequency.clone();

    view! {
        <ActionForm action=submit attr:class="composer-form">
            <ComposerHidden kind=DraftKind::Offer draft_key target=offer_id offset=c.offset zone=c.zone />
            <div class="editor">
                <div class="editor__form">
                    <fieldset class="panel">
                        <legend>"Template"</legend>
                        {radio("form[template]", "10", " 10 — text: title, text and a button", t == "10", |f, v| f.template = v)}
                        {radio("form[template]", "11", " 11 — image: a picture that links", t == "11", |f, v| f.template = v)}
                        <FieldProblems state wire="template" />
                    </fieldset>
                    <fieldset class="panel" hidden=hide_unless(TEMPLATE_TEXT) data-testid="text-fields">
                        <legend>"Text offer (template 10)"</legend>
                        {text("Title", "title", "title", |f| &f.title, |f, v| f.title = v, "text")}
                        {text("Text", "text", "text", |f| &f.text, |f, v| f.text = v, "textarea")}
                        {text("Button text", "link_text", "linkText", |f| &f.link_text, |f, v| f.link_text = v, "text")}
                    </fieldset>
                    <fieldset class="panel" hidden=hide_unless(TEMPLATE_IMAGE) data-testid="image-fields">
                        <legend>"Image offer (template 11)"</legend>
                        {text("Picture address (https)", "pic", "pic", |f| &f.pic, |f, v| f.pic = v, "url")}
                    </fieldset>
                    <fieldset class="panel">
                        <legend>"Link"</legend>
                        {text("Where a click goes (http or https)", "link", "link", |f| &f.link, |f, v| f.link = v, "url")}
                    </fieldset>
                    <fieldset class="panel" hidden=hide_unless(TEMPLATE_TEXT)>
                        <legend>"Look (template 10)"</legend>
                        <div class="field">
                            <label class="field__label" for="f-alignment">"Alignment"</label>
                            <select id="f-alignment" name="form[alignment]" on:change=move |ev| { let v = event_target_value(&ev); form.update(|f| f.alignment = v) }>
                                {["left", "center", "right"].map(|v| view! { <option value=v selected=alignment == v>{v}</option> })}
                            </select>
                            <FieldProblems state wire="templateData.alignment" />
                        </div>
                        {initial.template_data_as_sent.clone().map(|as_sent| view! {
                            <div class="warning" data-testid="look-as-sent">
                                <p>{format!("Watchers holds a look for this offer that the dashboard cannot read: {as_sent}")}</p>
                                <input type="hidden" name="form[template_data_as_sent]" value=as_sent />
                                {check("form[replace_look]", " Replace it with the look below", initial.replace_look.is_some(), |f, on| f.replace_look = on.then(|| "on".into()))}
                                <FieldProblems state wire="templateData" />
                            </div>
                        })}
                        {colour("Background colour", "bg_color", "templateData.bgColor", |f| &f.bg_color, |f, v| f.bg_color = v)}
                        {colour("Text colour", "text_color", "templateData.textColor", |f| &f.text_color, |f, v| f.text_color = v)}
                        {colour("Button colour", "btn_color", "templateData.btnColor", |f| &f.btn_color, |f, v| f.btn_color = v)}
                        {colour("Button text colour", "btn_text_color", "templateData.btnTextColor", |f| &f.btn_text_color, |f, v| f.btn_text_color = v)}
                        {check("form[gradient]", " Gradient background", initial.gradient.is_some(), |f, on| f.gradient = on.then(|| "on".into()))}
                        <div class="form form--inline" hidden=move || hydrated.get() && !gradient.get()>
                            {colour("Gradient from", "gradient_from", "templateData.gradientFrom", |f| &f.gradient_from, |f, v| f.gradient_from = v)}
                            {colour("Gradient to", "gradient_to", "templateData.gradientTo", |f| &f.gradient_to, |f, v| f.gradient_to = v)}
                            {text("Direction (e.g. 135deg)", "gradient_direction", "templateData.gradientDirection", |f| &f.gradient_direction, |f, v| f.gradient_direction = v, "text")}
                        </div>
                    </fieldset>
                    <fieldset class="panel">
                        <legend>"When"</legend>
                        <ZoneNote offset=c.offset zone=c.zone />
                        <div class="form form--inline">
                            <TimeField label="Start" name="form[start]" wire="startTime" form state zone=c.zone
                                get=|f| &f.start set=|f| &mut f.start />
                            <TimeField label="End (optional)" name="form[end]" wire="endTime" form state zone=c.zone
                                get=|f| &f.end set=|f| &mut f.end />
                        </div>
                        <div class="field">
                            <label class="field__label" for="f-show_frequency">"Show"</label>
                            <select id="f-show_frequency" name="form[show_frequency]" on:change=move |ev| { let v = event_target_value(&ev); form.update(|f| f.show_frequency = v) }>
                                <option value="ON_ENTRY" selected=frequency == "ON_ENTRY">"On every entry to the chat (ON_ENTRY)"</option>
                                <option value="DAILY" selected=frequency == "DAILY">"Once a day (DAILY)"</option>
                                {(!matches!(frequency.as_str(), "ON_ENTRY" | "DAILY")).then(|| view! {
                                    <option value=frequency.clone() selected=true>{format!("{frequency} (as Watchers holds it: choose one of the above)")}</option>
                                })}
                            </select>
                            <FieldProblems state wire="showFrerquency" />
                        </div>
                        {check("form[show_multiple_times]", " Show more than once", initial.show_multiple_times.is_some(), |f, on| f.show_multiple_times = on.then(|| "on".into()))}
                        {text("Delay before showing (ms)", "show_delay_ms", "showDelayMS", |f| &f.show_delay_ms, |f, v| f.show_delay_ms = v, "number")}
                    </fieldset>
                    <fieldset class="panel">
                        <legend>"Who sees it"</legend>
                        {radio("form[audience]", "GLOBAL", " Everyone in every room (GLOBAL)", a == "GLOBAL", |f, v| f.audience = v)}
                        {radio("form[audience]", "ROOM", " Everyone in some rooms (ROOM)", a == "ROOM", |f, v| f.audience = v)}
                        {radio("form[audience]", "USER", " Some users (USER)", a == "USER", |f, v| f.audience = v)}
                        <FieldProblems state wire="type" />
                        <div hidden=hide_audience("ROOM")>
                            {text("Room ids (paste: commas, spaces or lines)", "room_ids", "externalRoomIds", |f| &f.room_ids, |f, v| f.room_ids = v, "textarea")}
                        </div>
                        <div hidden=hide_audience("USER")>
                            {text("User ids (paste: commas, spaces or lines)", "user_ids", "externalUserIds", |f| &f.user_ids, |f, v| f.user_ids = v, "textarea")}
                        </div>
                    </fieldset>
                    {clash_check::<OfferForm>(payload, offer_id, clashes)}
                    <ComposerActions kind=DraftKind::Offer editing=offer_id.is_some() state value=c.value test_to testing />
                </div>
                <aside class="editor__preview" aria-label="Preview">
                    <h2>"Preview"</h2>
                    <OfferPreview payload />
                    <PayloadView text=Signal::derive(move || payload.with(|p| {
                        p.form_fields().into_iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join("\n")
                    })) />
                    <p class="muted" data-testid="problem-count">{state.readiness("Ready to publish.")}</p>
                </aside>
            </div>
        </ActionForm>
    }
}
