//! `/rooms/new`: create a room, optionally scheduled; times entered in your own time zone.

use crate::api::rooms::CreateRoom;
use crate::components::form::{FieldError, ResultNote, outcome};
use crate::components::time_zone::{ZoneNote, on_browser_offset};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn RoomNewPage() -> impl IntoView {
    let create = ServerAction::<CreateRoom>::new();
    let result = outcome(create.value());
    // Without JavaScript the offset stays 0 and the form says the times are UTC.
    let offset = RwSignal::new(0i32);
    on_browser_offset(move |minutes| offset.set(minutes));
    view! {
        <Title text="New room" />
        <div class="page-head">
            <p class="muted"><a href="/rooms">"← Rooms"</a></p>
            <h1>"New room"</h1>
        </div>
        <section class="panel">
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
                    <label class="field"><span>"Start (optional: the room is SOON until then)"</span>
                        <input type="datetime-local" name="form[start_local]" step="1" />
                        <FieldError result field="startTime" /></label>
                    <label class="field"><span>"End (optional: the room is ENDED after)"</span>
                        <input type="datetime-local" name="form[end_local]" step="1" />
                        <FieldError result field="endTime" /></label>
                </div>
                <div class="form-actions">
                    <button class="button" type="submit">"Create room"</button>
                    <ResultNote result ok="Created." />
                </div>
            </ActionForm>
        </section>
    }
}
