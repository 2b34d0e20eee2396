//! `/deleted/:id`: one deleted item as it was kept, how its restore stands, "Restore", and for a
//! restored badge its known users given back chunk by chunk with the progress so far.

use crate::api::undo::{LiveKnownUsers, RestoreBadgeUsers, get_deleted};
use crate::components::error_panel::ErrorPanel;
use crate::components::island::IslandScripts;
use crate::components::live::LiveForm;
use crate::components::time_zone::page_zone;
use crate::components::undo::{GIVE_BACK_FORM, RestoreForm, known_users_progress};
use crate::model::audit::AuditArea;
use crate::model::undo::{self, Deleted, Restore};
use crate::model::zone::{Tz, show_in};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
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

/// A badge's users as the dashboard knew them, and giving them back to the restored badge: a
/// plain form (each press's outcome shows at the top of the page, `LandedNote`) that the live
/// island brings to life for "Give back all".
#[component]
fn KnownUsers(d: Deleted) -> impl IntoView {
    let total = d.users.as_ref().map_or(0, |u| u.total);
    let about = "Only users given this badge through the dashboard are known: the platform cannot list a badge's users, so users given it elsewhere are not.";
    view! {
        <IslandScripts />
        <section class="panel" data-testid="known-users">
            <h2>"Users"</h2>
            <p>{format!("{total} known users.")}" "{about}</p>
            <form id=GIVE_BACK_FORM method="post" action=RestoreBadgeUsers::PATH class="form form--inline">
                <input type="hidden" name="id" value=d.id.to_string() />
                <div data-live="users" aria-live="polite">{known_users_progress(&d)}</div>
                <p class="form-error" role="alert" data-repeat-failed="" hidden>
                    "Giving back stopped: the last chunk was refused or did not go through. \
                     What is back shows above; press again to go on."
                </p>
            </form>
            <LiveForm form=GIVE_BACK_FORM.to_owned() answer=LiveKnownUsers::PATH.to_owned() />
        </section>
    }
}
