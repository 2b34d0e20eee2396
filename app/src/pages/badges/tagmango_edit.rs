//! `/badges/tagmango/new` and `/badges/tagmango/:key/edit`: the TagMango editor with its live
//! preview.

use super::tagmango::BothAutomations;
use crate::api::tagmango::get_mango_badge;
use crate::components::error_panel::ErrorPanel;
use crate::components::island::IslandScripts;
use crate::components::mango_editor::{EditMangoBadgeForm, NewMangoBadgeForm};
use crate::model::tagmango::MangoBadgeForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MangoBadgeNewPage() -> impl IntoView {
    view! {
        <Title text="New TagMango badge" />
        <IslandScripts />
        <div class="page-head">
            <p class="muted"><a href="/badges/tagmango">"← All TagMango badges"</a></p>
            <h1>"New TagMango badge"</h1>
            <p class="lead">"Everything you type shows in the preview at once."</p>
        </div>
        <NewMangoBadgeForm form=MangoBadgeForm::new_badge() />
    }
}

#[component]
pub fn MangoBadgeEditPage() -> impl IntoView {
    let key = crate::pages::route_key();
    let badge = Resource::new(key, get_mango_badge);
    view! {
        <Title text="Edit TagMango badge" />
        <IslandScripts />
        <Suspense fallback=|| view! { <p class="muted">"Loading the badge…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    badge.await.map(|badge| {
                        view! {
                            <div class="page-head">
                                <p class="muted"><a href=format!("/badges/tagmango/{}", badge.id)>"← Back to the badge"</a></p>
                                <h1>{format!("Edit “{}”", badge.name)}</h1>
                            </div>
                            <BothAutomations badge=badge.clone() />
                            <EditMangoBadgeForm form=MangoBadgeForm::from_badge(&badge) id=badge.id.clone() />
                        }
                    })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}
