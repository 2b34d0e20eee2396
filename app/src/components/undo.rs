//! Real undo where staff meet it: the notice a list shows right after a delete, with "Restore",
//! the restore form itself, and the link to an area's recently deleted items.

use crate::api::undo::{RestoreDeleted, get_deleted};
use crate::components::form::{FieldError, form_outcome};
use crate::components::header::IfCan;
use crate::model::audit::AuditArea;
use crate::model::badge::USERS_CHUNK;
use crate::model::undo::{self, Deleted};
use leptos::prelude::*;

/// "Restore" for snapshot `deleted`: one press recreates it (a room asks which id, its old one
/// first). The browser goes to the snapshot's page, which says how it ended; a refusal shows at
/// the top of the page it was asked from, a taken room id also by its field.
#[component]
pub fn RestoreForm(deleted: Deleted) -> impl IntoView {
    let restore = ServerAction::<RestoreDeleted>::new();
    let result = form_outcome(restore);
    let noun = undo::noun(deleted.area);
    let room = (deleted.area == AuditArea::Rooms).then(|| {
        view! {
            <label class="field"><span>"Room id"</span>
                <input name="room_id" value=deleted.item_id.clone() autocomplete="off" />
                <small class="muted">"Its old id while that is free; else pick another."</small>
                <FieldError result field="room_id" /></label>
        }
    });
    view! {
        <ActionForm action=restore attr:class="form form--inline" attr:data-testid="restore-form">
            <input type="hidden" name="id" value=deleted.id.to_string() />
            {room}
            <button class="button" type="submit">{format!("Restore {noun} “{}”", deleted.label)}</button>
        </ActionForm>
    }
}

/// The notice a list shows after a delete (`?deleted=<snapshot>`), with what "Restore" will do
/// for its kind, and "Restore".
#[component]
pub fn DeletedNotice() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let kept = move || query.with(|q| q.get("deleted").and_then(|id| id.parse::<i64>().ok()));
    let deleted = Resource::new(kept, |id| async move {
        match id {
            Some(id) => get_deleted(id).await.ok(),
            None => None,
        }
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                deleted.await.map(|d| {
                    let noun = undo::noun(d.area);
                    let text = format!("Deleted {noun} “{}” ({}).", d.label, d.item_id);
                    let promise = format!(" A copy is kept: {}", undo::restore_promise(d.area));
                    let restorable = d.restorable();
                    let status = (!restorable).then(|| d.restore_text());
                    let path = undo::snapshot_path(d.id);
                    view! {
                        <section class="panel notice-panel" role="status" data-testid="deleted-notice">
                            <p><strong>{text}</strong>{promise}</p>
                            {status.map(|s| view! { <p>{s}</p> })}
                            {restorable.then(|| view! { <RestoreForm deleted=d.clone() /> })}
                            <p class="muted"><a href=path>"What was kept"</a></p>
                        </section>
                    }
                })
            })}
        </Suspense>
    }
}

/// "Recently deleted" of `area`, for those who may restore its items.
#[component]
pub fn RecentlyDeletedLink(area: AuditArea) -> impl IntoView {
    view! {
        <IfCan capability=undo::capability(area)>
            <a class="button button--quiet" href=undo::list_path(area)>"Recently deleted"</a>
        </IfCan>
    }
}

/// The element id of the form that gives a restored badge's known users back.
pub const GIVE_BACK_FORM: &str = "give-back-users";

/// How far a restored badge's known users are given back, and while some are not: "Give back the
/// next N users", a press a chunk, with JavaScript or without; and, once the live island runs,
/// "Give back all N users" (`data-repeat`), which it presses on with, a chunk at a time, while
/// some are left (`data-more`) and no chunk failed. Drawn with the page, and again by the live answer after each
/// chunk.
pub fn known_users_progress(d: &Deleted) -> impl IntoView + use<> {
    let known = d.users.clone().unwrap_or_default();
    let left = d.users_left();
    let next = left.min(USERS_CHUNK as u32);
    let progress = (known.total > 0).then(|| {
        view! {
            <p>
                <label for="users-progress">{format!("{} of {} known users given back", known.sent, known.total)}</label>
                " "
                <progress id="users-progress" max=known.total.to_string() value=known.sent.to_string()></progress>
            </p>
        }
    });
    let buttons = (left > 0).then(|| {
        let all = (left > next).then(|| {
            view! {
                <button class="button" type="submit" data-repeat="" data-live-only="" hidden>
                    {format!("Give back all {left} users")}
                </button>
            }
        });
        view! {
            // `data-more`: what the live island's "Give back all" goes on while it is there.
            <div class="form-actions" data-more="">
                <button class="button" type="submit">{format!("Give back the next {next} users")}</button>
                {all}
            </div>
        }
    });
    view! { {progress} {buttons} }
}
