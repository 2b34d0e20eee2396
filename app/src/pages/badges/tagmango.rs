//! `/badges/tagmango` and `/badges/tagmango/:key`: TagMango badges drawn as members see them,
//! with their automation. TagMango has no delete: the pages say so rather than offer one.

use super::platforms::PlatformSwitch;
use crate::api::tagmango::{get_mango_badge, list_mango_badges};
use crate::components::error_panel::ErrorPanel;
use crate::components::header::IfCan;
use crate::components::mango_editor::MangoCard;
use crate::components::time_zone::page_zone;
use crate::components::unreadable::rows;
use crate::model::loose::Listed;
use crate::model::staff::Capability;
use crate::model::tagmango::{Automation, MangoBadge};
use crate::model::zone::{Tz, show_in};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// What `?notice=` says after a save.
fn notice(kind: Option<String>) -> Option<(&'static str, &'static str)> {
    match kind.as_deref() {
        Some("saved") => Some(("notice", "Saved.")),
        Some("saved-automated") => Some((
            "notice",
            "Saved. Automatic assignment may take a while to reach members.",
        )),
        Some("created-unread") => Some((
            "notice notice--warning",
            "The badge was created: TagMango accepted it, but its answer could not be read, so it \
             cannot be opened directly. Find it in the list below; do not create it again.",
        )),
        _ => None,
    }
}

#[component]
fn Notice() -> impl IntoView {
    let query = use_query_map();
    move || {
        notice(query.with(|q| q.get("notice"))).map(|(class, text)| {
            view! { <p class=class role="status" data-testid="saved-notice">{text}</p> }
        })
    }
}

#[component]
pub fn MangoBadgesPage() -> impl IntoView {
    let badges = Resource::new(|| (), |_| list_mango_badges());
    view! {
        <Title text="TagMango badges" />
        <PlatformSwitch tagmango=true />
        <div class="page-head page-head--actions">
            <div>
                <h1>"TagMango badges"</h1>
                <p class="lead">"Badges of your TagMango community, handed out by hand, by points or by subscription."</p>
            </div>
            <IfCan capability=Capability::EditBadges><a class="button" href="/badges/tagmango/new">"New TagMango badge"</a></IfCan>
        </div>
        <Notice />
        <Suspense fallback=|| view! { <p class="muted" data-testid="loading">"Loading badges…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move { badges.await.map(|list| view! { <MangoTable badges=list /> }) })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn MangoTable(badges: Vec<Listed<MangoBadge>>) -> impl IntoView {
    if badges.is_empty() {
        return view! {
            <section class="panel panel--empty" data-testid="badges-empty">
                <h2>"No TagMango badges yet"</h2>
                <p>"Create the first one with “New TagMango badge”."</p>
            </section>
        }
        .into_any();
    }
    view! {
        <table class="table" data-testid="mango-table">
            <thead><tr><th>"Badge"</th><th>"Description"</th><th>"Automation"</th><th>"Id"</th></tr></thead>
            <tbody>
                {rows(badges, 4, "Badge", |b| {
                    let warn = b.has_both_automations().then_some(" (both types set: see the badge)");
                    view! {
                        <tr data-mango-id=b.id.clone()>
                            <td><a href=format!("/badges/tagmango/{}", b.id)>{b.name.clone()}</a></td>
                            <td>{b.description.clone().unwrap_or_default()}</td>
                            <td>{b.automation_summary()}{warn}</td>
                            <td><code>{b.id.clone()}</code></td>
                        </tr>
                    }
                })}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn MangoBadgeDetailPage() -> impl IntoView {
    let key = crate::pages::route_key();
    let badge = Resource::new(key, get_mango_badge);
    let zone = page_zone();
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading the badge…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    let zone = zone.or_utc().await;
                    badge.await.map(|badge| view! { <MangoDetail badge zone /> })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

/// The warning on a record that sets both automation types.
#[component]
pub fn BothAutomations(badge: MangoBadge) -> impl IntoView {
    badge.has_both_automations().then(|| view! {
        <div class="notice notice--warning" role="status" data-testid="both-automations">
            <p>{format!(
                "TagMango holds both a points threshold ({}) and {} mango id(s) for this badge, \
                 though only one automation type can be on at a time. Choose one when you edit it.",
                badge.points_threshold.unwrap_or_default(),
                badge.automation_enabled_mangoes.len()
            )}</p>
        </div>
    })
}

#[component]
fn MangoDetail(badge: MangoBadge, zone: Tz) -> impl IntoView {
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    // Upstream times in the viewer's zone, UTC beside.
    let when = |v: &Option<String>| v.as_deref().map(|t| show_in(zone, t)).unwrap_or_default();
    let automation = match badge.automation() {
        Automation::Off => view! { <p>"By hand only."</p> }.into_any(),
        Automation::Points { threshold, category } => view! {
            <p>{format!("Members whose {category} points reach {threshold} get it (and lose it below).")}</p>
        }
        .into_any(),
        Automation::Mangoes(ids) => view! {
            <p>{format!("Members subscribed to any of these {} mango(s) get it (and lose it when that ends):", ids.len())}</p>
            <ul class="id-list">{ids.into_iter().map(|id| view! { <li><code>{id}</code></li> }).collect_view()}</ul>
        }
        .into_any(),
    };
    let edit = format!("/badges/tagmango/{}/edit", badge.id);
    view! {
        <Title text=format!("TagMango badge “{}”", badge.name) />
        <div class="page-head page-head--actions">
            <div>
                <p class="muted"><a href="/badges/tagmango">"← All TagMango badges"</a></p>
                <h1>{format!("TagMango badge “{}”", badge.name)}</h1>
            </div>
            <IfCan capability=Capability::EditBadges><a class="button" href=edit.clone()>"Edit"</a></IfCan>
        </div>
        <Notice />
        <BothAutomations badge=badge.clone() />
        <div class="editor">
            <div class="editor__form">
                <section class="panel">
                    <dl class="facts">
                        <dt>"Id"</dt><dd><code>{badge.id.clone()}</code></dd>
                        <dt>"Creator"</dt><dd><code>{s(&badge.creator)}</code></dd>
                        <dt>"Created"</dt><dd>{when(&badge.created_at)}</dd>
                        <dt>"Updated"</dt><dd>{when(&badge.updated_at)}</dd>
                    </dl>
                </section>
                <section class="panel">
                    <h2>"Automatic assignment"</h2>
                    {automation}
                </section>
                <section class="panel">
                    <h2>"Deleting"</h2>
                    <p class="muted">"TagMango's API has no way to delete a badge: do that in TagMango itself."</p>
                </section>
            </div>
            <aside class="editor__preview" aria-label="Preview">
                <h2>"As members see it"</h2>
                <MangoCard name=badge.name.clone() description=s(&badge.description) image=s(&badge.image_url) />
            </aside>
        </div>
    }
}
