//! The new-room form, drawn on the server and brought to life by the live island: times typed in
//! the person's zone (or, before one is known, the browser's; UTC without JavaScript), with UTC
//! beside each, and each field's problem as it is typed. A refused post comes back as typed.

use super::live::{LiveForm, live_answer, problem, refusal_note, refused_at};
use super::time_zone::{zone_link, zone_sentence};
use crate::api::rooms::{CreateRoom, LiveRoom};
use crate::error::AppError;
use crate::model::room::RoomForm;
use crate::model::time::{LocalTime, format_room_time};
use crate::model::validate::Problems;
use crate::model::zone::{describe_zone, parse_zone};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The form's element id, which the island finds it by.
const FORM_ID: &str = "room-form";

/// The form, holding `form` (empty, or as typed in a refused post) and the refusal, if any.
/// `known`: whether `form.zone` is the person's own (else the island fills in the browser's).
#[component]
pub fn NewRoomForm(form: RoomForm, known: bool, refused: Option<AppError>) -> impl IntoView {
    let parts = LiveParts::of(&form, known);
    let refused = refused.as_ref();
    let landed = |wire: &'static str| problem(wire, refused_at(wire, refused, &parts.problems));
    let time = |label: &'static str, name: &'static str, wire: &'static str, value: &LocalTime| {
        let id = format!("f-{name}-local");
        view! {
            <div>
                <div class="field">
                    <span class="field__label"><label for=id.clone()>{label}</label></span>
                    <input id=id type="datetime-local" step="1" name=format!("form[{name}][local]")
                        value=value.local.clone() data-wire=wire />
                    {landed(wire)}
                </div>
                <input type="hidden" name=format!("form[{name}][offset]") value=value.offset.to_string() />
                <span data-live=wire>{parts.utc(wire)}</span>
            </div>
        }
    };
    view! {
            <form id=FORM_ID method="post" action=CreateRoom::PATH class="form">
                <label class="field"><span>"Room id"</span>
                    <input name="form[room_id]" required autocomplete="off" value=form.room_id.clone() data-wire="roomId" />
                    {landed("roomId")}</label>
                <label class="field"><span>"Name (shown in the admin panel)"</span>
                    <input name="form[name]" required value=form.name.clone() data-wire="name" />
                    {landed("name")}</label>
                <label class="field"><span>"About"</span>
                    <textarea name="form[about]" rows="2" required data-wire="about">{form.about.clone()}</textarea>
                    {landed("about")}</label>
                <label class="choice"><input type="checkbox" name="form[is_speak]" value="on" checked=form.is_speak.is_some() />" Voice chat on"</label>
                <p class="muted" data-testid="time-zone" data-live="zone">{parts.zone()}</p>
                <input type="hidden" name="form[tz_offset_minutes]" value=form.tz_offset_minutes.to_string() />
                <input type="hidden" name="form[zone]" value=form.zone.clone() data-browser-zone=(!known).then_some("") />
                <div class="form form--inline">
                    {time("Start (optional: the room is SOON until then)", "start", "startTime", &form.start)}
                    {time("End (optional: the room is ENDED after)", "end", "endTime", &form.end)}
                </div>
                <div class="form-actions">
                    <button class="button" type="submit">"Create room"</button>
    {refusal_note(refused)}
                </div>
            </form>
            <LiveForm form=FORM_ID.to_owned() answer=LiveRoom::PATH.to_owned() />
        }
}

/// The parts of the form that follow what is typed: the zone's sentence, the UTC time beside each
/// time and the problems, from the form with its times read in its zone.
struct LiveParts {
    label: Option<String>,
    known: bool,
    offset: i32,
    start: Option<String>,
    end: Option<String>,
    /// The form's problems as typed, by field.
    problems: Problems,
}

impl LiveParts {
    /// Of `form` as typed (`known`: its zone is the person's own).
    fn of(form: &RoomForm, known: bool) -> Self {
        let mut form = form.clone();
        form.read_in_own_zone();
        let zone = parse_zone(&form.zone);
        let utc = |time: &LocalTime| time.to_utc().map(format_room_time);
        LiveParts {
            label: zone.map(|z| describe_zone(z, chrono::Utc::now())),
            known,
            offset: form.tz_offset_minutes,
            start: utc(&form.start),
            end: utc(&form.end),
            problems: form.to_input().err().unwrap_or_default(),
        }
    }

    fn zone(&self) -> impl IntoView + use<> {
        let text = zone_sentence(self.label.as_deref(), self.offset);
        view! { {text} <a href="/account">{zone_link(self.known)}</a> }
    }

    /// "= 2030-07-01 12:00:00 UTC" beside the time whose problems are `wire`'s, when it is one.
    fn utc(&self, wire: &str) -> impl IntoView + use<> {
        let time = if wire == "startTime" {
            &self.start
        } else {
            &self.end
        };
        time.clone().map(|t| {
            view! { <span class="field__hint" data-testid="utc">{format!("= {t} UTC")}</span> }
        })
    }
}

/// The live answer to the form as typed (`known`: its zone is the person's own): the zone's
/// sentence, the UTC times and the problems.
pub fn live_parts(form: RoomForm, known: bool) -> String {
    let parts = LiveParts::of(&form, known);
    let regions = vec![
        ("zone", parts.zone().into_any()),
        ("startTime", parts.utc("startTime").into_any()),
        ("endTime", parts.utc("endTime").into_any()),
    ];
    live_answer(regions, &parts.problems)
}
