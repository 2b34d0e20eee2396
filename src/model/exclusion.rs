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
