//! `/<area>/deleted`: what was deleted through the dashboard and is still kept, with "Restore";
//! and `/deleted/:id`, one kept item (see [`item`]).

mod item;

pub use item::DeletedItemPage;

use crate::api::undo::list_deleted;
use crate::components::error_panel::ErrorPanel;
use crate::components::time_zone::page_zone;
use crate::components::undo::RestoreForm;
use crate::model::audit::AuditArea;
use crate::model::undo::{self, Deleted};
use crate::model::zone::{Tz, show_in};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn DeletedOffersPage() -> impl IntoView {
    view! { <DeletedList area=AuditArea::Offers /> }
}

#[component]
pub fn DeletedAdvertisementsPage() -> impl IntoView {
    view! { <DeletedList area=AuditArea::Advertisements /> }
}

#[component]
pub fn DeletedBadgesPage() -> impl IntoView {
    view! { <DeletedList area=AuditArea::Badges /> }
}

#[component]
pub fn DeletedRoomsPage() -> impl IntoView {
    view! { <DeletedList area=AuditArea::Rooms /> }
}

fn section(area: AuditArea) -> &'static str {
    match area {
        AuditArea::Offers => "Offers",
        AuditArea::Advertisements => "Advertisements",
        AuditArea::Badges => "Badges",
        _ => "Rooms",
    }
}

#[component]
fn DeletedList(area: AuditArea) -> impl IntoView {
    let list = Resource::new(|| (), move |_| list_deleted(area.as_str().to_owned()));
    let title = format!("Recently deleted {}", section(area).to_lowercase());
    let zone = page_zone();
    view! {
        <Title text=title.clone() />
        <div class="page-head">
            <p class="muted"><a href=format!("/{}", area.as_str())>{format!("← {}", section(area))}</a></p>
            <h1>{title}</h1>
            <p class="lead">{format!("Deleted through this dashboard, kept as the platform last answered; each can be restored once. {}", undo::restore_promise(area))}</p>
        </div>
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    let zone = zone.or_utc().await;
                    list.await.map(|list| view! { <DeletedTable list zone /> })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn DeletedTable(list: Vec<Deleted>, zone: Tz) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="muted" data-testid="deleted-empty">"Nothing deleted here lately."</p> }
            .into_any();
    }
    view! {
        <table class="table" data-testid="deleted-list">
            <caption>"Deleted items, newest first"</caption>
            <thead><tr><th scope="col">"Item"</th><th scope="col">"Deleted"</th><th scope="col">"Restore"</th></tr></thead>
            <tbody>
                {list.into_iter().map(|d| {
                    let path = undo::snapshot_path(d.id);
                    let name = format!("{} (#{})", d.label, d.item_id);
                    let when = format!("{} by {}", show_in(zone, &d.deleted_at), d.deleted_by);
                    let restore = if d.restorable() {
                        view! { <RestoreForm deleted=d.clone() /> }.into_any()
                    } else {
                        view! { <span>{d.restore_text()}</span> }.into_any()
                    };
                    view! {
                        <tr data-item=d.item_id.clone()>
                            <td><a href=path>{name}</a></td>
                            <td>{when}</td>
                            <td>{restore}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
