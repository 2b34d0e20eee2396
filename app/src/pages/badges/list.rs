//! `/badges`: every badge drawn as it looks, with tooltip, user count and trigger; paged and
//! sorted through the address, so it works without JavaScript.

use super::platforms::PlatformSwitch;
use super::trigger_summary;
use crate::api::badges::list_badges;
use crate::components::badge_preview::badge_pill;
use crate::components::error_panel::ErrorPanel;
use crate::components::header::IfCan;
use crate::components::undo::{DeletedNotice, RecentlyDeletedLink};
use crate::components::unreadable::rows;
use crate::model::audit::AuditArea;
use crate::model::badge::{BADGES_PAGE, Badge, BadgeOrder};
use crate::model::loose::Listed;
use crate::model::staff::Capability;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn BadgesPage() -> impl IntoView {
    let query = use_query_map();
    let page = move || {
        query.with(|q| {
            q.get("page")
                .and_then(|p| p.parse::<u32>().ok())
                .unwrap_or(0)
        })
    };
    let order = move || {
        query.with(|q| {
            q.get("order")
                .and_then(|o| BadgeOrder::parse(&o))
                .unwrap_or_default()
        })
    };
    let badges = Resource::new(move || (page(), order()), |(p, o)| list_badges(p, o));
    view! {
        <Title text="Badges" />
        <PlatformSwitch tagmango=false />
        <div class="page-head page-head--actions">
            <div>
                <h1>"Badges"</h1>
                <p class="lead">"Design badges and hand them out. Newest first unless you sort otherwise."</p>
            </div>
            <div class="form-actions">
                <RecentlyDeletedLink area=AuditArea::Badges />
                <IfCan capability=Capability::EditBadges><a class="button" href="/badges/new">"New badge"</a></IfCan>
            </div>
        </div>
        <DeletedNotice />
        {move || (query.with(|q| q.get("notice")).as_deref() == Some("created-unread")).then(|| view! {
            <p class="notice notice--warning" role="status" data-testid="created-unread">
                "The badge was created: Watchers accepted it, but its answer could not be read, so it \
                 cannot be opened directly. Find it in the list below; do not create it again."
            </p>
        })}
        <form method="get" action="/badges" class="form form--inline filters">
            <label class="field">
                <span>"Order"</span>
                <select name="order">
                    <option value="id_desc" selected=move || order() == BadgeOrder::IdDesc>"Newest first"</option>
                    <option value="id_asc" selected=move || order() == BadgeOrder::IdAsc>"Oldest first"</option>
                </select>
            </label>
            <button class="button button--quiet" type="submit">"Sort"</button>
        </form>
        <Suspense fallback=|| view! { <p class="muted" data-testid="loading">"Loading badges…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    let (p, o) = (page(), order());
                    badges.await.map(|list| {
                        let full = list.len() as u32 >= BADGES_PAGE;
                        view! {
                            <BadgeTable badges=list />
                            <nav class="pager" aria-label="Pages">
                                {(p > 0).then(|| view! { <a href=format!("/badges?order={}&page={}", o.as_str(), p - 1)>"← Newer"</a> })}
                                <span class="muted">{format!("Page {}", p + 1)}</span>
                                {full.then(|| view! { <a href=format!("/badges?order={}&page={}", o.as_str(), p + 1)>"Older →"</a> })}
                            </nav>
                        }
                    })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn BadgeTable(badges: Vec<Listed<Badge>>) -> impl IntoView {
    if badges.is_empty() {
        return view! {
            <section class="panel panel--empty" data-testid="badges-empty">
                <h2>"No badges here yet"</h2>
                <p>"Create the first one with “New badge”."</p>
            </section>
        }
        .into_any();
    }
    view! {
        <table class="table" data-testid="badges-table">
            <thead>
                <tr><th>"Badge"</th><th>"Tooltip"</th><th>"Users"</th><th>"Trigger"</th><th>"Id"</th></tr>
            </thead>
            <tbody>
                {rows(badges, 5, "Badge", |b| {
                    let href = format!("/badges/{}", b.id);
                    let trigger = trigger_summary(b.trigger.as_ref());
                    view! {
                        <tr data-badge-id=b.id>
                            <td>
                                <a href=href class="badge-link">
                                    {badge_pill(b.text.clone(), &b.background_color, &b.text_color,
                                        b.pic.clone().unwrap_or_default(), b.tooltip.clone())}
                                </a>
                            </td>
                            <td>{b.tooltip.clone()}</td>
                            <td data-testid="user-count">{b.user_count}</td>
                            <td>{trigger}</td>
                            <td>{b.id}</td>
                        </tr>
                    }
                })}
            </tbody>
        </table>
    }
    .into_any()
}
