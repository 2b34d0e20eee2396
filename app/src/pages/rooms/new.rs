//! `/rooms/new`: create a room, optionally scheduled; times entered in your own time zone. A
//! refused post lands here again with the form as typed.

use crate::api::rooms::CreateRoom;
use crate::components::form::{landed_refusal, landed_typed};
use crate::components::island::IslandScripts;
use crate::components::room_form::NewRoomForm;
use crate::components::time_zone::page_zone;
use crate::model::room::RoomForm;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn RoomNewPage() -> impl IntoView {
    let zone = page_zone();
    let refused = landed_refusal(CreateRoom::PATH);
    let typed = landed_typed::<CreateRoom>().map(|args| args.form);
    view! {
        <Title text="New room" />
        <IslandScripts />
        <div class="page-head">
            <p class="muted"><a href="/rooms">"← Rooms"</a></p>
            <h1>"New room"</h1>
        </div>
        <section class="panel">
            <Suspense fallback=|| view! { <p class="muted">"Loading the form…"</p> }>
                {move || {
                    let (refused, typed) = (refused.clone(), typed.clone());
                    Suspend::new(async move {
                        let known = zone.known().await;
                        let form = typed.unwrap_or_else(|| RoomForm {
                            zone: known.map(|z| z.name().to_owned()).unwrap_or_default(),
                            ..RoomForm::default()
                        });
                        view! { <NewRoomForm form known=known.is_some() refused /> }
                    })
                }}
            </Suspense>
        </section>
    }
}
