//! `/badges/tagmango/new` and `/badges/tagmango/:key/edit`: the TagMango editor with its live
//! preview. A refused post lands here again with the form as typed.

use super::tagmango::BothAutomations;
use crate::api::tagmango::{CreateMangoBadge, UpdateMangoBadge, get_mango_badge};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{landed_refusal, landed_typed};
use crate::components::island::IslandScripts;
use crate::components::mango_editor::MangoBadgeEditor;
use crate::model::tagmango::MangoBadgeForm;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn MangoBadgeNewPage() -> impl IntoView {
    let refused = landed_refusal(CreateMangoBadge::PATH);
    let form = landed_typed::<CreateMangoBadge>()
        .map(|args| args.form)
        .unwrap_or_else(MangoBadgeForm::new_badge);
    view! {
        <Title text="New TagMango badge" />
        <IslandScripts />
        <div class="page-head">
            <p class="muted"><a href="/badges/tagmango">"← All TagMango badges"</a></p>
            <h1>"New TagMango badge"</h1>
            <p class="lead">"Everything you type shows in the preview at once."</p>
        </div>
        <MangoBadgeEditor form id=None refused />
    }
}

#[component]
pub fn MangoBadgeEditPage() -> impl IntoView {
    let key = crate::pages::route_key();
    let badge = Resource::new(key, get_mango_badge);
    let refused = landed_refusal(UpdateMangoBadge::PATH);
    let typed = landed_typed::<UpdateMangoBadge>().map(|args| (args.id, args.form));
    view! {
        <Title text="Edit TagMango badge" />
        <IslandScripts />
        <Suspense fallback=|| view! { <p class="muted">"Loading the badge…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || {
                    let (refused, typed) = (refused.clone(), typed.clone());
                    Suspend::new(async move {
                        badge.await.map(|badge| {
                            // The form as typed, when a refused post of this badge landed here.
                            let form = typed
                                .filter(|(id, _)| *id == badge.id)
                                .map(|(_, form)| form)
                                .unwrap_or_else(|| MangoBadgeForm::from_badge(&badge));
                            view! {
                                <div class="page-head">
                                    <p class="muted"><a href=format!("/badges/tagmango/{}", badge.id)>"← Back to the badge"</a></p>
                                    <h1>{format!("Edit “{}”", badge.name)}</h1>
                                </div>
                                <BothAutomations badge=badge.clone() />
                                <MangoBadgeEditor form id=Some(badge.id.clone()) refused />
                            }
                        })
                    })
                }}
            </ErrorBoundary>
        </Suspense>
    }
}
