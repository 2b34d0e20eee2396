//! The HTML shell, the app root and the route table.

use crate::components::error_panel::ErrorPanel;
use crate::components::form::LandedNote;
use crate::components::header::{AppHeader, provide_me};
use crate::pages::admin::{audit::AuditPage, staff::StaffPage};
use crate::pages::advertisements::{
    compose::{AdvertisementDraftPage, AdvertisementEditPage, AdvertisementNewPage},
    detail::AdvertisementDetailPage,
    list::AdvertisementsPage,
};
use crate::pages::approvals::{ApprovalPage, ApprovalsPage};
use crate::pages::auth::{account::AccountPage, login::LoginPage};
use crate::pages::badges::{
    detail::BadgeDetailPage,
    edit::{BadgeEditPage, BadgeNewPage},
    list::BadgesPage,
    tagmango::{MangoBadgeDetailPage, MangoBadgesPage},
    tagmango_edit::{MangoBadgeEditPage, MangoBadgeNewPage},
};
use crate::pages::calendar::CalendarPage;
use crate::pages::offers::{
    compose::{OfferDraftPage, OfferEditPage, OfferNewPage},
    detail::OfferDetailPage,
    list::OffersPage,
};
use crate::pages::rooms::{
    agenda::AgendaPage, detail::RoomDetailPage, list::RoomsPage, new::RoomNewPage,
};
use crate::pages::undo::{
    DeletedAdvertisementsPage, DeletedBadgesPage, DeletedItemPage, DeletedOffersPage,
    DeletedRoomsPage,
};
use crate::pages::{
    exclusions::ExclusionsPage, home::HomePage, not_found::NotFoundPage, results::ResultsPage,
};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

/// The document around the app, rendered on the server only. The stylesheet's name carries its
/// content hash in release builds. No script is loaded here: a page with islands loads the WASM
/// itself ([`IslandScripts`](crate::components::island::IslandScripts)), every other page has none.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // Islands mode: outside an island nothing is hydrated, so nothing is marked or serialised
    // for it.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                <Stylesheet id="leptos" href=stylesheet_href(&options) />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// `/pkg/<name>.css`, or `/pkg/<name>.<hash>.css` when the build names files by content hash (the
/// `css:` line of the hash file beside the binary, as cargo-leptos writes it). Read once per
/// process: leptos_meta's `HashedStylesheet` would read the file again for every page.
fn stylesheet_href(options: &LeptosOptions) -> String {
    static HREF: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HREF.get_or_init(|| {
        let (pkg, name) = (&options.site_pkg_dir, &options.output_name);
        let hash = options
            .hash_files
            .then(|| {
                let dir = std::env::current_exe().ok()?.parent()?.to_path_buf();
                let hashes = std::fs::read_to_string(dir.join(options.hash_file.as_ref())).ok()?;
                hashes.lines().find_map(|line| {
                    let (file, hash) = line.split_once(':')?;
                    (file.trim() == "css").then(|| hash.trim().to_owned())
                })
            })
            .flatten();
        match hash {
            Some(hash) => format!("/{pkg}/{name}.{hash}.css"),
            None => {
                if options.hash_files {
                    leptos::logging::error!("file hashing is on, but the hash file names no css");
                }
                format!("/{pkg}/{name}.css")
            }
        }
    })
    .clone()
}

