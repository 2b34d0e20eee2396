//! `/rooms/new`: create a room, optionally scheduled; times entered in your own time zone.

use crate::components::island::IslandScripts;
use crate::components::room_form::NewRoomForm;
use crate::components::time_zone::page_zone;
use crate::model::zone::ZoneOffsets;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn RoomNewPage() -> impl IntoView {
    let zone = page_zone();
    view! {
        <Title text="New room" />
        <IslandScripts />
        <div class="page-head">
            <p class="muted"><a href="/rooms">"← Rooms"</a></p>
            <h1>"New room"</h1>
        </div>
        <section class="panel">
            <Suspense fallback=|| view! { <p class="muted">"Loading the form…"</p> }>
                {move || Suspend::new(async move {
                    let zone = zone.known().await.map(|z| ZoneOffsets::of(z, chrono::Utc::now()));
                    view! { <NewRoomForm zone /> }
                })}
            </Suspense>
        </section>
    }
}
