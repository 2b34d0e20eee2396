//! The last refreshed room list, held in memory for every request of this process.

use crate::model::room::RoomList;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A refreshed list is answered again for this long before Watchers is asked anew.
pub const FRESH_FOR: Duration = Duration::from_secs(5);

/// The last refreshed room list, shared by every request; any change through the dashboard
/// clears it.
#[derive(Debug, Default)]
pub struct Cache(Mutex<Option<(Instant, RoomList)>>);

impl Cache {
    pub(super) fn fresh(&self) -> Option<RoomList> {
        let cached = self.0.lock().unwrap_or_else(|p| p.into_inner());
        cached
            .as_ref()
            .filter(|(at, _)| at.elapsed() < FRESH_FOR)
            .map(|(_, list)| list.clone())
    }

    pub(super) fn keep(&self, list: &RoomList) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some((Instant::now(), list.clone()));
    }

    pub fn clear(&self) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
}
