//! `/badges/:id`: the badge as users see it, its chain, its users, and delete (asked first).

use crate::api::badges::{DeleteBadge, get_badge};
use crate::components::badge_preview::{
    BadgePill, ChatPreview, ContrastNote, WelcomeCard, badge_pill,
};
use crate::components::badge_users::BadgeUsersPanel;
use crate::components::delete_panel::DeletePanel;
use crate::components::error_panel::ErrorPanel;
use crate::components::header::IfCan;
use crate::components::island::IslandScripts;
use crate::components::time_zone::page_zone;
use crate::model::audit::AuditArea;
use crate::model::badge::Badge;
use crate::model::staff::Capability;
use crate::model::undo;
use crate::model::zone::{Tz, show_in};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn BadgeDetailPage() -> impl IntoView {
    let id = crate::pages::route_id();
    let badge = Resource::new(id, get_badge);
    let zone = page_zone();
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading the badge…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    let zone = zone.or_utc().await;
                    badge.await.map(|badge| view! { <BadgeDetail badge zone /> })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn BadgeDetail(badge: Badge, zone: Tz) -> impl IntoView {
    // A delete goes to the list, which offers "Restore"; a refused one shows at the top here.
    let delete = ServerAction::<DeleteBadge>::new();
    let name = badge.text.clone();
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    // Upstream times in the viewer's zone, UTC beside.
    let when = |v: &Option<String>| v.as_deref().map(|t| show_in(zone, t)).unwrap_or_default();
    view! {
        <Title text=format!("Badge “{}”", badge.text) />
        <IslandScripts />
        <div class="page-head page-head--actions">
            <div>
                <p class="muted"><a href="/badges">"← All badges"</a></p>
                <h1>"Badge " {badge_pill(badge.text.clone(), &badge.background_color, &badge.text_color,
                    s(&badge.pic), badge.tooltip.clone())}</h1>
            </div>
            <IfCan capability=Capability::EditBadges><a class="button" href=format!("/badges/{}/edit", badge.id)>"Edit"</a></IfCan>
        </div>
        <div class="editor">
            <div class="editor__form">
                <section class="panel">
                    <dl class="facts">
                        <dt>"Id"</dt><dd>{badge.id}</dd>
                        <dt>"Tooltip"</dt><dd>{badge.tooltip.clone()}</dd>
                        <dt>"Colours"</dt><dd>{format!("{} on {}", badge.text_color, badge.background_color)}</dd>
                        <dt>"Data"</dt><dd>{s(&badge.data)}</dd>
                        <dt>"Created"</dt><dd>{when(&badge.created_at)}</dd>
                        <dt>"Updated"</dt><dd>{when(&badge.updated_at)}</dd>
                    </dl>
                    <ContrastNote background=badge.background_color.clone() color=badge.text_color.clone() />
                </section>
                <ChainInfo badge=badge.clone() />
                <BadgeUsersPanel badge=badge.id />
                <DeletePanel what=format!("badge “{name}”")
                    question=format!("Delete “{name}” (id {})? Users lose it. A copy is kept: {}", badge.id, undo::restore_promise(AuditArea::Badges))>
                    <ActionForm action=delete>
                        <input type="hidden" name="id" value=badge.id.to_string() />
                        <input type="hidden" name="name" value=name.clone() />
                        <button class="button button--danger" type="submit">{format!("Yes, delete “{name}”")}</button>
                    </ActionForm>
                </DeletePanel>
            </div>
            <aside class="editor__preview" aria-label="Preview">
                <h2>"As users see it"</h2>
                <ChatPreview tooltip=badge.tooltip.clone()>
                    {badge_pill(badge.text.clone(), &badge.background_color, &badge.text_color,
                        s(&badge.pic), badge.tooltip.clone())}
                </ChatPreview>
                <WelcomeCard pic=s(&badge.communication_pic) title=s(&badge.communication_title)
                    text=s(&badge.communication_text) />
            </aside>
        </div>
    }
}

/// The chain this badge belongs to, its badges in order, this one marked.
#[component]
fn ChainInfo(badge: Badge) -> impl IntoView {
    let Some(chain) = badge.chain.clone() else {
        return view! { <section class="panel"><h2>"Chain"</h2><p class="muted">"Not part of a chain."</p></section> }.into_any();
    };
    let name = chain["name"].as_str().unwrap_or("Unnamed chain").to_owned();
    let members = chain["badges"].as_array().cloned().unwrap_or_default();
    view! {
        <section class="panel" data-testid="chain">
            <h2>{format!("Chain: {name}")}</h2>
            <p class="muted">{format!("Position {} of {}.", badge.chain_position.unwrap_or_default(), members.len())}</p>
            <ol class="chain">
                {members.into_iter().map(|m| {
                    let text = |k: &str| m[k].as_str().unwrap_or_default().to_owned();
                    let current = m["id"].as_i64() == Some(badge.id);
                    view! {
                        <li class:current=current>
                            <BadgePill text=text("text") background=text("backgroundColor") color=text("textColor")
                                pic=text("pic") tooltip=text("tooltip") />
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
    .into_any()
}
