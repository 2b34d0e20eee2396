//! `/offers/:id`: the offer as chat users see it, its settings, what the platform reported on
//! its last publish, edit, and delete (asked first).

use super::list::offer_name;
use crate::api::offers::{DeleteOffer, get_offer};
use crate::components::delete_panel::DeletePanel;
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{ResultNote, outcome};
use crate::components::header::IfCan;
use crate::components::marketing_preview::OfferPreview;
use crate::components::targeting_report::TargetingReport;
use crate::model::draft::WithReport;
use crate::model::offer::Offer;
use crate::model::offer::form::OfferForm;
use crate::model::staff::Capability;
use crate::model::time::show_utc;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn OfferDetailPage() -> impl IntoView {
    let id = crate::pages::route_id();
    let offer = Resource::new(id, get_offer);
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading the offer…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move { offer.await.map(|offer| view! { <OfferDetail offer /> }) })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn OfferDetail(offer: WithReport<Offer>) -> impl IntoView {
    let delete = ServerAction::<DeleteOffer>::new();
    let deleted = outcome(delete.value());
    let WithReport { item: o, report } = offer;
    let name = offer_name(&o);
    let (rooms, users) = report
        .as_ref()
        .map(|r| (r.sent_room_ids.clone(), r.sent_user_ids.clone()))
        .unwrap_or_default();
    let payload = OfferForm::from_offer(&o, &rooms, &users).payload();
    let when = |t: &Option<String>| t.as_deref().map(show_utc).unwrap_or_else(|| "—".into());
    let id = o.id;
    view! {
        <Title text=format!("Offer {id}") />
        <div class="page-head page-head--actions">
            <div>
                <p class="muted"><a href="/offers">"← All offers"</a></p>
                <h1>{format!("Offer “{name}”")}</h1>
            </div>
            <IfCan capability=Capability::EditOffers><a class="button" href=format!("/offers/{id}/edit")>"Edit"</a></IfCan>
        </div>
        <div class="editor">
            <div class="editor__form">
                <section class="panel">
                    <dl class="facts">
                        <dt>"Id"</dt><dd>{id}</dd>
                        <dt>"Template"</dt><dd>{o.template}</dd>
                        <dt>"Audience"</dt><dd>{o.audience.map(|a| a.as_str()).unwrap_or("—")}</dd>
                        <dt>"Start"</dt><dd>{when(&o.start_time)}</dd>
                        <dt>"End"</dt><dd>{when(&o.end_time)}</dd>
                        <dt>"Shown"</dt><dd>{o.show_frequency.map(|f| f.as_str()).unwrap_or("—")}
                            {if o.show_multiple_times { ", more than once" } else { ", once" }}</dd>
                        <dt>"Delay"</dt><dd>{format!("{} ms", o.show_delay_ms.unwrap_or(0))}</dd>
                        <dt>"Link"</dt><dd>{o.link.clone().unwrap_or_default()}</dd>
                    </dl>
                </section>
                <TargetingReport report />
                <DeletePanel what=format!("offer “{name}”")
                    question=format!("Delete “{name}” (id {})? Chat users stop seeing it. This cannot be undone.", id)>
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
                <OfferPreview payload=Signal::stored(payload) />
            </aside>
        </div>
    }
}
