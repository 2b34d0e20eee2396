//! `/exclusions`: exclude a user from all marketing offers, or include them again (what the change
//! did shows at the top of the page, `LandedNote`); and the users changed through the dashboard
//! (the API has no list of its own), times in the viewer's zone with UTC beside.

use crate::api::exclusions::{SetExclusion, list_exclusions};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FieldError, form_outcome};
use crate::model::exclusion::Exclusions;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ExclusionsPage() -> impl IntoView {
    let set = ServerAction::<SetExclusion>::new();
    let result = form_outcome(set);
    let list = Resource::new(move || set.version().get(), |_| list_exclusions());
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
        </section>
        <section class="panel" data-testid="exclusions">
            <h2>"Changed through this dashboard"</h2>
            <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                    {move || Suspend::new(async move { list.await.map(|list| view! { <ExclusionTable list /> }) })}
                </ErrorBoundary>
            </Suspense>
        </section>
    }
}

#[component]
fn ExclusionTable(list: Exclusions) -> impl IntoView {
    let zone = if list.zone_label == "UTC" {
        "Times in UTC.".to_owned()
    } else {
        format!("Times in {}, with UTC beside.", list.zone_label)
    };
    let detect = list
        .detect_zone
        .then(|| view! { <script src="/zone.js" defer></script> });
    let table = if list.entries.is_empty() {
        view! { <p class="muted">"Nobody yet."</p> }.into_any()
    } else {
        view! {
            <table class="table">
                <thead><tr><th>"User"</th><th>"Now"</th><th>"Changed"</th></tr></thead>
                <tbody>
                    {list.entries.into_iter().map(|e| view! {
                        <tr data-user=e.user_id.clone()>
                            <td>{e.user_id.clone()}</td>
                            <td data-testid="exclusion-state">{if e.excluded { "Excluded" } else { "Included" }}</td>
                            <td data-testid="exclusion-changed">{format!("{} by {}", e.changed, e.changed_by)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        {detect}
        <p class="muted" data-testid="exclusions-zone">{zone}</p>
        {table}
    }
}
