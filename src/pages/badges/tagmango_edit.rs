//! `/badges/tagmango/new` and `/badges/tagmango/:key/edit`: the TagMango editor with its live
//! preview.

use super::tagmango::BothAutomations;
use crate::api::tagmango::{CreateMangoBadge, UpdateMangoBadge, get_mango_badge};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{ResultNote, outcome};
use crate::components::mango_editor::MangoBadgeEditor;
use crate::model::tagmango::MangoBadgeForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MangoBadgeNewPage() -> impl IntoView {
    let create = ServerAction::<CreateMangoBadge>::new();
    let result = outcome(create.value());
    let form = RwSignal::new(MangoBadgeForm::new_badge());
    view! {
        <Title text="New TagMango badge" />
        <div class="page-head">
            <p class="muted"><a href="/badges/tagmango">"← All TagMango badges"</a></p>
            <h1>"New TagMango badge"</h1>
            <p class="lead">"Everything you type shows in the preview at once."</p>
        </div>
        <ActionForm action=create attr:class="badge-form">
            <MangoBadgeEditor form result>
                <div class="form-actions">
                    <button class="button" type="submit">"Create badge"</button>
                    <a class="button button--quiet" href="/badges/tagmango">"Cancel"</a>
                    <ResultNote result ok="Created." />
                </div>
            </MangoBadgeEditor>
        </ActionForm>
    }
}

#[component]
pub fn MangoBadgeEditPage() -> impl IntoView {
    let key = crate::pages::route_key();
    let badge = Resource::new(key, get_mango_badge);
    let update = ServerAction::<UpdateMangoBadge>::new();
    let result = outcome(update.value());
    view! {
        <Title text="Edit TagMango badge" />
        <Suspense fallback=|| view! { <p class="muted">"Loading the badge…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    badge.await.map(|badge| {
                        let form = RwSignal::new(MangoBadgeForm::from_badge(&badge));
                        view! {
                            <div class="page-head">
                                <p class="muted"><a href=format!("/badges/tagmango/{}", badge.id)>"← Back to the badge"</a></p>
                                <h1>{format!("Edit “{}”", badge.name)}</h1>
                            </div>
                            <BothAutomations badge=badge.clone() />
                            <ActionForm action=update attr:class="badge-form">
                                <input type="hidden" name="id" value=badge.id.clone() />
                                <MangoBadgeEditor form result>
                                    <div class="form-actions">
                                        <button class="button" type="submit">"Save changes"</button>
                                        <a class="button button--quiet" href=format!("/badges/tagmango/{}", badge.id)>"Cancel"</a>
                                        <ResultNote result ok="Saved." />
                                    </div>
                                </MangoBadgeEditor>
                            </ActionForm>
                        }
                    })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}
