//! The advertisement composer: template (12 is a winshare), languages added and removed, send and
//! delete times in local time with UTC beside them, target rooms; a live preview per language
//! of the exact payload; save a draft or publish. It posts as a plain form without JavaScript.

use super::composer::{ComposerActions, ComposerHidden, clash_check, composing, last_was_test};
use super::field::{FieldProblems, FormState, TextField};
use super::island::mark_ready;
use super::marketing_preview::{AdPreview, PayloadView};
use super::time_zone::{TimeField, ZoneNote};
use crate::api::advertisements::SubmitAdvertisement;
use crate::model::advertisement::TEMPLATE_WINSHARE;
use crate::model::advertisement::form::{AD_TEMPLATES, AdForm, LanguageForm, OPEN_NEW_WINDOW};
use crate::model::draft::DraftKind;
use leptos::prelude::*;

type Read = fn(&LanguageForm) -> &String;
type Write = fn(&mut LanguageForm, String);

/// One language's fields; `index` is its row.
#[component]
fn LanguageRow(
    index: usize,
    form: RwSignal<AdForm>,
    state: FormState,
    hydrated: RwSignal<bool>,
) -> impl IntoView {
    let field = move |label: &'static str,
                      key: &'static str,
                      kind: &'static str,
                      read: Read,
                      write: Write| {
        let get = move |f: &AdForm| {
            f.langs
                .get(index)
                .map(|l| read(l).clone())
                .unwrap_or_default()
        };
        let set = move |f: &mut AdForm, v: String| {
            if let Some(l) = f.langs.get_mut(index) {
                write(l, v)
            }
        };
        let name = format!("form[langs][{index}][{key}]");
        let wire = format!(
            "data.{index}.{}",
            match key {
                "link_text" => "linkText",
                other => other,
            }
        );
        view! { <TextField label name wire form get set state kind /> }
    };
    let single = Memo::new(move |_| form.with(|f| f.langs.len() <= 1));
    view! {
        <fieldset class="panel lang-row" data-testid="language-row">
            <legend>{format!("Language {}", index + 1)}</legend>
            <div class="form form--inline">
                {field("Language code (e.g. en)", "lang", "text", |l| &l.lang, |l, v| l.lang = v)}
                {field("Title", "title", "text", |l| &l.title, |l, v| l.title = v)}
            </div>
            {field("Text", "text", "textarea", |l| &l.text, |l, v| l.text = v)}
            <div class="form form--inline">
                {field("Link (http or https)", "link", "url", |l| &l.link, |l, v| l.link = v)}
                {field("Link text", "link_text", "text", |l| &l.link_text, |l, v| l.link_text = v)}
            </div>
            {field("Picture address (https, optional)", "pic", "url", |l| &l.pic, |l, v| l.pic = v)}
            <button type="button" class="button button--quiet" hidden=move || !hydrated.get()
                disabled=move || single.get()
                on:click=move |_| form.update(|f| { if f.langs.len() > 1 { f.langs.remove(index); } })>
                "Remove this language"
            </button>
        </fieldset>
    }
}

