//! Who sees an offer or advertisement, how often, and which targets the platform accepted.

use super::loose::{ExternalId, id_list};
use super::validate::Problems;
use serde::{Deserialize, Serialize};

/// `showFrerquency` (sic): on every entry to the chat, or once a day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShowFrequency {
    #[serde(rename = "ON_ENTRY")]
    OnEntry,
    #[default]
    #[serde(rename = "DAILY")]
    Daily,
    /// A value the documents do not list.
    #[serde(other, rename = "UNKNOWN")]
    Other,
}

impl ShowFrequency {
    pub fn as_str(self) -> &'static str {
        match self {
            ShowFrequency::OnEntry => "ON_ENTRY",
            ShowFrequency::Daily => "DAILY",
            ShowFrequency::Other => "UNKNOWN",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "ON_ENTRY" => Some(ShowFrequency::OnEntry),
            "DAILY" => Some(ShowFrequency::Daily),
            _ => None,
        }
    }
}

/// `type`: everyone everywhere, everyone in some rooms, or some users everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AudienceType {
    #[default]
    #[serde(rename = "GLOBAL")]
    Global,
    #[serde(rename = "ROOM")]
    Room,
    #[serde(rename = "USER")]
    User,
    #[serde(other, rename = "UNKNOWN")]
    Other,
}

impl AudienceType {
    pub fn as_str(self) -> &'static str {
        match self {
            AudienceType::Global => "GLOBAL",
            AudienceType::Room => "ROOM",
            AudienceType::User => "USER",
            AudienceType::Other => "UNKNOWN",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "GLOBAL" => Some(AudienceType::Global),
            "ROOM" => Some(AudienceType::Room),
            "USER" => Some(AudienceType::User),
            _ => None,
        }
    }

    /// ROOM needs room ids and USER needs user ids.
    pub fn validate_into(self, p: &mut Problems, room_ids: &[String], user_ids: &[String]) {
        match self {
            AudienceType::Room if room_ids.is_empty() => p.push(
                "externalRoomIds",
                "Add at least one room id for a ROOM offer.",
            ),
            AudienceType::User if user_ids.is_empty() => p.push(
                "externalUserIds",
                "Add at least one user id for a USER offer.",
            ),
            AudienceType::Other => p.push("type", "Type must be GLOBAL, ROOM or USER."),
            _ => {}
        }
    }
}

/// Which targeted ids the platform reported available or unavailable after a publish.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Targeting {
    #[serde(deserialize_with = "id_list")]
    pub available_external_room_ids: Vec<ExternalId>,
    #[serde(deserialize_with = "id_list")]
    pub unavailable_external_room_ids: Vec<ExternalId>,
    #[serde(deserialize_with = "id_list")]
    pub available_external_user_ids: Vec<ExternalId>,
    #[serde(deserialize_with = "id_list")]
    pub unavailable_external_user_ids: Vec<ExternalId>,
}

/// What create (and some updates) answer: the item under `offer` or `advertisement`, and the
/// targeting report beside it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Published<T> {
    #[serde(alias = "offer", alias = "advertisement")]
    pub item: T,
    #[serde(flatten)]
    pub targeting: Targeting,
}

/// What an update answers: a bare `true`, the updated item, or the item with a targeting report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum UpdateAnswer<T> {
    Done,
    Item(T),
    Published(Published<T>),
}

impl<T> UpdateAnswer<T> {
    pub fn targeting(&self) -> Option<&Targeting> {
        match self {
            UpdateAnswer::Published(p) => Some(&p.targeting),
            _ => None,
        }
    }
}

/// Splits a pasted list of ids (commas, spaces, new lines) into trimmed, unique ids, in order.
pub fn parse_id_list(text: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .map(str::trim)
        .filter(|id| !id.is_empty() && seen.insert(id.to_string()))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_ids_are_trimmed_and_deduplicated_in_order() {
        assert_eq!(parse_id_list(" 12, 7\n12;;x \t7"), vec!["12", "7", "x"]);
        assert!(parse_id_list(" \n ").is_empty());
    }

    #[test]
    fn unknown_enum_values_read_as_other() {
        let f: ShowFrequency = serde_json::from_str("\"WEEKLY\"").unwrap();
        assert_eq!(f, ShowFrequency::Other);
        let t: AudienceType = serde_json::from_str("\"ROOM\"").unwrap();
        assert_eq!(t, AudienceType::Room);
    }
}
