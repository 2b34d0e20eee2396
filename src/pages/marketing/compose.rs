//! The composer pages of a marketing kind: empty (`…/new`), from a saved draft
//! (`…/drafts/:key`), or over a published item (`…/:id/edit`).

use super::MarketingPages;
use crate::components::draft_list::{ComposeHead, DraftHead};
use crate::components::error_panel::ErrorPanel;
use crate::components::island::IslandScripts;
use crate::model::draft::new_draft_key;
use leptos::prelude::*;
use leptos_meta::Title;

/// `…/new`.
pub fn new_page<F: MarketingPages>() -> impl IntoView {
    view! {
        <Title text=format!("New {}", F::KIND.as_str()) />
        <IslandScripts />
        <ComposeHead kind=F::KIND target=None />
        {F::composer(F::default(), new_draft_key(), None)}
    }
}

/// `…/drafts/:key`.
pub fn draft_page<F: MarketingPages>() -> impl IntoView {
    let key = crate::pages::route_key();
    let draft = Resource::new(key, F::fetch_draft);
    view! {
        <Title text=format!("{} draft", F::KIND.noun()) />
        <IslandScripts />
        <Suspense fallback=|| view! { <p class="muted">"Loading the draft…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    draft.await.map(|draft| {
                        let (key, target) = (draft.summary.key.clone(), draft.summary.target_id);
                        view! {
                            <DraftHead summary=draft.summary />
                            {F::composer(draft.form, key, target)}
                        }
                    })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

/// `…/:id/edit`.
pub fn edit_page<F: MarketingPages>() -> impl IntoView {
    let id = crate::pages::route_id();
    let key = new_draft_key();
    let item = Resource::new(id, F::fetch);
    let noun = F::KIND.as_str();
    view! {
        <Title text=format!("Edit {noun}") />
        <IslandScripts />
        <Suspense fallback=move || view! { <p class="muted">{format!("Loading the {noun}…")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || {
                    let key = key.clone();
                    Suspend::new(async move {
                        item.await.map(|item| {
                            let id = F::item_id(&item.item);
                            view! {
                                <ComposeHead kind=F::KIND target=Some(id) />
                                {F::composer(F::from_published(&item), key, Some(id))}
                            }
                        })
                    })
                }}
            </ErrorBoundary>
        </Suspense>
    }
}
