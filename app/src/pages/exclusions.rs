//! `/exclusions`: exclude a user from all marketing offers, or include them again; and the users
//! changed through the dashboard (the API has no list of its own).

use crate::api::exclusions::{SetExclusion, list_exclusions};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FieldError, ResultNote, outcome};
use crate::model::exclusion::ExclusionEntry;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ExclusionsPage() -> impl IntoView {
    let set = ServerAction::<SetExclusion>::new();
    let result = outcome(set.value());
    let entries = Resource::new(move || set.version().get(), |_| list_exclusions());
    view! {
        <Title text="User exclusions" />
        <div class="page-head">
            <p class="muted"><a href="/offers">"← Offers"</a>" · "<a href="/advertisements">"Advertisements"</a></p>
            <h1>"User exclusions"</h1>
            <p class="lead">"An excluded user sees no marketing offers at all, whatever their targeting."</p>
        </div>
        <section class="panel">
            <ActionForm action=set attr:class="form form--inline">
                <label class="field"><span>"User id (unencrypted)"</span>
                    <input name="user_id" required autocomplete="off" />
                    <FieldError result field="user_id" /></label>
                <div class="form-actions">
                    <button class="button button--danger" type="submit" name="excluded" value="true">"Exclude from marketing"</button>
                    <button class="button button--quiet" type="submit" name="excluded" value="false">"Include again"</button>
                </div>
            </ActionForm>
            <ResultNote result ok="Done: Watchers accepted the change." />
        </section>
        <section class="panel" data-testid="exclusions">
            <h2>"Changed through this dashboard"</h2>
            <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                    {move || Suspend::new(async move { entries.await.map(|list| view! { <ExclusionTable list /> }) })}
                </ErrorBoundary>
            </Suspense>
        </section>
    }
}

#[component]
fn ExclusionTable(list: Vec<ExclusionEntry>) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="muted">"Nobody yet."</p> }.into_any();
    }
    view! {
        <table class="table">
            <thead><tr><th>"User"</th><th>"Now"</th><th>"Changed"</th></tr></thead>
            <tbody>
                {list.into_iter().map(|e| view! {
                    <tr data-user=e.user_id.clone()>
                        <td>{e.user_id.clone()}</td>
                        <td data-testid="exclusion-state">{if e.excluded { "Excluded" } else { "Included" }}</td>
                        <td>{format!("{} by {}", e.changed_at, e.changed_by)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