/// An island: the whole form with its preview runs in the browser.
#[island(lazy)]
pub fn AdComposer(
    form: AdForm,
    draft_key: String,
    /// The published advertisement this edits.
    advertisement_id: Option<i64>,
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
    let submit = ServerAction::<SubmitAdvertisement>::new();
    let input = submit.input();
    let testing = last_was_test(Signal::derive(move || {
        input.with(|sent| sent.as_ref().map(|s| s.intent.clone()))
    }));
    let c = composing(form, submit.value(), zone);
    let (state, payload, hydrated) = (c.state, c.payload, c.hydrated);
    let count = Memo::new(move |_| form.with(|f| f.langs.len()));
    let winshare = Memo::new(move |_| form.with(|f| f.template() == TEMPLATE_WINSHARE));
    let initial = form.get_untracked();
    let template = initial.template.trim().to_owned();
    let open_type = initial.open_type.trim().to_owned();
    let known_template = AD_TEMPLATES.iter().any(|(t, _)| t.to_string() == template);

    let text = move |label: &'static str,
                     key: &'static str,
                     wire: &'static str,
                     kind: &'static str,
                     read: fn(&AdForm) -> &String,
                     write: fn(&mut AdForm, String)| {
        let get = move |f: &AdForm| read(f).clone();
        view! { <TextField label name=format!("form[{key}]") wire form get set=write state kind /> }
    };
    view! {
        <ActionForm action=submit attr:class="composer-form">
            <ComposerHidden kind=DraftKind::Advertisement draft_key target=advertisement_id offset=c.offset zone=c.zone />
            <div class="editor">
                <div class="editor__form">
                    <fieldset class="panel">
                        <legend>"Kind"</legend>
                        <div class="form form--inline">
                            <div class="field">
                                <label class="field__label" for="f-template">"Template"</label>
                                <select id="f-template" name="form[template]" on:change=move |ev| { let v = event_target_value(&ev); form.update(|f| f.template = v) }>
                                    {AD_TEMPLATES.map(|(t, label)| view! { <option value=t.to_string() selected=template == t.to_string()>{label}</option> })}
                                    {(!known_template).then(|| view! { <option value=template.clone() selected=true>{format!("{template} (as published)")}</option> })}
                                </select>
                                <FieldProblems state wire="template" />
                            </div>
                            <div class="field">
                                <label class="field__label" for="f-open_type">"On click"</label>
                                <select id="f-open_type" name="form[open_type]" on:change=move |ev| { let v = event_target_value(&ev); form.update(|f| f.open_type = v) }>
                                    <option value=OPEN_NEW_WINDOW selected=open_type == OPEN_NEW_WINDOW>"Open the link in a new window (NEW_WINDOW)"</option>
                                    <option value="" selected=open_type.is_empty()>"Not set (the platform decides)"</option>
                                </select>
                            </div>
                        </div>
                        <div hidden=move || hydrated.get() && !winshare.get()>
                            {text("Winner's user id (winshare only, may be empty)", "user_id", "userId", "text", |f| &f.user_id, |f, v| f.user_id = v)}
                        </div>
                    </fieldset>
                    {initial.data_as_sent.clone().map(|as_sent| view! {
                        <div class="warning" data-testid="data-as-sent">
                            <p>{format!("Watchers holds languages for this advertisement that the dashboard cannot read: {as_sent}")}</p>
                            <input type="hidden" name="form[data_as_sent]" value=as_sent />
                            <label class="choice">
                                <input type="checkbox" name="form[replace_data]" value="on" checked=initial.replace_data.is_some()
                                    on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| f.replace_data = on.then(|| "on".into())) } />
                                " Replace them with the languages below"
                            </label>
                        </div>
                    })}
                    <div data-testid="languages">
                        // Without JavaScript one blank row more lets a language be added per save
                        // (blank rows are not sent).
                        {move || (0..count.get() + usize::from(!hydrated.get())).map(|index| view! { <LanguageRow index form state hydrated /> }).collect_view()}
                    </div>
                    <FieldProblems state wire="data" />
                    <p hidden=move || !hydrated.get()>
                        <button type="button" class="button button--quiet" data-testid="add-language"
                            on:click=move |_| form.update(|f| f.langs.push(LanguageForm::default()))>"Add a language"</button>
                    </p>
                    <fieldset class="panel">
                        <legend>"When and where"</legend>
                        <ZoneNote offset=c.offset zone=c.zone />
                        <div class="form form--inline">
                            <TimeField label="Send at (optional: now)" name="form[send]" wire="sendTime" form state zone=c.zone
                                get=|f| &f.send set=|f| &mut f.send />
                            <TimeField label="Delete at (optional)" name="form[delete]" wire="deleteTime" form state zone=c.zone
                                get=|f| &f.delete set=|f| &mut f.delete />
                        </div>
                        {text("Room ids (paste: commas, spaces or lines)", "room_ids", "externalRoomIds", "textarea", |f| &f.room_ids, |f, v| f.room_ids = v)}
                    </fieldset>
                    {clash_check::<AdForm>(payload, advertisement_id, clashes)}
                    <ComposerActions kind=DraftKind::Advertisement editing=advertisement_id.is_some() state value=c.value test_to testing />
                </div>
                <aside class="editor__preview" aria-label="Preview">
                    <h2>"Preview"</h2>
                    <AdPreview payload />
                    <PayloadView text=Signal::derive(move || payload.with(|p| serde_json::to_string_pretty(p).unwrap_or_default())) />
                    <p class="muted" data-testid="problem-count">{state.readiness("Ready to publish.")}</p>
                </aside>
            </div>
        </ActionForm>
    }
}
