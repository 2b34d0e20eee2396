//! Excluding a user from all marketing offers (`POST /user/external/advertisment`, sic).

use super::validate::Problems;
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

/// A typed user id, trimmed, or the problem with it (field `user_id`).
pub fn user_id(value: &str) -> Result<String, Problems> {
    let id = value.trim();
    let mut p = Problems::default();
    if id.is_empty() {
        p.push("user_id", "Enter a user id.");
    } else if id.chars().count() > 200 || id.chars().any(char::is_control) {
        p.push(
            "user_id",
            "A user id is one line of at most 200 characters.",
        );
    }
    p.into_result().map(|()| id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_ids_are_one_trimmed_line() {
        assert_eq!(user_id("  u-1 ").unwrap(), "u-1");
        for bad in ["", "   ", "a\nb", &"x".repeat(201)] {
            assert!(
                user_id(bad).unwrap_err().for_field("user_id").is_some(),
                "{bad:?}"
            );
        }
    }
}
