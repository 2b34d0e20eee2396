//! `/rooms/:id`: a room's state; voice on and off, status (ENDED and DISABLED asked first), and
//! delete (asked first, naming the room).

use super::StatusPill;
use crate::api::rooms::{DeleteRoom, SetRoomStatus, SetRoomVoice, look_up_room};
use crate::components::error_panel::ErrorPanel;
use crate::components::header::use_me;
use crate::components::time_zone::page_zone;
use crate::model::audit::AuditArea;
use crate::model::room::{Room, RoomStatus};
use crate::model::staff::Capability;
use crate::model::undo;
use crate::model::zone::{Tz, show_in};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn RoomDetailPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let voice = ServerAction::<SetRoomVoice>::new();
    let status = ServerAction::<SetRoomStatus>::new();
    let room = Resource::new(
        move || (id(), voice.version().get(), status.version().get()),
        |(id, _, _)| look_up_room(id),
    );
    let zone = page_zone();
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Asking Watchers about the room…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    let zone = zone.or_utc().await;
                    room.await.map(|room| view! { <RoomDetail room voice status zone /> })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn RoomDetail(
    room: Room,
    voice: ServerAction<SetRoomVoice>,
    status: ServerAction<SetRoomStatus>,
    /// The viewer's zone, for the schedule (UTC beside).
    zone: Tz,
) -> impl IntoView {
    let me = use_me();
    // What each form did shows at the top of the page it lands on (`LandedNote`).
    let delete = ServerAction::<DeleteRoom>::new();
    let name = room.name.clone().unwrap_or_else(|| room.room_id.clone());
    let speak = room.is_speak.unwrap_or(false);
    let id = room.room_id.clone();
    let controls = {
        let (id, name) = (id.clone(), name.clone());
        move || {
            let (id, name) = (id.clone(), name.clone());
            Suspend::new(async move {
                let can = me
                    .await
                    .ok()
                    .flatten()
                    .is_some_and(|m| m.role.can(Capability::EditRooms));
                can.then(|| view! { <RoomControls id name speak voice status delete /> })
            })
        }
    };
    view! {
        <Title text=format!("Room “{name}”") />
        <div class="page-head">
            <p class="muted"><a href="/rooms">"← Rooms"</a></p>
            <h1>{name.clone()} " " <StatusPill status=room.status /></h1>
        </div>
        <section class="panel">
            <dl class="facts">
                <dt>"Room id"</dt><dd>{id.clone()}</dd>
                <dt>"About"</dt><dd>{room.about.clone().unwrap_or_default()}</dd>
                <dt>"Voice"</dt><dd data-testid="room-voice">{if speak { "on" } else { "off" }}</dd>
                <dt>"Start"</dt><dd data-testid="room-start">{room.start_time.as_deref().map_or_else(|| "—".into(), |t| show_in(zone, t))}</dd>
                <dt>"End"</dt><dd data-testid="room-end">{room.end_time.as_deref().map_or_else(|| "—".into(), |t| show_in(zone, t))}</dd>
            </dl>
        </section>
        <Suspense>{controls}</Suspense>
    }
}

#[component]
fn RoomControls(
    id: String,
    name: String,
    speak: bool,
    voice: ServerAction<SetRoomVoice>,
    status: ServerAction<SetRoomStatus>,
    delete: ServerAction<DeleteRoom>,
) -> impl IntoView {
    let status_form = |id: String, to: RoomStatus| {
        view! {
            <ActionForm action=status attr:class="inline-form">
                <input type="hidden" name="room_id" value=id />
                <input type="hidden" name="status" value=to.as_str() />
                <button class="button button--small" type="submit">{format!("Set {}", to.as_str())}</button>
            </ActionForm>
        }
    };
    let confirmed = |id: String, name: String, to: RoomStatus| {
        view! {
            <details class="inline-form">
                <summary class="button button--small button--quiet">{format!("Set {}…", to.as_str())}</summary>
                <p>{format!("Set “{name}” to {}? Users can no longer chat in it.", to.as_str())}</p>
                {status_form(id, to)}
            </details>
        }
    };
    let voice_id = id.clone();
    let delete_id = id.clone();
    let question = format!(
        "Delete “{name}” ({id})? A copy is kept: {}",
        undo::restore_promise(AuditArea::Rooms)
    );
    view! {
        <section class="panel">
            <h2>"Voice"</h2>
            <ActionForm action=voice attr:class="inline-form">
                <input type="hidden" name="room_id" value=voice_id />
                <input type="hidden" name="is_speak" value=(!speak).to_string() />
                <button class="button" type="submit">{if speak { "Switch voice off" } else { "Switch voice on" }}</button>
            </ActionForm>
        </section>
        <section class="panel">
            <h2>"Status"</h2>
            {status_form(id.clone(), RoomStatus::Live)}
            {status_form(id.clone(), RoomStatus::Soon)}
            {confirmed(id.clone(), name.clone(), RoomStatus::Ended)}
            {confirmed(id.clone(), name.clone(), RoomStatus::Disabled)}
        </section>
        <section class="panel panel--danger">
            <h2>"Delete"</h2>
            <details>
                <summary class="button button--quiet">{format!("Delete room “{name}”…")}</summary>
                <p>{question}</p>
                <ActionForm action=delete>
                    <input type="hidden" name="room_id" value=delete_id />
                    <input type="hidden" name="name" value=name.clone() />
                    <button class="button button--danger" type="submit">{format!("Yes, delete “{name}”")}</button>
                </ActionForm>
            </details>
        </section>
    }
}
