//! `/offers`: published offers, newest first, paged through the address, tests marked; and the
//! drafts.

use crate::api::offers::list_offers;
use crate::api::test_sends::test_send_ids;
use crate::components::draft_list::DraftList;
use crate::components::error_panel::ErrorPanel;
use crate::components::header::IfCan;
use crate::components::test_sends::TestMark;
use crate::components::time_zone::page_zone;
use crate::components::undo::{DeletedNotice, RecentlyDeletedLink};
use crate::components::unreadable::rows;
use crate::model::audit::AuditArea;
use crate::model::draft::DraftKind;
use crate::model::draft::MARKETING_PAGE;
use crate::model::loose::Listed;
use crate::model::offer::{Offer, TEMPLATE_IMAGE};
use crate::model::staff::Capability;
use crate::model::zone::{Tz, show_in};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn OffersPage() -> impl IntoView {
    let page = crate::pages::query_page();
    let offers = Resource::new(page, list_offers);
    let tests = Resource::new(|| DraftKind::Offer, test_send_ids);
    let zone = page_zone();
    view! {
        <Title text="Offers" />
        <div class="page-head page-head--actions">
            <div>
                <h1>"Offers"</h1>
                <p class="lead">"Text (template 10) and image (template 11) widgets in the chat, previewed before they go out."</p>
            </div>
            <div class="form-actions">
                <a class="button button--quiet" href="/exclusions">"User exclusions"</a>
                <RecentlyDeletedLink area=AuditArea::Offers />
                <IfCan capability=Capability::EditOffers><a class="button" href="/offers/new">"New offer"</a></IfCan>
            </div>
        </div>
        <DeletedNotice />
        <IfCan capability=Capability::EditOffers><DraftList kind=DraftKind::Offer /></IfCan>
        <Suspense fallback=|| view! { <p class="muted">"Loading offers…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    let p = page();
                    let zone = zone.or_utc().await;
                    // Which are tests: none marked when that cannot be read.
                    let tests = tests.await.unwrap_or_default();
                    offers.await.map(|list| {
                        let full = list.len() as u32 >= MARKETING_PAGE;
                        view! {
                            <OfferTable offers=list zone tests />
                            <nav class="pager" aria-label="Pages">
                                {(p > 0).then(|| view! { <a href=format!("/offers?page={}", p - 1)>"← Newer"</a> })}
                                <span class="muted">{format!("Page {}", p + 1)}</span>
                                {full.then(|| view! { <a href=format!("/offers?page={}", p + 1)>"Older →"</a> })}
                            </nav>
                        }
                    })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

/// What an offer shows, in a few words.
pub fn offer_name(offer: &Offer) -> String {
    let name = if offer.template == TEMPLATE_IMAGE {
        offer.pic.clone()
    } else {
        offer.title.clone()
    };
    name.filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| format!("Offer {}", offer.id))
}

#[component]
fn OfferTable(
    offers: Vec<Listed<Offer>>,
    zone: Tz,
    /// The ids of the offers that are tests.
    tests: Vec<i64>,
) -> impl IntoView {
    if offers.is_empty() {
        return view! {
            <section class="panel panel--empty" data-testid="offers-empty">
                <h2>"No offers published"</h2>
                <p>"Compose one with “New offer”."</p>
            </section>
        }
        .into_any();
    }
    view! {
        <table class="table" data-testid="offers-table">
            <thead><tr><th>"Offer"</th><th>"Template"</th><th>"Audience"</th><th>"Shown"</th><th>"Start"</th><th>"End"</th></tr></thead>
            <tbody>
                {rows(offers, 6, "Offer", |o| {
                    let when = |t: &Option<String>| t.as_deref().map(|t| show_in(zone, t)).unwrap_or_else(|| "—".into());
                    view! {
                        <tr data-offer-id=o.id>
                            <td>
                                <a href=format!("/offers/{}", o.id)>{offer_name(&o)}</a>
                                {tests.contains(&o.id).then(|| view! { " " <TestMark /> })}
                            </td>
                            <td>{o.template}</td>
                            <td>{o.audience.map(|a| a.as_str()).unwrap_or("—")}</td>
                            <td>{o.show_frequency.as_ref().map_or_else(|| "—".to_owned(), |f| f.text.clone())}</td>
                            <td>{when(&o.start_time)}</td>
                            <td>{when(&o.end_time)}</td>
                        </tr>
                    }
                })}
            </tbody>
        </table>
    }
    .into_any()
}
