//! `/offers/new`, `/offers/drafts/:key` and `/offers/:id/edit`: the composer, empty, from a saved
//! draft, or over a published offer.

use crate::api::offers::{get_offer, get_offer_draft};
use crate::components::draft_list::{ComposeHead, DraftHead};
use crate::components::error_panel::ErrorPanel;
use crate::components::offer_composer::OfferComposer;
use crate::model::draft::{DraftKind, new_draft_key};
use crate::model::offer::form::OfferForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn OfferNewPage() -> impl IntoView {
    // Made on the server and carried to the browser, so both halves agree on the key.
    let key = SharedValue::new(new_draft_key).into_inner();
    let form = RwSignal::new(OfferForm::default());
    view! {
        <Title text="New offer" />
        <ComposeHead kind=DraftKind::Offer target=None />
        <OfferComposer form draft_key=key offer_id=None />
    }
}

#[component]
pub fn OfferDraftPage() -> impl IntoView {
    let key = crate::pages::route_key();
    let draft = Resource::new(key, get_offer_draft);
    view! {
        <Title text="Offer draft" />
        <Suspense fallback=|| view! { <p class="muted">"Loading the draft…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    draft.await.map(|draft| {
                        let form = RwSignal::new(draft.form);
                        let (key, target) = (draft.summary.key.clone(), draft.summary.target_id);
                        view! {
                            <DraftHead summary=draft.summary />
                            <OfferComposer form draft_key=key offer_id=target />
                        }
                    })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
pub fn OfferEditPage() -> impl IntoView {
    let id = crate::pages::route_id();
    let key = SharedValue::new(new_draft_key).into_inner();
    let offer = Resource::new(id, get_offer);
    view! {
        <Title text="Edit offer" />
        <Suspense fallback=|| view! { <p class="muted">"Loading the offer…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || {
                    let key = key.clone();
                    Suspend::new(async move {
                        offer.await.map(|offer| {
                            let (rooms, users) = offer.report.map(|r| (r.sent_room_ids, r.sent_user_ids)).unwrap_or_default();
                            let form = RwSignal::new(OfferForm::from_offer(&offer.item, &rooms, &users));
                            let id = offer.item.id;
                            view! {
                                <ComposeHead kind=DraftKind::Offer target=Some(id) />
                                <OfferComposer form draft_key=key offer_id=Some(id) />
                            }
                        })
                    })
                }}
            </ErrorBoundary>
        </Suspense>
    }
}