/// The app root: header, navigation, what the last form's post did, and the routed page.
///
/// Every route renders with [`SsrMode::Async`]: the server waits for the page's data before it
/// answers, so the HTML is complete and usable with JavaScript switched off.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_me();
    view! {
        <Link rel="icon" type_="image/svg+xml" href="/favicon.svg" />
        <Meta name="color-scheme" content="light dark" />
        <Title formatter=|page: String| format!("{page} · Watchers Dashboard") />
        <Router>
            <a class="skip-link" href="#main">
                "Skip to content"
            </a>
            <div class="layout">
                <AppHeader />
                <main id="main" class="content">
                    <LandedNote />
                    <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                        <Routes fallback=NotFoundPage>
                            <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                            <Route path=path!("badges") view=BadgesPage ssr=SsrMode::Async />
                            <Route path=path!("badges/new") view=BadgeNewPage ssr=SsrMode::Async />
                            <Route path=path!("badges/deleted") view=DeletedBadgesPage ssr=SsrMode::Async />
                            <Route path=path!("badges/tagmango") view=MangoBadgesPage ssr=SsrMode::Async />
                            <Route path=path!("badges/tagmango/new") view=MangoBadgeNewPage ssr=SsrMode::Async />
                            <Route path=path!("badges/tagmango/:key") view=MangoBadgeDetailPage ssr=SsrMode::Async />
                            <Route path=path!("badges/tagmango/:key/edit") view=MangoBadgeEditPage ssr=SsrMode::Async />
                            <Route path=path!("badges/:id") view=BadgeDetailPage ssr=SsrMode::Async />
                            <Route path=path!("badges/:id/edit") view=BadgeEditPage ssr=SsrMode::Async />
                            <Route path=path!("offers") view=OffersPage ssr=SsrMode::Async />
                            <Route path=path!("offers/new") view=OfferNewPage ssr=SsrMode::Async />
                            <Route path=path!("offers/deleted") view=DeletedOffersPage ssr=SsrMode::Async />
                            <Route path=path!("offers/drafts/:key") view=OfferDraftPage ssr=SsrMode::Async />
                            <Route path=path!("offers/:id") view=OfferDetailPage ssr=SsrMode::Async />
                            <Route path=path!("offers/:id/edit") view=OfferEditPage ssr=SsrMode::Async />
                            <Route path=path!("advertisements") view=AdvertisementsPage ssr=SsrMode::Async />
                            <Route path=path!("advertisements/new") view=AdvertisementNewPage ssr=SsrMode::Async />
                            <Route path=path!("advertisements/deleted") view=DeletedAdvertisementsPage ssr=SsrMode::Async />
                            <Route path=path!("advertisements/drafts/:key") view=AdvertisementDraftPage ssr=SsrMode::Async />
                            <Route path=path!("advertisements/:id") view=AdvertisementDetailPage ssr=SsrMode::Async />
                            <Route path=path!("advertisements/:id/edit") view=AdvertisementEditPage ssr=SsrMode::Async />
                            <Route path=path!("results") view=ResultsPage ssr=SsrMode::Async />
                            <Route path=path!("exclusions") view=ExclusionsPage ssr=SsrMode::Async />
                            <Route path=path!("rooms") view=RoomsPage ssr=SsrMode::Async />
                            <Route path=path!("rooms/new") view=RoomNewPage ssr=SsrMode::Async />
                            <Route path=path!("rooms/deleted") view=DeletedRoomsPage ssr=SsrMode::Async />
                            <Route path=path!("deleted/:id") view=DeletedItemPage ssr=SsrMode::Async />
                            <Route path=path!("rooms/agenda") view=AgendaPage ssr=SsrMode::Async />
                            <Route path=path!("rooms/:id") view=RoomDetailPage ssr=SsrMode::Async />
                            <Route path=path!("calendar") view=CalendarPage ssr=SsrMode::Async />
                            <Route path=path!("approvals") view=ApprovalsPage ssr=SsrMode::Async />
                            <Route path=path!("approvals/:id") view=ApprovalPage ssr=SsrMode::Async />
                            <Route path=path!("audit") view=AuditPage ssr=SsrMode::Async />
                            <Route path=path!("staff") view=StaffPage ssr=SsrMode::Async />
                            <Route path=path!("login") view=LoginPage ssr=SsrMode::Async />
                            <Route path=path!("account") view=AccountPage ssr=SsrMode::Async />
                        </Routes>
                    </ErrorBoundary>
                </main>
                <footer class="app-footer">
                    <span>"Watchers Dashboard " {env!("CARGO_PKG_VERSION")}</span>
                    <span>"Credentials stay on the server; this page never sees them."</span>
                </footer>
            </div>
        </Router>
    }
}
