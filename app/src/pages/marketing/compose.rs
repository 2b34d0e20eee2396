//! The composer pages of a marketing kind: empty (`…/new`), from a saved draft
//! (`…/drafts/:key`), or over a published item (`…/:id/edit`). Each writes the form's times in
//! the person's zone (UTC while none is known) and hands the zone to the composer, with whom
//! their "Send a test to me" reaches; under it, the tests of this kind they sent. After a test
//! sent without JavaScript, `?kept=<key>` brings back the form as it was typed.

use super::MarketingPages;
use crate::api::test_sends::get_kept_form;
use crate::components::draft_list::{ComposeHead, DraftHead};
use crate::components::error_panel::ErrorPanel;
use crate::components::header::{MeResource, use_me};
use crate::components::island::IslandScripts;
use crate::components::live_composer::clashes;
use crate::components::test_sends::TestSendsPanel;
use crate::components::time_zone::page_zone;
use crate::model::clash::Clash;
use crate::model::draft::new_draft_key;
use crate::model::zone::Tz;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The clashes `form` would have if published over `target`, checked while the page is drawn;
/// none when they cannot be checked (the composer says so once it checks again).
async fn clashes_of<F: MarketingPages>(form: &F, target: Option<i64>) -> Vec<Clash> {
    clashes::<F>(&form.payload(), target)
        .await
        .unwrap_or_default()
}

/// `form` with its times written in `zone`, which it names; while none is known, in UTC with no
/// zone named (the live island fills in the browser's). Also whether a zone is known.
fn in_zone<F: MarketingPages>(mut form: F, zone: Option<Tz>) -> (F, bool) {
    form.write_in(zone.unwrap_or(Tz::UTC), chrono::Utc::now());
    if zone.is_none() {
        form.set_zone(String::new());
    }
    (form, zone.is_some())
}

/// The page's `?kept=`: the key of the form kept for a test sent without JavaScript.
fn kept_key() -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.with(|q| q.get("kept"))
}

/// The form the signed-in person typed, kept as `key` when they sent a test without JavaScript,
/// while it is kept: the page shows it instead of the empty or saved one.
async fn kept_form<F: MarketingPages>(key: Option<String>) -> Option<F> {
    let json = get_kept_form(F::KIND, key?).await.ok().flatten()?;
    serde_json::from_str(&json).ok()
}

/// Whom the signed-in person's test of `F`'s kind reaches, if they keep a test audience for it.
async fn test_reach<F: MarketingPages>(me: MeResource) -> Option<String> {
    me.await
        .ok()
        .flatten()
        .and_then(|me| me.test_audience.reach(F::KIND))
}

/// `…/new`.
pub fn new_page<F: MarketingPages>() -> impl IntoView {
    let zone = page_zone();
    let kept = kept_key();
    let me = use_me();
    view! {
        <Title text=format!("New {}", F::KIND.as_str()) />
        <IslandScripts />
        <ComposeHead kind=F::KIND target=None />
        <Suspense fallback=|| view! { <p class="muted">"Loading the form…"</p> }>
            {move || Suspend::new(async move {
                let form = kept_form::<F>(kept()).await.unwrap_or_default();
                let (form, zone) = in_zone(form, zone.known().await);
                F::composer(form, new_draft_key(), None, vec![], zone, test_reach::<F>(me).await)
            })}
        </Suspense>
        <TestSendsPanel kind=Some(F::KIND) />
    }
}

/// `…/drafts/:key`.
pub fn draft_page<F: MarketingPages>() -> impl IntoView {
    let key = crate::pages::route_key();
    let draft = Resource::new(key, F::fetch_draft);
    let zone = page_zone();
    let kept = kept_key();
    let me = use_me();
    view! {
        <Title text=format!("{} draft", F::KIND.noun()) />
        <IslandScripts />
        <Suspense fallback=|| view! { <p class="muted">"Loading the draft…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    let draft = draft.await?;
                    let (key, target) = (draft.summary.key.clone(), draft.summary.target_id);
                    // The draft's key stays the page's own whatever form is shown.
                    let form = kept_form::<F>(kept()).await.unwrap_or(draft.form);
                    let clashes = clashes_of(&form, target).await;
                    let known = zone.known().await;
                    let (form, zone) = in_zone(form, known);
                    let test_to = test_reach::<F>(me).await;
                    Ok::<_, crate::error::AppError>(view! {
                        <DraftHead summary=draft.summary zone=known.unwrap_or(Tz::UTC) />
                        {F::composer(form, key, target, clashes, zone, test_to)}
                    })
                })}
            </ErrorBoundary>
        </Suspense>
        <TestSendsPanel kind=Some(F::KIND) />
    }
}

/// `…/:id/edit`.
pub fn edit_page<F: MarketingPages>() -> impl IntoView {
    let id = crate::pages::route_id();
    let key = new_draft_key();
    let item = Resource::new(id, F::fetch);
    let zone = page_zone();
    let kept = kept_key();
    let me = use_me();
    let noun = F::KIND.as_str();
    view! {
        <Title text=format!("Edit {noun}") />
        <IslandScripts />
        <Suspense fallback=move || view! { <p class="muted">{format!("Loading the {noun}…")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || {
                    let key = key.clone();
                    Suspend::new(async move {
                        let item = item.await?;
                        let id = F::item_id(&item.item);
                        let form = kept_form::<F>(kept())
                            .await
                            .unwrap_or_else(|| F::from_published(&item));
                        let clashes = clashes_of(&form, Some(id)).await;
                        let (form, zone) = in_zone(form, zone.known().await);
                        let test_to = test_reach::<F>(me).await;
                        Ok::<_, crate::error::AppError>(view! {
                            <ComposeHead kind=F::KIND target=Some(id) />
                            {F::composer(form, key, Some(id), clashes, zone, test_to)}
                        })
                    })
                }}
            </ErrorBoundary>
        </Suspense>
        <TestSendsPanel kind=Some(F::KIND) />
    }
}
