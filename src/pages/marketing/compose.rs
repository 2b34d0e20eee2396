//! The composer pages of a marketing kind: empty (`…/new`), from a saved draft
//! (`…/drafts/:key`), or over a published item (`…/:id/edit`).

use super::MarketingPages;
use crate::components::draft_list::{ComposeHead, DraftHead};
use crate::components::error_panel::ErrorPanel;
use crate::model::draft::new_draft_key;
use leptos::prelude::*;
use leptos_meta::Title;

/// `…/new`.
pub fn new_page<F: MarketingPages>() -> impl IntoView {
    // Made on the server and carried to the browser, so both halves agree on the key.
    let key = SharedValue::new(new_draft_key).into_inner();
    let form = RwSignal::new(F::default());
    view! {
        <Title text=format!("New {}", F::KIND.as_str()) />
        <ComposeHead kind=F::KIND target=None />
        {F::composer(form, key, None)}
    }
}

/// `…/drafts/:key`.
pub fn draft_page<F: MarketingPages>() -> impl IntoView {
    let key = crate::pages::route_key();
    let draft = Resource::new(key, F::fetch_draft);
    view! {
        <Title text=format!("{} draft", F::KIND.noun()) />
        <Suspense fallback=|| view! { <p class="muted">"Loading the draft…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    draft.await.map(|draft| {
                        let form = RwSignal::new(draft.form);
                        let (key, target) = (draft.summary.key.clone(), draft.summary.target_id);
                        view! {
                            <DraftHead summary=draft.summary />
                            {F::composer(form, key, target)}
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
    let key = SharedValue::new(new_draft_key).into_inner();
    let item = Resource::new(id, F::fetch);
    let noun = F::KIND.as_str();
    view! {
        <Title text=format!("Edit {noun}") />
        <Suspense fallback=move || view! { <p class="muted">{format!("Loading the {noun}…")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || {
                    let key = key.clone();
                    Suspend::new(async move {
                        item.await.map(|item| {
                            let form = RwSignal::new(F::from_published(&item));
                            let id = F::item_id(&item.item);
                            view! {
                                <ComposeHead kind=F::KIND target=Some(id) />
                                {F::composer(form, key, Some(id))}
                            }
                        })
                    })
                }}
            </ErrorBoundary>
        </Suspense>
    }
}
