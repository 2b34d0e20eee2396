//! `/advertisements/new`, `/advertisements/drafts/:key` and `/advertisements/:id/edit`: the
//! composer, empty, from a saved draft, or over a published advertisement (the shared pages in
//! `pages::marketing::compose`).

use crate::model::advertisement::form::AdForm;
use crate::pages::marketing::compose::{draft_page, edit_page, new_page};
use leptos::prelude::*;

#[component]
pub fn AdvertisementNewPage() -> impl IntoView {
    new_page::<AdForm>()
}

#[component]
pub fn AdvertisementDraftPage() -> impl IntoView {
    draft_page::<AdForm>()
}

#[component]
pub fn AdvertisementEditPage() -> impl IntoView {
    edit_page::<AdForm>()
}
