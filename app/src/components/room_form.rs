//! The new-room form, an island: times typed in the person's zone (or, before one is known, the
//! browser's), with UTC beside each.

use super::field::FormState;
use super::form::{FieldError, ResultNote, outcome};
use super::island::mark_ready;
use super::time_zone::{TimeField, ZoneNote, on_browser_offset};
use crate::api::rooms::CreateRoom;
use crate::model::room::RoomForm;
use crate::model::zone::ZoneOffsets;
use leptos::prelude::*;

#[island(lazy)]
pub fn NewRoomForm(
    /// The person's zone the times are written in, when known.
    zone: Option<ZoneOffsets>,
) -> impl IntoView {
    mark_ready();
    let create = ServerAction::<CreateRoom>::new();
    let result = outcome(create.value());
    // Only the times are bound. In the person's zone each takes the zone's offset at that time
    // (the server reads them in the zone again); before a zone is known, the browser's offset
    // once hydrated, and without JavaScript 0: the form then says the times are UTC.
    let form = RwSignal::new(RoomForm {
        zone: zone.as_ref().map(|z| z.name.clone()).unwrap_or_default(),
        ..RoomForm::default()
    });
    let problems = Memo::new(move |_| form.with(|f| f.to_input().err().unwrap_or_default()));
    let state = FormState::new(problems, result);
    let known = zone.is_some();
    on_browser_offset(move |minutes| {
        if !known {
            form.update(|f| f.tz_offset_minutes = minutes);
        }
    });
    let offset = Signal::derive(move || form.with(|f| f.tz_offset_minutes));
    let zone = StoredValue::new(zone);
    let zone_name = form.with_untracked(|f| f.zone.clone());
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
            <ZoneNote offset zone />
            <input type="hidden" name="form[tz_offset_minutes]" value=move || offset.get().to_string() />
            <input type="hidden" name="form[zone]" value=zone_name />
            <div class="form form--inline">
                <TimeField label="Start (optional: the room is SOON until then)" name="form[start]"
                    wire="startTime" form state zone get=|f| &f.start set=|f| &mut f.start />
                <TimeField label="End (optional: the room is ENDED after)" name="form[end]"
                    wire="endTime" form state zone get=|f| &f.end set=|f| &mut f.end />
            </div>
            <div class="form-actions">
                <button class="button" type="submit">"Create room"</button>
                <ResultNote result ok="Created." />
            </div>
        </ActionForm>
    }
}
