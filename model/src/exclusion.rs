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
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub changed_at: String,
    /// When, in the viewer's zone with UTC beside (`zone::both_zones`).
    #[serde(default)]
    pub changed: String,
}

/// The exclusion page's list, its times in the viewer's zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exclusions {
    /// The most recent changes first.
    pub entries: Vec<ExclusionEntry>,
    /// `Europe/Berlin (UTC+01:00)`, or `UTC`.
    pub zone_label: String,
    /// No zone chosen or detected yet: the page asks the browser (`/zone.js`).
    pub detect_zone: bool,
}

/// What a change did, in one sentence.
pub fn confirmation(user_id: &str, excluded: bool) -> String {
    if excluded {
        format!("User {user_id} is now excluded from marketing offers.")
    } else {
        format!("User {user_id} is included in marketing offers again.")
    }
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

    #[test]
    fn a_change_is_confirmed_for_its_user() {
        assert_eq!(
            confirmation("u-1", true),
            "User u-1 is now excluded from marketing offers."
        );
        assert_eq!(
            confirmation("u-1", false),
            "User u-1 is included in marketing offers again."
        );
    }
}
