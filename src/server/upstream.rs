//! The Watchers API client: one shared HTTP client, a method per documented endpoint, typed errors.

mod advertisements;
mod badges;
mod client;
mod error;
mod health;
mod offers;
mod rooms;
mod users;

pub use client::{ClientSettings, WatchersClient};
pub use error::{Unavailable, UpstreamError};
pub use health::HealthSnapshot;
