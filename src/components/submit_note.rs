//! The line under a composer's buttons: draft saved (with its address), published, or why the
//! publish failed while the draft was kept.

use crate::error::AppError;
use crate::model::draft::Submitted;
use leptos::prelude::*;

#[component]
pub fn SubmitNote(
    #[prop(into)] value: Signal<Option<Result<Submitted, AppError>>>,
    /// `/offers` or `/advertisements`.
    base: &'static str,
) -> impl IntoView {
    move || match value.get() {
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
        Some(Ok(Submitted::Published { .. })) => Some(
            view! { <p class="notice" role="status" data-testid="submit-note">"Published."</p> }
                .into_any(),
        ),
        Some(Err(err)) => {
            let why = match err.field() {
                Some(_) => "see the marked field.".to_owned(),
                None => err.to_string(),
            };
            Some(
                view! {
                    <p class="form-error" role="alert" data-testid="submit-note">
                        {format!("Not published: {why} Your draft is kept.")}
                    </p>
                }
                .into_any(),
            )
        }
        None => None,
    }
}
