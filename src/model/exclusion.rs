//! Excluding a user from all marketing offers (`POST /user/external/advertisment`, sic).

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MarketingExclusion {
    /// The unencrypted user id.
    pub decrypted_user_id: String,
    /// `true` excludes the user; `false` includes them again.
    pub value: bool,
}

/// A user the dashboard excluded (or included again), as the exclusion page lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExclusionEntry {
    pub user_id: String,
    pub excluded: bool,
    pub changed_by: String,
    pub changed_at: String,
}
