//! Staff, their roles, and what each role may do. The server decides; the UI only hides.

use super::validate::Problems;
use serde::{Deserialize, Serialize};

pub mod test_audience;
pub use test_audience::{TEST_USER_IDS_MAX, TestAudience};

/// A member of staff's role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything, staff management and the audit log included.
    Admin,
    /// Badges, offers, advertisements and exclusions; rooms read-only.
    Marketing,
    /// Rooms and badge user assignment; read-only elsewhere.
    Moderator,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Admin, Role::Marketing, Role::Moderator];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Marketing => "marketing",
            Role::Moderator => "moderator",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "Admin",
            Role::Marketing => "Marketing",
            Role::Moderator => "Moderator",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == value.trim())
    }

    /// Whether this role may do `capability`.
    pub fn can(self, capability: Capability) -> bool {
        use Capability::*;
        match self {
            Role::Admin => true,
            Role::Marketing => matches!(
                capability,
                View | EditBadges
                    | AssignBadgeUsers
                    | EditOffers
                    | EditAdvertisements
                    | EditExclusions
            ),
            Role::Moderator => matches!(capability, View | AssignBadgeUsers | EditRooms),
        }
    }
}

/// What a server function needs the caller to be allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Capability {
    /// Read any area (every signed-in role).
    View,
    EditBadges,
    AssignBadgeUsers,
    EditOffers,
    EditAdvertisements,
    EditExclusions,
    EditRooms,
    ManageStaff,
    ViewAudit,
}

/// The signed-in person, as the page header shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub username: String,
    pub role: Role,
    /// Approval requests this person could decide now (the header's count).
    #[serde(default)]
    pub waiting: u32,
    /// This person's own requests decided since they last opened them (counted beside it).
    #[serde(default)]
    pub decided: u32,
    /// The IANA zone they read and type times in: the one they chose on their account page,
    /// else their browser's; empty while neither is known (times are then UTC).
    #[serde(default)]
    pub zone: String,
    /// Whether `zone` is the one they chose.
    #[serde(default)]
    pub zone_saved: bool,
    /// Their browser's zone, when it has told it (offered on the account page).
    #[serde(default)]
    pub browser_zone: String,
    /// Where their tests go, as they kept it on their account page.
    #[serde(default)]
    pub test_audience: TestAudience,
}

/// A row of the staff management page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: i64,
    pub username: String,
    pub role: Role,
    pub disabled: bool,
    pub created_at: String,
    pub last_login_at: Option<String>,
    /// Locked out of signing in from at least one address after too many attempts.
    #[serde(default)]
    pub locked: bool,
}

pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 128;

/// ASVS-style password rules: length only, no composition rules, not the username.
pub fn validate_password(field: &str, password: &str, username: &str) -> Problems {
    let mut p = Problems::default();
    let n = password.chars().count();
    if n < PASSWORD_MIN {
        p.push(
            field,
            format!("Use at least {PASSWORD_MIN} characters ({n} now)."),
        );
    } else if n > PASSWORD_MAX {
        p.push(field, format!("Use at most {PASSWORD_MAX} characters."));
    } else if password.trim().eq_ignore_ascii_case(username.trim()) {
        p.push(field, "The password cannot be the username.");
    }
    p
}

/// The names the dashboard signs its own audit entries with (`system`: an approval expired;
/// `dashboard`: a test send removed when its time was up), which no member of staff may take.
pub const RESERVED_USERNAMES: [&str; 2] = ["system", "dashboard"];

/// Usernames: 2 to 64 of a-z, 0-9, `.`, `_`, `-`; stored lowercase; not one of
/// [`RESERVED_USERNAMES`].
pub fn validate_username(username: &str) -> Problems {
    let mut p = Problems::default();
    let u = username.trim();
    let ok_chars = u
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if !(2..=64).contains(&u.len()) || !ok_chars {
        p.push(
            "username",
            "Use 2 to 64 letters, digits, dots, dashes or underscores.",
        );
    } else if RESERVED_USERNAMES
        .iter()
        .any(|name| u.eq_ignore_ascii_case(name))
    {
        p.push(
            "username",
            format!(
                "“{u}” is the name the dashboard signs its own audit entries with: choose another."
            ),
        );
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_allow_what_the_issue_says() {
        use Capability::*;
        assert!(Role::Admin.can(ManageStaff) && Role::Admin.can(ViewAudit));
        assert!(Role::Marketing.can(EditBadges) && Role::Marketing.can(EditExclusions));
        assert!(!Role::Marketing.can(EditRooms) && !Role::Marketing.can(ViewAudit));
        assert!(Role::Moderator.can(EditRooms) && Role::Moderator.can(AssignBadgeUsers));
        assert!(!Role::Moderator.can(EditBadges) && !Role::Moderator.can(EditOffers));
        assert!(!Role::Moderator.can(ManageStaff));
    }

    #[test]
    fn password_and_username_rules() {
        assert!(validate_password("p", "correct horse battery", "ann").is_empty());
        assert!(
            validate_password("p", "short", "ann")
                .for_field("p")
                .is_some()
        );
        assert!(
            validate_password("p", "annannannann", "annannannann")
                .for_field("p")
                .is_some()
        );
        assert!(validate_username("ann.lee-2").is_empty());
        assert!(validate_username("a").for_field("username").is_some());
        assert!(validate_username("ann lee").for_field("username").is_some());
        for reserved in ["dashboard", "System", " DASHBOARD "] {
            assert!(
                validate_username(reserved).for_field("username").is_some(),
                "{reserved}"
            );
        }
    }
}
