//! The upstream clients, one shared HTTP client each: Watchers (a method per documented endpoint)
//! and TagMango's badges; typed errors.

mod advertisements;
mod badges;
mod client;
mod error;
mod health;
mod offers;
mod pacer;
mod rooms;
pub mod tagmango;
mod users;

pub use client::{ClientSettings, Credentials, Upstream, WatchersClient};
pub use error::{Unavailable, UpstreamError};
pub use health::HealthSnapshot;
pub use pacer::SharedPace;
