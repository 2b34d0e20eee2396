//! `/rooms/new`: create a room, optionally scheduled; times entered in your own time zone.

use crate::components::island::IslandScripts;
use crate::components::room_form::NewRoomForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn RoomNewPage() -> impl IntoView {
    view! {
        <Title text="New room" />
        <IslandScripts />
        <div class="page-head">
            <p class="muted"><a href="/rooms">"← Rooms"</a></p>
            <h1>"New room"</h1>
        </div>
        <section class="panel">
            <NewRoomForm />
        </section>
    }
}
