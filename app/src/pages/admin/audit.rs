//! `/audit`: every change made through the dashboard, filtered by person, area and date, with a
//! CSV export of the same filter. The filter is a plain GET form, so it works without JavaScript.

use crate::api::audit::list_audit;
use crate::components::error_panel::ErrorPanel;
use crate::components::time_zone::page_zone;
use crate::model::audit::{AuditArea, AuditEntry, AuditFilter};
use crate::model::query::encode as enc;
use crate::model::zone::{Tz, show_in};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        query.with(|q| AuditFilter {
            person: q.get("person").unwrap_or_default(),
            area: q.get("area").unwrap_or_default(),
            from: q.get("from").unwrap_or_default(),
            to: q.get("to").unwrap_or_default(),
        })
    };
    let page = move || {
        query.with(|q| {
            q.get("page")
                .and_then(|p| p.parse::<u32>().ok())
                .unwrap_or(0)
        })
    };
    let entries = Resource::new(move || (filter(), page()), |(f, p)| list_audit(f, p));
    let zone = page_zone();
    let csv_href = move || {
        let f = filter();
        format!(
            "/audit.csv?person={}&area={}&from={}&to={}",
            enc(&f.person),
            enc(&f.area),
            enc(&f.from),
            enc(&f.to)
        )
    };
    view! {
        <Title text="Audit log" />
        <div class="page-head">
            <h1>"Audit log"</h1>
            <p class="lead">"Who changed what, when, and how it ended."</p>
        </div>
        <Suspense fallback=|| view! { <p class="muted">"Loading the log…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    let f = filter();
                    let current = page();
                    let zone = zone.or_utc().await;
                    entries.await.map(|data| {
                        let people = data.people.clone();
                        view! {
                            <form method="get" action="/audit" class="form form--inline filters">
                                <label class="field">
                                    <span>"Person"</span>
                                    <select name="person">
                                        <option value="">"Everyone"</option>
                                        {people.into_iter().map(|p| {
                                            let selected = p == f.person;
                                            view! { <option value=p.clone() selected=selected>{p.clone()}</option> }
                                        }).collect_view()}
                                    </select>
                                </label>
                                <label class="field">
                                    <span>"Area"</span>
                                    <select name="area">
                                        <option value="">"All areas"</option>
                                        {AuditArea::ALL.into_iter().map(|area| {
                                            let a = area.as_str();
                                            view! { <option value=a selected=a == f.area>{a}</option> }
                                        }).collect_view()}
                                    </select>
                                </label>
                                <label class="field">
                                    <span>"From (UTC day)"</span>
                                    <input type="date" name="from" value=f.from.clone() />
                                </label>
                                <label class="field">
                                    <span>"To (UTC day)"</span>
                                    <input type="date" name="to" value=f.to.clone() />
                                </label>
                                <button class="button" type="submit">"Filter"</button>
                                <a class="button button--quiet" href=csv_href() download="audit-log.csv">"Export CSV"</a>
                            </form>
                            <AuditTable entries=data.entries zone />
                            <nav class="pager" aria-label="Pages">
                                {(current > 0).then(|| view! { <a href=page_href(&f, current - 1)>"← Newer"</a> })}
                                {data.has_more.then(|| view! { <a href=page_href(&f, current + 1)>"Older →"</a> })}
                            </nav>
                        }
                    })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

fn page_href(f: &AuditFilter, page: u32) -> String {
    format!(
        "/audit?person={}&area={}&from={}&to={}&page={page}",
        enc(&f.person),
        enc(&f.area),
        enc(&f.from),
        enc(&f.to)
    )
}

#[component]
fn AuditTable(entries: Vec<AuditEntry>, zone: Tz) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p class="panel panel--empty" data-testid="audit-empty">"Nothing matches these filters."</p> }
            .into_any();
    }
    view! {
        <table class="table" data-testid="audit-table">
            <thead>
                <tr>
                    <th>"When"</th>
                    <th>"Who"</th>
                    <th>"Area"</th>
                    <th>"Action"</th>
                    <th>"Target"</th>
                    <th>"Outcome"</th>
                    <th>"Summary"</th>
                </tr>
            </thead>
            <tbody>
                {entries
                    .into_iter()
                    .map(|e| {
                        let outcome_class = format!("pill pill--{}", e.outcome);
                        // A delete links its snapshot ("Restore"); a restore, what it made.
                        let link = e.link.clone().map(|href| {
                            let text = if href.starts_with("/deleted/") { "Restore…" } else { "Open" };
                            view! { " " <a href=href data-testid="audit-link">{text}</a> }
                        });
                        view! {
                            <tr>
                                <td>{show_in(zone, &e.at)}</td>
                                <td>{e.actor}</td>
                                <td>{e.area}</td>
                                <td>{e.action}</td>
                                <td>{e.target.unwrap_or_default()}</td>
                                <td><span class=outcome_class>{e.outcome}</span></td>
                                <td>{e.summary}{link}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
