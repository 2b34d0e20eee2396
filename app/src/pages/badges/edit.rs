//! `/badges/new` and `/badges/:id/edit`: the editor with its live preview.

use crate::api::badges::get_badge;
use crate::components::badge_editor::{EditBadgeForm, NewBadgeForm};
use crate::components::error_panel::ErrorPanel;
use crate::components::island::IslandScripts;
use crate::model::badge::BadgeForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn BadgeNewPage() -> impl IntoView {
    view! {
        <Title text="New badge" />
        <IslandScripts />
        <div class="page-head">
            <h1>"New badge"</h1>
            <p class="lead">"Everything you type shows in the preview at once."</p>
        </div>
        <NewBadgeForm form=BadgeForm::new_badge() />
    }
}

#[component]
pub fn BadgeEditPage() -> impl IntoView {
    let id = crate::pages::route_id();
    let badge = Resource::new(id, get_badge);
    view! {
        <Title text="Edit badge" />
        <IslandScripts />
        <Suspense fallback=|| view! { <p class="muted">"Loading the badge…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    badge.await.map(|badge| {
                        let loaded = BadgeForm::from_badge(&badge);
                        // What Watchers holds is shown as it is; what the dashboard's rules
                        // refuse is said at once, and nothing is replaced with a default.
                        let refused = loaded.to_input().err().map(|p| p.into_vec()).unwrap_or_default();
                        view! {
                            <div class="page-head">
                                <h1>{format!("Edit “{}”", badge.text)}</h1>
                            </div>
                            {(!refused.is_empty()).then(|| view! {
                                <div class="notice notice--warning" role="status" data-testid="as-held">
                                    <p>"This badge, as Watchers holds it, does not pass the dashboard's checks. Its values are shown as they are; correct these before saving:"</p>
                                    <ul>{refused.into_iter().map(|p| view! { <li>{p.message}</li> }).collect_view()}</ul>
                                </div>
                            })}
                            <EditBadgeForm form=loaded id=badge.id />
                        }
                    })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}
