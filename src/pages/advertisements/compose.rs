//! `/advertisements/new`, `/advertisements/drafts/:key` and `/advertisements/:id/edit`: the composer, empty, from a saved
//! draft, or over a published advertisement.

use crate::api::advertisements::{get_advertisement, get_advertisement_draft};
use crate::components::ad_composer::AdComposer;
use crate::components::draft_list::{ComposeHead, DraftHead};
use crate::components::error_panel::ErrorPanel;
use crate::model::advertisement::form::AdForm;
use crate::model::draft::{DraftKind, new_draft_key};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AdvertisementNewPage() -> impl IntoView {
    // Made on the server and carried to the browser, so both halves agree on the key.
    let key = SharedValue::new(new_draft_key).into_inner();
    let form = RwSignal::new(AdForm::default());
    view! {
        <Title text="New advertisement" />
        <ComposeHead kind=DraftKind::Advertisement target=None />
        <AdComposer form draft_key=key advertisement_id=None />
    }
}

#[component]
pub fn AdvertisementDraftPage() -> impl IntoView {
    let key = crate::pages::route_key();
    let draft = Resource::new(key, get_advertisement_draft);
    view! {
        <Title text="Advertisement draft" />
        <Suspense fallback=|| view! { <p class="muted">"Loading the draft…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    draft.await.map(|draft| {
                        let form = RwSignal::new(draft.form);
                        let (key, target) = (draft.summary.key.clone(), draft.summary.target_id);
                        view! {
                            <DraftHead summary=draft.summary />
                            <AdComposer form draft_key=key advertisement_id=target />
                        }
                    })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
pub fn AdvertisementEditPage() -> impl IntoView {
    let id = crate::pages::route_id();
    let key = SharedValue::new(new_draft_key).into_inner();
    let ad = Resource::new(id, get_advertisement);
    view! {
        <Title text="Edit advertisement" />
        <Suspense fallback=|| view! { <p class="muted">"Loading the advertisement…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || {
                    let key = key.clone();
                    Suspend::new(async move {
                        ad.await.map(|ad| {
                            let user = ad.report.and_then(|r| r.sent_user_ids.into_iter().next()).unwrap_or_default();
                            let form = RwSignal::new(AdForm::from_advertisement(&ad.item, &user));
                            let id = ad.item.id;
                            view! {
                                <ComposeHead kind=DraftKind::Advertisement target=Some(id) />
                                <AdComposer form draft_key=key advertisement_id=Some(id) />
                            }
                        })
                    })
                }}
            </ErrorBoundary>
        </Suspense>
    }
}
