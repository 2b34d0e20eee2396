//! `/advertisements/:id`: the advertisement as chat users see it in each language, its status
//! and counters, the last targeting report, edit, and delete (asked first).

use super::list::{ad_languages, ad_name};
use crate::api::advertisements::{DeleteAdvertisement, get_advertisement};
use crate::components::delete_panel::DeletePanel;
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{ResultNote, outcome};
use crate::components::header::IfCan;
use crate::components::marketing_preview::AdPreview;
use crate::components::targeting_report::TargetingReport;
use crate::model::advertisement::Advertisement;
use crate::model::advertisement::form::AdForm;
use crate::model::draft::WithReport;
use crate::model::staff::Capability;
use crate::model::time::show_utc;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AdvertisementDetailPage() -> impl IntoView {
    let id = crate::pages::route_id();
    let ad = Resource::new(id, get_advertisement);
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading the advertisement…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move { ad.await.map(|ad| view! { <AdDetail ad /> }) })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn AdDetail(ad: WithReport<Advertisement>) -> impl IntoView {
    let delete = ServerAction::<DeleteAdvertisement>::new();
    let deleted = outcome(delete.value());
    let WithReport { item: a, report } = ad;
    let name = ad_name(&a);
    let user = report
        .as_ref()
        .and_then(|r| r.sent_user_ids.first().cloned())
        .unwrap_or_default();
    let payload = AdForm::from_advertisement(&a, &user).payload();
    let when = |t: &Option<String>| t.as_deref().map(show_utc).unwrap_or_else(|| "—".into());
    let id = a.id;
    view! {
        <Title text=format!("Advertisement {id}") />
        <div class="page-head page-head--actions">
            <div>
                <p class="muted"><a href="/advertisements">"← All advertisements"</a></p>
                <h1>{format!("Advertisement “{name}”")}</h1>
            </div>
            <IfCan capability=Capability::EditAdvertisements><a class="button" href=format!("/advertisements/{id}/edit")>"Edit"</a></IfCan>
        </div>
        <div class="editor">
            <div class="editor__form">
                <section class="panel">
                    <dl class="facts">
                        <dt>"Id"</dt><dd>{id}</dd>
                        <dt>"Template"</dt><dd>{a.template}</dd>
                        <dt>"Languages"</dt><dd>{ad_languages(&a)}</dd>
                        <dt>"Status"</dt><dd data-testid="status">{a.status.clone().unwrap_or_else(|| "—".into())}</dd>
                        <dt>"Messages"</dt><dd>{a.messages_length}</dd>
                        <dt>"Views"</dt><dd>{a.views_length}</dd>
                        <dt>"On click"</dt><dd>{a.open_type.clone().unwrap_or_else(|| "—".into())}</dd>
                        <dt>"Send"</dt><dd>{when(&a.send_time)}</dd>
                        <dt>"Delete"</dt><dd>{when(&a.delete_time)}</dd>
                        <dt>"Created"</dt><dd>{when(&a.created_at)}</dd>
                    </dl>
                </section>
                <TargetingReport report />
                <DeletePanel what=format!("advertisement “{name}”")
                    question=format!("Delete “{name}” (id {})? This cannot be undone.", id)>
                    <ActionForm action=delete>
                            <input type="hidden" name="id" value=id.to_string() />
                            <input type="hidden" name="name" value=name.clone() />
                            <button class="button button--danger" type="submit">{format!("Yes, delete “{name}”")}</button>
                        </ActionForm>
                        <ResultNote result=deleted ok="Deleted." />
                </DeletePanel>
            </div>
            <aside class="editor__preview" aria-label="Preview">
                <h2>"As chat users see it"</h2>
                <AdPreview payload=Signal::stored(payload) />
            </aside>
        </div>
    }
}
