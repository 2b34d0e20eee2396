//! `/badges/new` and `/badges/:id/edit`: the editor with its live preview.

use crate::api::badges::{CreateBadge, UpdateBadge, get_badge};
use crate::components::badge_editor::BadgeEditor;
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{ResultNote, outcome};
use crate::model::badge::BadgeForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn BadgeNewPage() -> impl IntoView {
    let create = ServerAction::<CreateBadge>::new();
    let result = outcome(create.value());
    let form = RwSignal::new(BadgeForm::new_badge());
    view! {
        <Title text="New badge" />
        <div class="page-head">
            <h1>"New badge"</h1>
            <p class="lead">"Everything you type shows in the preview at once."</p>
        </div>
        <ActionForm action=create attr:class="badge-form">
            <BadgeEditor form result>
                <div class="form-actions">
                    <button class="button" type="submit">"Create badge"</button>
                    <a class="button button--quiet" href="/badges">"Cancel"</a>
                    <ResultNote result ok="Created." />
                </div>
            </BadgeEditor>
        </ActionForm>
    }
}

#[component]
pub fn BadgeEditPage() -> impl IntoView {
    let id = crate::pages::route_id();
    let badge = Resource::new(id, get_badge);
    let update = ServerAction::<UpdateBadge>::new();
    let result = outcome(update.value());
    view! {
        <Title text="Edit badge" />
        <Suspense fallback=|| view! { <p class="muted">"Loading the badge…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    badge.await.map(|badge| {
                        let loaded = BadgeForm::from_badge(&badge);
                        // What Watchers holds is shown as it is; what the dashboard's rules
                        // refuse is said at once, and nothing is replaced with a default.
                        let refused = loaded.to_input().err().map(|p| p.into_vec()).unwrap_or_default();
                        let form = RwSignal::new(loaded);
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
                            <ActionForm action=update attr:class="badge-form">
                                <input type="hidden" name="id" value=badge.id.to_string() />
                                <BadgeEditor form result>
                                    <div class="form-actions">
                                        <button class="button" type="submit">"Save changes"</button>
                                        <a class="button button--quiet" href=format!("/badges/{}", badge.id)>"Cancel"</a>
                                        <ResultNote result ok="Saved." />
                                    </div>
                                </BadgeEditor>
                            </ActionForm>
                        }
                    })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}
