//! `/badges/new` and `/badges/:id/edit`: the editor with its live preview. A refused post lands
//! here again with the form as typed.

use crate::api::badges::{CreateBadge, UpdateBadge, get_badge};
use crate::components::badge_editor::BadgeEditor;
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{landed_refusal, landed_typed};
use crate::components::island::IslandScripts;
use crate::model::badge::BadgeForm;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn BadgeNewPage() -> impl IntoView {
    let refused = landed_refusal(CreateBadge::PATH);
    let form = landed_typed::<CreateBadge>()
        .map(|args| args.form)
        .unwrap_or_else(BadgeForm::new_badge);
    view! {
        <Title text="New badge" />
        <IslandScripts />
        <div class="page-head">
            <h1>"New badge"</h1>
            <p class="lead">"Everything you type shows in the preview at once."</p>
        </div>
        <BadgeEditor form id=None refused />
    }
}

#[component]
pub fn BadgeEditPage() -> impl IntoView {
    let id = crate::pages::route_id();
    let badge = Resource::new(id, get_badge);
    let refusal = landed_refusal(UpdateBadge::PATH);
    let typed = landed_typed::<UpdateBadge>().map(|args| (args.id, args.form));
    view! {
        <Title text="Edit badge" />
        <IslandScripts />
        <Suspense fallback=|| view! { <p class="muted">"Loading the badge…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || {
                    let (refusal, typed) = (refusal.clone(), typed.clone());
                    Suspend::new(async move {
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
                            <BadgeEditor form=typed.filter(|(id, _)| *id == badge.id).map(|(_, form)| form).unwrap_or(loaded)
                                id=Some(badge.id) refused=refusal />
                        }
                    })
                    })
                }}
            </ErrorBoundary>
        </Suspense>
    }
}
