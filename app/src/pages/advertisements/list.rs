//! `/advertisements`: advertisements with their status and counters, paged, tests marked; and
//! the drafts.

use crate::api::advertisements::list_advertisements;
use crate::api::test_sends::test_send_ids;
use crate::components::draft_list::DraftList;
use crate::components::error_panel::ErrorPanel;
use crate::components::header::IfCan;
use crate::components::test_sends::TestMark;
use crate::components::time_zone::page_zone;
use crate::components::undo::{DeletedNotice, RecentlyDeletedLink};
use crate::components::unreadable::rows;
use crate::model::advertisement::{Advertisement, TEMPLATE_WINSHARE};
use crate::model::audit::AuditArea;
use crate::model::draft::DraftKind;
use crate::model::draft::MARKETING_PAGE;
use crate::model::loose::Listed;
use crate::model::staff::Capability;
use crate::model::zone::{Tz, show_in};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AdvertisementsPage() -> impl IntoView {
    let page = crate::pages::query_page();
    let ads = Resource::new(page, list_advertisements);
    let tests = Resource::new(|| DraftKind::Advertisement, test_send_ids);
    let zone = page_zone();
    view! {
        <Title text="Advertisements" />
        <div class="page-head page-head--actions">
            <div>
                <h1>"Advertisements"</h1>
                <p class="lead">"Messages in one or more languages, and winshare posts (template 12)."</p>
            </div>
            <div class="form-actions">
                <a class="button button--quiet" href="/exclusions">"User exclusions"</a>
                <RecentlyDeletedLink area=AuditArea::Advertisements />
                <IfCan capability=Capability::EditAdvertisements><a class="button" href="/advertisements/new">"New advertisement"</a></IfCan>
            </div>
        </div>
        <DeletedNotice />
        <IfCan capability=Capability::EditAdvertisements><DraftList kind=DraftKind::Advertisement /></IfCan>
        <Suspense fallback=|| view! { <p class="muted">"Loading advertisements…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    let p = page();
                    let zone = zone.or_utc().await;
                    // Which are tests: none marked when that cannot be read.
                    let tests = tests.await.unwrap_or_default();
                    ads.await.map(|list| {
                        let full = list.len() as u32 >= MARKETING_PAGE;
                        view! {
                            <AdTable ads=list zone tests />
                            <nav class="pager" aria-label="Pages">
                                {(p > 0).then(|| view! { <a href=format!("/advertisements?page={}", p - 1)>"← Newer"</a> })}
                                <span class="muted">{format!("Page {}", p + 1)}</span>
                                {full.then(|| view! { <a href=format!("/advertisements?page={}", p + 1)>"Older →"</a> })}
                            </nav>
                        }
                    })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

/// What an advertisement says, in a few words: its first title, else its id.
pub fn ad_name(ad: &Advertisement) -> String {
    crate::model::results::label(ad)
}

/// A counter as the API sent it, or that it could not be read.
pub fn counter(value: Option<i64>) -> String {
    value.map_or_else(|| "unreadable".to_owned(), |n| n.to_string())
}

/// Its languages, e.g. "en, de".
pub fn ad_languages(ad: &Advertisement) -> String {
    let langs: Vec<&str> = ad.languages().iter().map(|l| l.lang.as_str()).collect();
    if ad.data_as_sent().is_some() {
        "(could not be read)".into()
    } else if langs.is_empty() {
        "—".into()
    } else {
        langs.join(", ")
    }
}

#[component]
fn AdTable(
    ads: Vec<Listed<Advertisement>>,
    zone: Tz,
    /// The ids of the advertisements that are tests.
    tests: Vec<i64>,
) -> impl IntoView {
    if ads.is_empty() {
        return view! {
            <section class="panel panel--empty" data-testid="ads-empty">
                <h2>"No advertisements"</h2>
                <p>"Compose one with “New advertisement”."</p>
            </section>
        }
        .into_any();
    }
    view! {
        <table class="table" data-testid="ads-table">
            <thead><tr><th>"Advertisement"</th><th>"Template"</th><th>"Languages"</th><th>"Status"</th><th>"Messages"</th><th>"Views"</th><th>"Send"</th></tr></thead>
            <tbody>
                {rows(ads, 7, "Advertisement", |a| {
                    let template = if a.template == TEMPLATE_WINSHARE { "12 (winshare)".to_owned() } else { a.template.to_string() };
                    view! {
                        <tr data-ad-id=a.id>
                            <td>
                                <a href=format!("/advertisements/{}", a.id)>{ad_name(&a)}</a>
                                {tests.contains(&a.id).then(|| view! { " " <TestMark /> })}
                            </td>
                            <td>{template}</td>
                            <td>{ad_languages(&a)}</td>
                            <td><span class="status">{a.status.clone().unwrap_or_else(|| "—".into())}</span></td>
                            <td data-testid="messages">{counter(a.messages_length)}</td>
                            <td data-testid="views">{counter(a.views_length)}</td>
                            <td>{a.send_time.as_deref().map(|t| show_in(zone, t)).unwrap_or_else(|| "at once".into())}</td>
                        </tr>
                    }
                })}
            </tbody>
        </table>
    }
    .into_any()
}
