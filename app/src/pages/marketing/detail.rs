//! A published marketing item's page (`…/:id`): as chat users see it, its facts, its results,
//! what the platform reported on its last publish, edit, and delete (asked first); a test ("Send
//! a test to me") is marked so at its top.

use super::MarketingPages;
use crate::api::test_sends::test_send_ids;
use crate::components::delete_panel::DeletePanel;
use crate::components::error_panel::ErrorPanel;
use crate::components::header::IfCan;
use crate::components::plan::{Explainer, ItemClashes};
use crate::components::targeting_report::TargetingReport;
use crate::components::test_sends::TestMark;
use crate::components::time_zone::page_zone;
use crate::error::AppError;
use crate::model::targeting::WithReport;
use crate::model::undo;
use crate::model::zone::Tz;
use leptos::prelude::*;
use leptos::server_fn::client::Client;
use leptos::server_fn::codec::PostUrl;
use leptos::server_fn::request::ClientReq;
use leptos::server_fn::{Http, ServerFn};
use leptos::web_sys::FormData;
use leptos_meta::Title;
use serde::de::DeserializeOwned;

/// `…/:id`.
pub fn detail_page<F: MarketingPages>() -> impl IntoView {
    let id = crate::pages::route_id();
    let item = Resource::new(id, F::fetch);
    let tests = Resource::new(|| F::KIND, test_send_ids);
    let zone = page_zone();
    let noun = F::KIND.as_str();
    view! {
        <Suspense fallback=move || view! { <p class="muted">{format!("Loading the {noun}…")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    let zone = zone.or_utc().await;
                    // Not marked when which items are tests cannot be read.
                    let tests = tests.await.unwrap_or_default();
                    item.await.map(|item| {
                        let test = tests.contains(&F::item_id(&item.item));
                        detail::<F>(item, zone, test)
                    })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

/// The page of `published`; `test` when it is a test sent with "Send a test to me".
fn detail<F: MarketingPages>(
    published: WithReport<F::Item>,
    zone: Tz,
    test: bool,
) -> impl IntoView {
    let kind = F::KIND;
    let (base, noun, section) = (kind.base(), kind.as_str(), kind.section());
    let name = F::item_name(&published.item);
    let id = F::item_id(&published.item);
    let payload = F::from_published(&published).payload();
    let WithReport { item, report } = published;
    view! {
        <Title text=format!("{} {id}", kind.noun()) />
        <div class="page-head page-head--actions">
            <div>
                <p class="muted"><a href=base>{format!("← All {}", section.to_lowercase())}</a></p>
                <h1>{format!("{} “{name}”", kind.noun())}{test.then(|| view! { " " <TestMark /> })}</h1>
                {test.then(|| view! {
                    <p class="notice" role="note" data-testid="test-send-note">
                        {format!("A test sent with “Send a test to me”: it reaches only its sender’s test audience, and the dashboard removes it after its time. It raises no clash with real {}s.", noun)}
                    </p>
                })}
            </div>
            <IfCan capability=kind.capability()><a class="button" href=format!("{base}/{id}/edit")>"Edit"</a></IfCan>
        </div>
        <div class="editor">
            <div class="editor__form">
                <section class="panel">{F::facts(&item, zone)}</section>
                {F::results(&item, zone)}
                <TargetingReport report zone />
                <ItemClashes kind=noun id />
                <Explainer kind=noun id base />
                <DeletePanel what=format!("{noun} “{name}”")
                    question=format!("Delete “{name}” (id {id})? {}A copy is kept: {}", F::DELETE_WARNING, undo::restore_promise(kind.area()))>
                    {F::delete_form(id, name.clone())}
                </DeletePanel>
            </div>
            <aside class="editor__preview" aria-label="Preview">
                <h2>"As chat users see it"</h2>
                {F::preview(payload)}
            </aside>
        </div>
    }
}

/// The confirmed delete form of item `id` named `name` through server function `S` (which takes
/// `id` and `name`). A delete goes to the list, which offers "Restore"; a refused one shows at
/// the top of this page (`LandedNote`).
pub fn delete_form<S, P>(id: i64, name: String) -> AnyView
where
    S: ServerFn<Protocol = Http<PostUrl, P>, Error = AppError>
        + DeserializeOwned
        + Clone
        + Send
        + Sync
        + 'static,
    <<S::Client as Client<AppError>>::Request as ClientReq<AppError>>::FormData: From<FormData>,
    S::Output: Clone + Send + Sync + 'static,
    S::Client: Client<AppError>,
{
    let delete = ServerAction::<S>::new();
    view! {
        <ActionForm action=delete>
            <input type="hidden" name="id" value=id.to_string() />
            <input type="hidden" name="name" value=name.clone() />
            <button class="button button--danger" type="submit">{format!("Yes, delete “{name}”")}</button>
        </ActionForm>
    }
    .into_any()
}
