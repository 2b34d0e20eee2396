//! A faithful local emulator of the Watchers API (the 24 documented endpoints) and of TagMango's
//! badge API: the same authentication, validation and answer shapes, data that survives
//! restarts, fault injection, and a clock of its own that tests can move on.

mod advertisements;
mod badges;
mod clock;
mod counters;
mod faults;
mod guard;
pub mod loose;
mod offers;
mod reply;
mod rooms;
mod seed;
mod store;
mod tagmango;
mod targeting;
mod users;

pub use clock::ClockSettings;
pub use faults::FaultSettings;

use axum::Router;
use axum::routing::{get, post};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use store::Store;

/// How to start a sandbox.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// The `x-api-key` it accepts.
    pub api_key: String,
    /// The bearer token it accepts.
    pub bearer_token: String,
    /// The bearer token TagMango's routes accept.
    pub tagmango_token: String,
    /// Where its data is kept; `None` keeps it in memory only.
    pub data_file: Option<PathBuf>,
    /// Start a new data set with the demo badges, offers, advertisements and rooms.
    pub seed: bool,
}

/// A sandbox's shared state.
#[derive(Debug)]
pub struct Sandbox {
    api_key: String,
    bearer_token: String,
    tagmango_token: String,
    tagmango_window: tagmango::Window,
    tagmango_ids: AtomicU64,
    store: Arc<Store>,
    faults: faults::Faults,
    clock: clock::Clock,
    hits: AtomicU64,
    loose: AtomicBool,
}

impl Sandbox {
    pub fn open(config: SandboxConfig) -> std::io::Result<Arc<Self>> {
        let seed = config.seed;
        let store = Store::open(config.data_file, move || {
            if seed {
                seed::demo_data(chrono::Utc::now())
            } else {
                store::SandboxData::default()
            }
        })?;
        Ok(Arc::new(Sandbox {
            api_key: config.api_key,
            bearer_token: config.bearer_token,
            tagmango_token: config.tagmango_token,
            tagmango_window: tagmango::Window::default(),
            tagmango_ids: AtomicU64::new(1),
            store: Arc::new(store),
            faults: faults::Faults::default(),
            clock: clock::Clock::default(),
            hits: AtomicU64::new(0),
            loose: AtomicBool::new(false),
        }))
    }

    /// Changes the injected faults from now on.
    pub fn set_faults(&self, settings: FaultSettings) {
        self.faults.set(settings);
    }

    /// Moves the sandbox's clock `seconds` on (back, when negative): what is scheduled, room
    /// statuses and advertisement counters then answer as they will at that time.
    pub fn advance_clock(&self, seconds: i64) {
        self.clock.advance(seconds);
    }

    /// Sets how many seconds the sandbox's clock runs ahead of the system clock.
    pub fn set_clock_ahead(&self, seconds: i64) {
        self.clock.set_ahead(seconds);
    }

    /// How many seconds the sandbox's clock runs ahead of the system clock.
    pub fn clock_ahead(&self) -> i64 {
        self.clock.ahead()
    }

    /// Now, by the sandbox's clock (the system clock unless moved on).
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// Loose mode on or off (see [`loose`]): answers as a live API that drifted from its documents.
    pub fn set_loose(&self, loose: bool) {
        self.loose.store(loose, Ordering::SeqCst);
    }

    pub(crate) fn is_loose(&self) -> bool {
        self.loose.load(Ordering::SeqCst)
    }

    /// Offer `id` as last created or updated, with the room and user ids it targets (which a
    /// GET leaves out, as Watchers does), for tests; `None` once deleted.
    pub fn stored_offer(&self, id: i64) -> Option<dashboard_model::offer::OfferInput> {
        let data = self.store.lock();
        data.offers.get(&id).map(|offer| offer.input.clone())
    }

    /// Advertisement `id` as last created or updated, with its rooms, for tests; `None` once
    /// deleted.
    pub fn stored_advertisement(
        &self,
        id: i64,
    ) -> Option<dashboard_model::advertisement::AdvertisementInput> {
        let data = self.store.lock();
        data.ads.get(&id).map(|ad| ad.input.clone())
    }

    /// How many requests reached the sandbox (before authentication), for tests.
    pub fn hits(&self) -> u64 {
        self.hits.load(Ordering::SeqCst)
    }

    /// The documented paths and methods.
    pub fn router(self: &Arc<Self>) -> Router {
        Router::new()
            .route("/external/badge", post(badges::create).get(badges::list))
            .route(
                "/external/badge/{id}",
                get(badges::get_one)
                    .patch(badges::update)
                    .delete(badges::delete),
            )
            .route("/external/badge/{id}/users", post(badges::replace_users))
            .route("/external/badge/{id}/users/add", post(badges::add_users))
            .route(
                "/external/badge/{id}/users/remove",
                post(badges::remove_users),
            )
            .route("/external/offer", post(offers::create).get(offers::list))
            .route(
                "/external/offer/{id}",
                get(offers::get_one)
                    .patch(offers::update)
                    .delete(offers::delete),
            )
            .route(
                "/external/advertisement",
                post(advertisements::create).get(advertisements::list),
            )
            .route(
                "/external/advertisement/{id}",
                get(advertisements::get_one)
                    .patch(advertisements::update)
                    .delete(advertisements::delete),
            )
            .route("/user/external/advertisment", post(users::set_exclusion))
            .route("/external/room", post(rooms::create))
            .route("/external/room/speak", post(rooms::speak))
            .route("/external/room/status", post(rooms::status))
            .route(
                "/external/room/{room_id}",
                get(rooms::get_one).delete(rooms::delete),
            )
            .route(
                "/_sandbox/faults",
                get(guard::get_faults).put(guard::put_faults),
            )
            .route(
                "/_sandbox/clock",
                get(guard::get_clock).put(guard::put_clock),
            )
            .merge(tagmango::router(self))
            .fallback(guard::no_such_endpoint)
            .layer(axum::middleware::from_fn_with_state(
                self.clone(),
                guard::guard,
            ))
            .with_state(self.clone())
    }

    /// Serves on `addr` in the background; answers the address it listens on.
    pub async fn spawn(self: &Arc<Self>, addr: SocketAddr) -> std::io::Result<SocketAddr> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let local = listener.local_addr()?;
        let app = self.router();
        tokio::spawn(async move {
            if let Err(err) = axum::serve(listener, app).await {
                tracing::error!("sandbox stopped: {err}");
            }
        });
        Ok(local)
    }

    pub(crate) fn store(&self) -> &Arc<Store> {
        &self.store
    }
}
