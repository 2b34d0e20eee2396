//! `/deleted/:id`: one deleted item as it was kept, how its restore stands, "Restore", and for a
//! restored badge its known users given back chunk by chunk with the progress so far.

use crate::api::undo::{RestoreBadgeUsers, get_deleted};
use crate::components::error_panel::ErrorPanel;
use crate::components::time_zone::page_zone;
use crate::components::undo::RestoreForm;
use crate::model::audit::AuditArea;
use crate::model::badge::USERS_CHUNK;
use crate::model::undo::{self, Deleted, Restore};
use crate::model::zone::{Tz, show_in};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn DeletedItemPage() -> impl IntoView {
    let id = crate::pages::route_id();
    let deleted = Resource::new(id, get_deleted);
    let zone = page_zone();
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    let zone = zone.or_utc().await;
                    deleted.await.map(|d| view! { <Kept d zone /> })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn Kept(d: Deleted, zone: Tz) -> impl IntoView {
    let noun = undo::noun(d.area);
    let title = format!("Deleted {noun} “{}”", d.label);
    let new_item = match &d.restore {
        Restore::Done {
            as_id: Some(new), ..
        } => Some(undo::item_path(d.area, new)),
        _ => None,
    };
    let record = serde_json::to_string_pretty(&d.record).unwrap_or_default();
    let users = (d.area == AuditArea::Badges).then(|| view! { <KnownUsers d=d.clone() /> });
    view! {
        <Title text=title.clone() />
        <div class="page-head">
            <p class="muted"><a href=undo::list_path(d.area)>"← Recently deleted"</a></p>
            <h1>{title}</h1>
        </div>
        <section class="panel" data-testid="deleted-item">
            <dl class="facts">
                <dt>"Was"</dt><dd>{format!("{noun} #{}", d.item_id)}</dd>
                <dt>"Deleted"</dt><dd>{format!("{} by {}", show_in(zone, &d.deleted_at), d.deleted_by)}</dd>
                <dt>"Kept until"</dt><dd>{format!("{} (a UTC day)", d.keep_until)}</dd>
            </dl>
            <p data-testid="restore-state">{d.restore_text()}</p>
            {new_item.map(|path| view! { <p><a href=path>{format!("Open the restored {noun}")}</a></p> })}
            {d.restorable().then(|| view! { <RestoreForm deleted=d.clone() /> })}
        </section>
        {users}
        <section class="panel">
            <details>
                <summary>"The record as kept"</summary>
                <pre class="record">{record}</pre>
            </details>
        </section>
    }
}

/// A badge's users as the dashboard knew them, and giving them back to the restored badge (each
/// press's outcome shows at the top of the page, `LandedNote`).
#[component]
fn KnownUsers(d: Deleted) -> impl IntoView {
    let give = ServerAction::<RestoreBadgeUsers>::new();
    let known = d.users.clone().unwrap_or_default();
    let left = d.users_left();
    let next = left.min(USERS_CHUNK as u32);
    let about = "Only users given this badge through the dashboard are known: the platform cannot list a badge's users, so users given it elsewhere are not.";
    let progress = (known.total > 0).then(|| {
        view! {
            <p>
                <label for="users-progress">{format!("{} of {} known users given back", known.sent, known.total)}</label>
                " "
                <progress id="users-progress" max=known.total.to_string() value=known.sent.to_string()></progress>
            </p>
        }
    });
    view! {
        <section class="panel" data-testid="known-users">
            <h2>"Users"</h2>
            <p>{format!("{} known users.", known.total)}" "{about}</p>
            {progress}
            {(left > 0).then(|| view! {
                <ActionForm action=give attr:class="form form--inline">
                    <input type="hidden" name="id" value=d.id.to_string() />
                    <button class="button" type="submit">{format!("Give back the next {next} users")}</button>
                </ActionForm>
            })}
        </section>
    }
}
