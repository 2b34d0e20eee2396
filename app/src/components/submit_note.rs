//! The line under a composer's buttons: draft saved (with its address), published, a test sent
//! (when it will be removed, as the server said it), or why the publish or the test failed while
//! the draft was kept.

use crate::error::AppError;
use crate::model::draft::Submitted;
use leptos::prelude::*;

#[component]
pub fn SubmitNote(
    #[prop(into)] value: Signal<Option<Result<Submitted, AppError>>>,
    /// `/offers` or `/advertisements`.
    base: &'static str,
    /// Whether the last submission was "Send a test to me".
    #[prop(into)]
    testing: Signal<bool>,
) -> impl IntoView {
    move || {
        match value.get() {
        Some(Ok(Submitted::DraftSaved { key })) => Some(
            view! {
                <p class="notice" role="status" data-testid="submit-note">
                    "Draft saved. "
                    <a href=format!("{base}/drafts/{key}")>"Its own address"</a>
                    " keeps it; it is also listed under Drafts."
                </p>
            }
            .into_any(),
        ),
        Some(Ok(Submitted::Published { note: None, .. })) => Some(
            view! { <p class="notice" role="status" data-testid="submit-note">"Published."</p> }
                .into_any(),
        ),
        Some(Ok(Submitted::Published { id, note: Some(note) })) => Some(
            view! {
                <p class="notice" role="status" data-testid="submit-note">
                    {format!("Published as {id}, but part of Watchers' answer could not be read: {note}.")}
                </p>
            }
            .into_any(),
        ),
        Some(Ok(Submitted::PublishedUnread { note, .. })) => Some(published_unread(&note).into_any()),
        Some(Ok(Submitted::AwaitingApproval { request })) => Some(
            view! {
                <p class="notice" role="status" data-testid="submit-note">
                    "Not sent yet: it reaches everyone, so another member of staff must approve it. "
                    <a href=format!("/approvals/{request}")>{format!("Approval request #{request}")}</a>
                </p>
            }
            .into_any(),
        ),
        Some(Ok(Submitted::TestSent { notice, .. })) => Some(
            view! {
                <p class="notice" role="status" data-testid="submit-note">
                    {notice}" "
                    <a href="/account#test-sends">"Your test sends"</a>
                    " lists it."
                </p>
            }
            .into_any(),
        ),
        Some(Err(err)) => {
            let why = match err.field() {
                Some(_) => "see the marked field.".to_owned(),
                None => err.to_string(),
            };
            let link = err.link();
            let what = if testing.get() { "Test not sent" } else { "Not published" };
            Some(
                view! {
                    <p class="form-error" role="alert" data-testid="submit-note">
                        {format!("{what}: {why} Your draft is kept. ")}
                        {link.map(|href| view! { <a href=href>"Open the request"</a> })}
                    </p>
                }
                .into_any(),
            )
        }
        None => None,
    }
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
