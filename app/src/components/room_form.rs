//! The new-room form, drawn on the server and brought to life by the live island: times typed in
//! the person's zone (or, before one is known, the browser's; UTC without JavaScript), with UTC
//! beside each, and each field's problem as it is typed. A refused post comes back as typed.

use super::live::{LiveForm, live_answer, problem, refusal_note, refused_at};
use super::time_zone::{time_input, utc_hint, zone_line};
use crate::api::rooms::{CreateRoom, LiveRoom};
use crate::error::AppError;
use crate::model::room::RoomForm;
use crate::model::time::LocalTime;
use crate::model::validate::Problems;
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
    let time = |label: &'static str, name: &str, wire: &'static str, value: &LocalTime| {
        time_input(
            label,
            name,
            wire,
            value,
            refused_at(wire, refused, &parts.problems),
        )
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
                    {time("Start (optional: the room is SOON until then)", "form[start]", "startTime", &parts.start)}
                    {time("End (optional: the room is ENDED after)", "form[end]", "endTime", &parts.end)}
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
    zone: String,
    known: bool,
    offset: i32,
    start: LocalTime,
    end: LocalTime,
    /// The form's problems as typed, by field.
    problems: Problems,
}

impl LiveParts {
    /// Of `form` as typed (`known`: its zone is the person's own).
    fn of(form: &RoomForm, known: bool) -> Self {
        let mut form = form.clone();
        form.read_in_own_zone();
        LiveParts {
            problems: form.to_input().err().unwrap_or_default(),
            zone: form.zone,
            known,
            offset: form.tz_offset_minutes,
            start: form.start,
            end: form.end,
        }
    }

    fn zone(&self) -> impl IntoView + use<> {
        zone_line(&self.zone, self.offset, self.known)
    }
}

/// The live answer to the form as typed (`known`: its zone is the person's own): the zone's
/// sentence, the UTC times and the problems.
pub fn live_parts(form: RoomForm, known: bool) -> String {
    let parts = LiveParts::of(&form, known);
    let regions = vec![
        ("zone", parts.zone().into_any()),
        ("startTime", utc_hint(&parts.start).into_any()),
        ("endTime", utc_hint(&parts.end).into_any()),
    ];
    live_answer(regions, &parts.problems)
}
