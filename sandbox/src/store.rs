//! The sandbox's data, kept in memory and written to a JSON file after every change so that it
//! survives restarts.

use dashboard_model::advertisement::AdvertisementInput;
use dashboard_model::badge::BadgeInput;
use dashboard_model::offer::OfferInput;
use dashboard_model::room::{RoomInput, RoomStatus};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoredBadge {
    pub input: BadgeInput,
    pub users: BTreeSet<String>,
    pub trigger_id: Option<i64>,
    pub chain_id: Option<i64>,
    pub chain_position: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoredChain {
    pub name: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoredOffer {
    pub input: OfferInput,
    pub open_type: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoredAd {
    pub input: AdvertisementInput,
    pub created_at: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoredRoom {
    pub input: RoomInput,
    /// Set by `POST /external/room/status`; otherwise the status follows the clock.
    pub manual_status: Option<RoomStatus>,
}

/// Everything the sandbox knows.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SandboxData {
    pub next_id: i64,
    pub badges: BTreeMap<i64, StoredBadge>,
    pub chains: BTreeMap<i64, StoredChain>,
    pub offers: BTreeMap<i64, StoredOffer>,
    pub ads: BTreeMap<i64, StoredAd>,
    pub rooms: BTreeMap<String, StoredRoom>,
    pub excluded_users: BTreeSet<String>,
    /// TagMango badges by `_id`.
    pub tagmango: BTreeMap<String, super::tagmango::StoredMangoBadge>,
    /// Raw extra fields kept for forward compatibility of the file.
    pub extra: BTreeMap<String, Value>,
}

impl SandboxData {
    /// A fresh id; ids are shared across kinds, like many real back ends, and never reused.
    pub fn take_id(&mut self) -> i64 {
        self.next_id += 1;
        self.next_id
    }
}

/// The data behind a lock, and where it is saved.
#[derive(Debug)]
pub struct Store {
    data: Mutex<SandboxData>,
    path: Option<PathBuf>,
    save_lock: tokio::sync::Mutex<()>,
}

impl Store {
    /// Loads `path` when it exists; otherwise starts from `seed()` (and saves it).
    pub fn open(
        path: Option<PathBuf>,
        seed: impl FnOnce() -> SandboxData,
    ) -> std::io::Result<Self> {
        let data = match &path {
            Some(p) if p.exists() => {
                let text = std::fs::read_to_string(p)?;
                serde_json::from_str(&text).map_err(|e| {
                    std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!("{} is not a sandbox data file: {e}", p.display()),
                    )
                })?
            }
            _ => seed(),
        };
        let store = Store {
            data: Mutex::new(data),
            path,
            save_lock: tokio::sync::Mutex::new(()),
        };
        store.write_file()?;
        Ok(store)
    }

    pub fn lock(&self) -> MutexGuard<'_, SandboxData> {
        // A panic while holding the lock leaves data that is still consistent enough to serve.
        self.data.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Writes the current data to the file, one writer at a time, off the async runtime.
    pub async fn save(self: &std::sync::Arc<Self>) {
        let _guard = self.save_lock.lock().await;
        let store = self.clone();
        let result = tokio::task::spawn_blocking(move || store.write_file()).await;
        match result {
            Ok(Ok(())) => {}
            Ok(Err(err)) => tracing::error!("sandbox: cannot save data: {err}"),
            Err(err) => tracing::error!("sandbox: save task failed: {err}"),
        }
    }

    fn write_file(&self) -> std::io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let text = serde_json::to_string(&*self.lock()).map_err(std::io::Error::other)?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, path)
    }
}
