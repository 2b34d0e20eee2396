//! `/offers/:id`: the offer as chat users see it, its settings, what the platform reported on
//! its last publish (and that offers have no counters to chart), edit, and delete (asked first).
//! The page frame is `pages::marketing::detail`; this file says what is the offer's own.

use super::list::offer_name;
use crate::api::offers::{DeleteOffer, get_offer};
use crate::components::marketing_preview::OfferPreview;
use crate::components::offer_composer::OfferComposer;
use crate::error::AppError;
use crate::model::draft::Draft;
use crate::model::loose::Embedded;
use crate::model::offer::form::OfferForm;
use crate::model::offer::{Offer, OfferInput};
use crate::model::targeting::WithReport;
use crate::model::zone::{Tz, show_in};
use crate::pages::marketing::MarketingPages;
use crate::pages::marketing::detail::{delete_form, detail_page};
use leptos::prelude::*;

#[component]
pub fn OfferDetailPage() -> impl IntoView {
    detail_page::<OfferForm>()
}

impl MarketingPages for OfferForm {
    const DELETE_WARNING: &'static str = "Chat users stop seeing it. ";

    async fn fetch_draft(key: String) -> Result<Draft<Self>, AppError> {
        crate::api::offers::get_offer_draft(key).await
    }

    async fn fetch(id: i64) -> Result<WithReport<Offer>, AppError> {
        get_offer(id).await
    }

    fn composer(
        form: Self,
        draft_key: String,
        target: Option<i64>,
        clashes: Vec<crate::model::clash::Clash>,
        known: bool,
        test_to: Option<String>,
    ) -> AnyView {
        view! { <OfferComposer form draft_key offer_id=target clashes known test_to /> }.into_any()
    }

    fn item_name(item: &Offer) -> String {
        offer_name(item)
    }

    fn facts(o: &Offer, zone: Tz) -> AnyView {
        let when = |t: &Option<String>| {
            t.as_deref()
                .map(|t| show_in(zone, t))
                .unwrap_or_else(|| "—".into())
        };
        view! {
            <dl class="facts">
                <dt>"Id"</dt><dd>{o.id}</dd>
                <dt>"Template"</dt><dd>{o.template}</dd>
                <dt>"Audience"</dt><dd>{o.audience.map(|a| a.as_str()).unwrap_or("—")}</dd>
                <dt>"Start"</dt><dd data-testid="start">{when(&o.start_time)}</dd>
                <dt>"End"</dt><dd data-testid="end">{when(&o.end_time)}</dd>
                <dt>"Shown"</dt><dd>{o.show_frequency.as_ref().map_or_else(|| "—".to_owned(), |f| f.text.clone())}
                    {if o.show_multiple_times { ", more than once" } else { ", once" }}</dd>
                <dt>"Delay"</dt><dd>{format!("{} ms", o.show_delay_ms.unwrap_or(0))}</dd>
                <dt>"Link"</dt><dd>{o.link.clone().unwrap_or_default()}</dd>
                {match &o.template_data {
                    Some(Embedded::AsSent { as_sent }) => Some(view! {
                        <dt>"Look"</dt>
                        <dd class="warning" data-testid="look-as-sent">
                            {format!("Watchers holds a look this dashboard cannot read, shown as it came: {as_sent}")}
                        </dd>
                    }),
                    _ => None,
                }}
            </dl>
        }
        .into_any()
    }

    fn results(_: &Offer, _: Tz) -> AnyView {
        view! {
            <section class="panel" aria-labelledby="results-heading" data-testid="offer-results">
                <h2 id="results-heading">"Results"</h2>
                <p class="muted" data-testid="no-counters">
                    "Watchers keeps no counters for offers (advertisements have views and messages), so there are no results to chart."
                </p>
            </section>
        }
        .into_any()
    }

    fn preview(payload: OfferInput) -> AnyView {
        view! { <OfferPreview payload=Signal::stored(payload) /> }.into_any()
    }

    fn delete_form(id: i64, name: String) -> AnyView {
        delete_form::<DeleteOffer, _>(id, name)
    }
}
