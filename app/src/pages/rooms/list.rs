//! `/rooms`: the rooms created or looked up here, refreshed from Watchers; look one up by id.

use super::StatusPill;
use crate::api::rooms::{LookUpRoom, list_rooms};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FieldError, form_outcome};
use crate::components::header::IfCan;
use crate::components::time_zone::page_zone;
use crate::components::undo::{DeletedNotice, RecentlyDeletedLink};
use crate::model::audit::AuditArea;
use crate::model::query::encode;
use crate::model::staff::Capability;
use crate::model::zone::show_in;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn RoomsPage() -> impl IntoView {
    let look_up = ServerAction::<LookUpRoom>::new();
    // How a look-up ended shows at the top of the page (`LandedNote`); a bad id also by its field.
    let looked = form_outcome(look_up);
    let rooms = Resource::new(move || look_up.version().get(), |_| list_rooms());
    let zone = page_zone();
    view! {
        <Title text="Rooms" />
        <div class="page-head page-head--actions">
            <div>
                <h1>"Rooms"</h1>
                <p class="lead">"Rooms created or looked up here, with their status as Watchers reports it now."</p>
            </div>
            <div class="form-actions">
                <a class="button button--quiet" href="/rooms/agenda">"Agenda"</a>
                <RecentlyDeletedLink area=AuditArea::Rooms />
                <IfCan capability=Capability::EditRooms><a class="button" href="/rooms/new">"New room"</a></IfCan>
            </div>
        </div>
        <DeletedNotice />
        <ActionForm action=look_up attr:class="form form--inline filters">
            <label class="field">
                <span>"Look up a room by id"</span>
                <input name="room_id" required placeholder="e.g. main-stage" />
                <FieldError result=looked field="room_id" />
            </label>
            <button class="button button--quiet" type="submit">"Look up and add"</button>
        </ActionForm>
        <Suspense fallback=|| view! { <p class="muted">"Asking Watchers about the rooms…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    let zone = zone.or_utc().await;
                    let when = move |t: Option<String>| t.map(|t| show_in(zone, &t)).unwrap_or_default();
                    rooms.await.map(|list| {
                        let stale = (list.stale > 0).then(|| view! {
                            <p class="form-error" role="status">{format!("Watchers did not answer for {} room(s): their last known state is shown.", list.stale)}</p>
                        });
                        let body = if list.rooms.is_empty() {
                            view! { <p class="panel panel--empty" data-testid="rooms-empty">"No rooms yet. Create one, or look one up by its id."</p> }.into_any()
                        } else {
                            view! {
                                <table class="table" data-testid="rooms-table">
                                    <thead><tr><th>"Room"</th><th>"Status"</th><th>"Voice"</th><th>"Start"</th><th>"End"</th></tr></thead>
                                    <tbody>
                                        {list.rooms.into_iter().map(|r| view! {
                                            <tr data-room-id=r.room_id.clone()>
                                                <td><a href=format!("/rooms/{}", encode(&r.room_id))>{r.name.clone().unwrap_or_else(|| r.room_id.clone())}</a>
                                                    <div class="muted">{r.room_id.clone()}</div></td>
                                                <td><StatusPill status=r.status /></td>
                                                <td>{match r.is_speak { Some(true) => "on", Some(false) => "off", None => "?" }}</td>
                                                <td>{when(r.start_time.clone())}</td>
                                                <td>{when(r.end_time.clone())}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }.into_any()
                        };
                        view! { {stale} {body} }
                    })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}
