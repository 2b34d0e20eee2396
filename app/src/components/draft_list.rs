//! The saved drafts of offers or advertisements: what each is, who touched it last, and why its
//! last publish failed.

use super::error_panel::ErrorPanel;
use super::time_zone::page_zone;
use crate::api::drafts::list_drafts;
use crate::model::approval::request_path;
use crate::model::draft::{DraftKind, DraftSummary};
use crate::model::zone::{Tz, show_in};
use leptos::prelude::*;

#[component]
pub fn DraftList(kind: DraftKind) -> impl IntoView {
    let drafts = Resource::new(move || kind, list_drafts);
    let zone = page_zone();
    view! {
        <section class="panel" data-testid="drafts">
            <h2>"Drafts"</h2>
            <Suspense fallback=|| view! { <p class="muted">"Loading drafts…"</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                    {move || Suspend::new(async move {
                        let zone = zone.or_utc().await;
                        drafts.await.map(|list| view! { <DraftTable list kind zone /> })
                    })}
                </ErrorBoundary>
            </Suspense>
        </section>
    }
}

#[component]
fn DraftTable(list: Vec<DraftSummary>, kind: DraftKind, zone: Tz) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="muted">"No drafts. “Save draft” in the composer keeps one here."</p> }.into_any();
    }
    view! {
        <table class="table">
            <thead><tr><th>"Draft"</th><th>"Of"</th><th>"Last saved"</th><th>"Last publish"</th></tr></thead>
            <tbody>
                {list.into_iter().map(|d| {
                    let href = format!("{}/drafts/{}", kind.base(), d.key);
                    let of = d.target_id.map_or_else(|| "new".to_owned(), |id| format!("changes to {id}"));
                    view! {
                        <tr data-draft=d.key.clone()>
                            <td><a href=href>{d.label}</a></td>
                            <td>{of}</td>
                            <td>{format!("{} by {}", show_in(zone, &d.updated_at), d.updated_by)}</td>
                            <td>{match (d.waiting_request, d.published_note, d.last_error) {
                                (Some(request), _, _) => view! {
                                    <a class="status" data-testid="waiting" href=request_path(request)>{format!("Waiting for approval (request #{request})")}</a>
                                }.into_any(),
                                (None, Some(_), _) => view! { <span class="status">"Published (id unknown)"</span> }.into_any(),
                                (None, None, Some(e)) => view! { <span class="field-error">{format!("Failed: {e}")}</span> }.into_any(),
                                (None, None, None) => view! { <span class="muted">"—"</span> }.into_any(),
                            }}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// The head of a draft's page: what it is of, when it was saved (in `zone`, UTC beside), and
/// why its last publish failed.
#[component]
pub fn DraftHead(summary: DraftSummary, zone: Tz) -> impl IntoView {
    let (base, noun) = (summary.kind.base(), summary.kind.as_str());
    let of = summary.target_id.map_or_else(
        || format!("a new {noun}"),
        |id| format!("changes to {noun} {id}"),
    );
    view! {
        <div class="page-head">
            <p class="muted"><a href=base>"← Back to the list"</a></p>
            <h1>{format!("Draft: {}", summary.label)}</h1>
            <p class="lead">{format!("A draft of {of}, last saved {} by {}.", show_in(zone, &summary.updated_at), summary.updated_by)}</p>
            {summary.waiting_request.map(|request| view! {
                <p class="notice" role="status" data-testid="waiting">
                    "Waiting for approval: another member of staff must approve it before it is sent. It cannot be published or asked for again meanwhile. "
                    <a href=request_path(request)>{format!("Approval request #{request}")}</a>
                </p>
            })}
            {summary.last_error.map(|e| view! {
                <p class="form-error" role="alert" data-testid="last-error">{format!("The last publish failed: {e}")}</p>
            })}
            {summary.published_note.as_deref().map(published_unread)}
        </div>
    }
}

/// The head of the composer for a new item (`target` none) or for changes to item `target`.
#[component]
pub fn ComposeHead(kind: DraftKind, target: Option<i64>) -> impl IntoView {
    let (base, noun) = (kind.base(), kind.as_str());
    let (back, back_label, title, lead) = match target {
        None => (
            base.to_owned(),
            format!("← {}", kind.section()),
            format!("New {noun}"),
            "The preview is drawn from exactly what will be sent.".to_owned(),
        ),
        Some(id) => (
            format!("{base}/{id}"),
            format!("← Back to the {noun}"),
            format!("Edit {noun} {id}"),
            format!(
                "Publishing sends these fields over the {noun}; “Save draft” keeps them here without sending."
            ),
        ),
    };
    view! {
        <div class="page-head">
            <p class="muted"><a href=back>{back_label}</a></p>
            <h1>{title}</h1>
            <p class="lead">{lead}</p>
        </div>
    }
}

/// "Done, but the answer could not be read": the publish went through; do not send it again.
pub fn published_unread(note: &str) -> impl IntoView + use<> {
    view! {
        <p class="notice notice--warning" role="status" data-testid="published-unread">
            {format!(
                "Published: Watchers accepted it, but its answer could not be read ({note}), so its new id is not known. \
                 Find it in the list; do not publish this draft again."
            )}
        </p>
    }
}
