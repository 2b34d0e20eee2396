//! `/offers/new`, `/offers/drafts/:key` and `/offers/:id/edit`: the composer, empty, from a saved
//! draft, or over a published offer (the shared pages in `pages::marketing::compose`).

use crate::model::offer::form::OfferForm;
use crate::pages::marketing::compose::{draft_page, edit_page, new_page};
use leptos::prelude::*;

#[component]
pub fn OfferNewPage() -> impl IntoView {
    new_page::<OfferForm>()
}

#[component]
pub fn OfferDraftPage() -> impl IntoView {
    draft_page::<OfferForm>()
}

#[component]
pub fn OfferEditPage() -> impl IntoView {
    edit_page::<OfferForm>()
}
