//! `/advertisements/:id`: the advertisement as chat users see it in each language, its status
//! and counters, its results over time (`results`), the last targeting report, edit, and delete
//! (asked first). The page frame is `pages::marketing::detail`; this file says what is the
//! advertisement's own.

use super::list::{ad_languages, ad_name, counter};
use crate::api::advertisements::{DeleteAdvertisement, get_advertisement};
use crate::components::ad_composer::AdComposer;
use crate::components::marketing_preview::AdPreview;
use crate::error::AppError;
use crate::model::advertisement::form::AdForm;
use crate::model::advertisement::{Advertisement, AdvertisementInput};
use crate::model::draft::Draft;
use crate::model::targeting::WithReport;
use crate::model::zone::{Tz, show_in};
use crate::pages::marketing::MarketingPages;
use crate::pages::marketing::detail::{delete_form, detail_page};
use leptos::prelude::*;

#[component]
pub fn AdvertisementDetailPage() -> impl IntoView {
    detail_page::<AdForm>()
}

impl MarketingPages for AdForm {
    const DELETE_WARNING: &'static str = "";

    async fn fetch_draft(key: String) -> Result<Draft<Self>, AppError> {
        crate::api::advertisements::get_advertisement_draft(key).await
    }

    async fn fetch(id: i64) -> Result<WithReport<Advertisement>, AppError> {
        get_advertisement(id).await
    }

    fn composer(
        form: Self,
        draft_key: String,
        target: Option<i64>,
        clashes: Vec<crate::model::clash::Clash>,
        known: bool,
        test_to: Option<String>,
    ) -> AnyView {
        view! {
            <AdComposer form draft_key advertisement_id=target clashes known test_to />
        }
        .into_any()
    }

    fn item_name(item: &Advertisement) -> String {
        ad_name(item)
    }

    fn facts(a: &Advertisement, zone: Tz) -> AnyView {
        let when = |t: &Option<String>| {
            t.as_deref()
                .map(|t| show_in(zone, t))
                .unwrap_or_else(|| "—".into())
        };
        view! {
            <dl class="facts">
                <dt>"Id"</dt><dd>{a.id}</dd>
                <dt>"Template"</dt><dd>{a.template}</dd>
                <dt>"Languages"</dt><dd>{ad_languages(a)}</dd>
                <dt>"Status"</dt><dd data-testid="status">{a.status.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>"Messages"</dt><dd>{counter(a.messages_length)}</dd>
                <dt>"Views"</dt><dd>{counter(a.views_length)}</dd>
                <dt>"On click"</dt><dd>{a.open_type.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>"Send"</dt><dd data-testid="send">{when(&a.send_time)}</dd>
                <dt>"Delete"</dt><dd data-testid="delete">{when(&a.delete_time)}</dd>
                <dt>"Created"</dt><dd>{when(&a.created_at)}</dd>
                {a.data_as_sent().map(|as_sent| view! {
                    <dt>"Languages as sent"</dt>
                    <dd class="warning" data-testid="data-as-sent">
                        {format!("Watchers holds languages this dashboard cannot read, shown as they came: {as_sent}")}
                    </dd>
                })}
            </dl>
        }
        .into_any()
    }

    fn results(a: &Advertisement, zone: Tz) -> AnyView {
        super::results::ad_results(a, zone)
    }

    fn preview(payload: AdvertisementInput) -> AnyView {
        view! { <AdPreview payload=Signal::stored(payload) /> }.into_any()
    }

    fn delete_form(id: i64, name: String) -> AnyView {
        delete_form::<DeleteAdvertisement, _>(id, name)
    }
}
