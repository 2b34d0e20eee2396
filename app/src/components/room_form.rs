//! The new-room form, an island: times typed in the browser's zone, with UTC beside each.

use super::field::FormState;
use super::form::{FieldError, ResultNote, outcome};
use super::island::mark_ready;
use super::time_zone::{TimeField, ZoneNote, on_browser_offset};
use crate::api::rooms::CreateRoom;
use crate::model::room::RoomForm;
use leptos::prelude::*;

#[island(lazy)]
pub fn NewRoomForm() -> impl IntoView {
    mark_ready();
    let create = ServerAction::<CreateRoom>::new();
    let result = outcome(create.value());
    // Only the times are bound (each takes the browser's offset at that time); without
    // JavaScript the offsets stay 0 and the form says the times are UTC.
    let form = RwSignal::new(RoomForm::default());
    let problems = Memo::new(move |_| form.with(|f| f.to_input().err().unwrap_or_default()));
    let state = FormState::new(problems, result);
    on_browser_offset(move |minutes| form.update(|f| f.tz_offset_minutes = minutes));
    let offset = Signal::derive(move || form.with(|f| f.tz_offset_minutes));
    view! {
        <ActionForm action=create attr:class="form">
            <label class="field"><span>"Room id"</span>
                <input name="form[room_id]" required autocomplete="off" />
                <FieldError result field="roomId" /></label>
            <label class="field"><span>"Name (shown in the admin panel)"</span>
                <input name="form[name]" required />
                <FieldError result field="name" /></label>
            <label class="field"><span>"About"</span>
                <textarea name="form[about]" rows="2" required></textarea>
                <FieldError result field="about" /></label>
            <label class="choice"><input type="checkbox" name="form[is_speak]" value="on" />" Voice chat on"</label>
            <ZoneNote offset />
            <input type="hidden" name="form[tz_offset_minutes]" value=move || offset.get().to_string() />
            <div class="form form--inline">
                <TimeField label="Start (optional: the room is SOON until then)" name="form[start]"
                    wire="startTime" form state get=|f| &f.start set=|f| &mut f.start />
                <TimeField label="End (optional: the room is ENDED after)" name="form[end]"
                    wire="endTime" form state get=|f| &f.end set=|f| &mut f.end />
            </div>
            <div class="form-actions">
                <button class="button" type="submit">"Create room"</button>
                <ResultNote result ok="Created." />
            </div>
        </ActionForm>
    }
}
