//! What the offer and advertisement pages share, written once: the composer pages (new, saved
//! draft, edit) and the detail page frame. Each kind says only what differs: how it is fetched,
//! named, described, previewed and deleted.

pub mod compose;
pub mod detail;

use crate::error::AppError;
use crate::model::clash::Clash;
use crate::model::draft::{ComposerForm, Draft};
use crate::model::targeting::WithReport;
use crate::model::zone::Tz;
use leptos::prelude::*;
use std::future::Future;

/// The pages of one marketing kind, over its composer form.
pub trait MarketingPages: ComposerForm {
    /// The saved draft `key` (a server function).
    fn fetch_draft(key: String) -> impl Future<Output = Result<Draft<Self>, AppError>> + Send;
    /// Published item `id` with its last report (a server function).
    fn fetch(id: i64) -> impl Future<Output = Result<WithReport<Self::Item>, AppError>> + Send;
    /// The kind's composer over `form`, saving to draft `key`, editing `target` if published,
    /// with the clashes the server found for it, whether its times are in the person's zone
    /// (`known`; else UTC, and the live island moves them to the browser's), and whom their test
    /// reaches (`test_to`; `None` while they keep no test audience
    /// for this kind). The page that shows it also renders `IslandScripts`.
    fn composer(
        form: Self,
        draft_key: String,
        target: Option<i64>,
        clashes: Vec<Clash>,
        known: bool,
        test_to: Option<String>,
    ) -> AnyView;
    /// A few words naming a published item.
    fn item_name(item: &Self::Item) -> String;
    /// The facts under a published item's title, times in `zone` with UTC beside.
    fn facts(item: &Self::Item, zone: Tz) -> AnyView;
    /// What the item did after it went out (an advertisement's counters over time), or why there
    /// is nothing to show.
    fn results(item: &Self::Item, zone: Tz) -> AnyView;
    /// The item drawn as chat users see it, from the payload that publishing would send.
    fn preview(payload: Self::Input) -> AnyView;
    /// The confirmed delete form of item `id` named `name`, with how it ended.
    fn delete_form(id: i64, name: String) -> AnyView;
    /// What the delete question adds about the consequences.
    const DELETE_WARNING: &'static str;
}
