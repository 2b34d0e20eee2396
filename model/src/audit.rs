//! The audit log's wire types: its areas, one entry, and the page's filters.

use serde::{Deserialize, Serialize};

/// The part of the dashboard an audit entry belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuditArea {
    Auth,
    Staff,
    Badges,
    Offers,
    Advertisements,
    Exclusions,
    Rooms,
    /// TagMango badges.
    TagMango,
}

impl AuditArea {
    /// Every area, in the order the audit page offers them.
    pub const ALL: [AuditArea; 8] = [
        AuditArea::Auth,
        AuditArea::Staff,
        AuditArea::Badges,
        AuditArea::Offers,
        AuditArea::Advertisements,
        AuditArea::Exclusions,
        AuditArea::Rooms,
        AuditArea::TagMango,
    ];

    /// The name stored in the log and used by the filter.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditArea::Auth => "auth",
            AuditArea::Staff => "staff",
            AuditArea::Badges => "badges",
            AuditArea::Offers => "offers",
            AuditArea::Advertisements => "advertisements",
            AuditArea::Exclusions => "exclusions",
            AuditArea::Rooms => "rooms",
            AuditArea::TagMango => "tagmango",
        }
    }
}

/// One line of the audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub at: String,
    pub actor: String,
    pub action: String,
    pub area: String,
    pub target: Option<String>,
    /// `ok`, `refused` (by us or upstream) or `failed` (upstream unavailable or unreadable).
    pub outcome: String,
    pub summary: String,
    /// Where the item can be seen or restored (a deleted item's snapshot).
    #[serde(default)]
    pub link: Option<String>,
}

/// The audit page's filters; empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    #[serde(default)]
    pub person: String,
    #[serde(default)]
    pub area: String,
    /// `YYYY-MM-DD`, inclusive.
    #[serde(default)]
    pub from: String,
    /// `YYYY-MM-DD`, inclusive.
    #[serde(default)]
    pub to: String,
}

/// Entries on one page of the audit log.
pub const AUDIT_PAGE_SIZE: i64 = 50;

/// One page of the audit log, with the people to filter by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub people: Vec<String>,
    pub has_more: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn area_names_match_their_wire_form() {
        for area in AuditArea::ALL {
            let json = serde_json::to_string(&area).unwrap();
            assert_eq!(json, format!("\"{}\"", area.as_str()));
        }
    }
}
