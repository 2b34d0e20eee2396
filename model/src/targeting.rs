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

/// What a create or update answered, read leniently for what the dashboard needs. A 2xx is a
/// success whatever its body says: when the body cannot be read, `unread` says why and the
/// rest is what could be found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sent {
    /// The item's id, when the answer carried one (`id` of the item, or of `offer` or
    /// `advertisement` around it; a number or numeric text).
    pub id: Option<i64>,
    /// The targeting report, when the answer carried one that could be read.
    pub targeting: Option<Targeting>,
    /// Why the answer could not be read in full; `None` when it could.
    pub unread: Option<String>,
}

impl Sent {
    /// Reads a create or update answer. `true`, an empty body or an object are all successes.
    pub fn read(body: &[u8]) -> Sent {
        let text = String::from_utf8_lossy(body);
        if matches!(text.trim(), "" | "true") {
            return Sent::default();
        }
        let value: serde_json::Value = match serde_json::from_str(&text) {
            Ok(value) => value,
            Err(err) => {
                return Sent {
                    unread: Some(format!("the answer is not JSON ({err})")),
                    ..Sent::default()
                };
            }
        };
        if !value.is_object() {
            return Sent {
                unread: Some(format!("the answer is {value}, not an object")),
                ..Sent::default()
            };
        }
        let item = ["offer", "advertisement"]
            .into_iter()
            .find_map(|key| value.get(key).filter(|v| v.is_object()))
            .unwrap_or(&value);
        let id = match item.get("id") {
            Some(serde_json::Value::Number(n)) => n.as_i64(),
            Some(serde_json::Value::String(s)) => s.trim().parse().ok(),
            _ => None,
        };
        const REPORT: [&str; 4] = [
            "availableExternalRoomIds",
            "unavailableExternalRoomIds",
            "availableExternalUserIds",
            "unavailableExternalUserIds",
        ];
        let mut unread = None;
        let targeting = if REPORT.iter().any(|key| value.get(key).is_some()) {
            match serde_json::from_value::<Targeting>(value.clone()) {
                Ok(targeting) => Some(targeting),
                Err(err) => {
                    unread = Some(format!("its targeting report could not be read ({err})"));
                    None
                }
            }
        } else {
            None
        };
        if id.is_none() && item.get("id").is_some() {
            unread = Some(format!("its id {} is not a number", item["id"]));
        }
        Sent {
            id,
            targeting,
            unread,
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

    #[test]
    fn a_create_or_update_answer_is_read_for_what_is_needed() {
        let read = |body: &str| Sent::read(body.as_bytes());
        assert_eq!(read("true"), Sent::default());
        assert_eq!(read(""), Sent::default());
        let created = read(
            r#"{"offer":{"id":"42","template":{}},"availableExternalRoomIds":[1,"2"],"unavailableExternalRoomIds":null}"#,
        );
        assert_eq!(created.id, Some(42));
        assert_eq!(created.unread, None);
        assert_eq!(
            created.targeting.unwrap().available_external_room_ids.len(),
            2
        );
        let older = read(r#"{"advertisement":{"id":7},"messages":[],"available":true}"#);
        assert_eq!((older.id, older.unread), (Some(7), None));
        let garbage = read("<html>oops</html>");
        assert_eq!(garbage.id, None);
        assert!(garbage.unread.unwrap().contains("not JSON"));
        let odd_id = read(r#"{"id":"seven"}"#);
        assert!(odd_id.unread.unwrap().contains("not a number"));
        let odd_report = read(r#"{"id":3,"availableExternalRoomIds":{"x":1}}"#);
        assert_eq!(odd_report.id, Some(3));
        assert!(odd_report.unread.unwrap().contains("targeting report"));
    }
}

/// What the platform answered the last publish of an item through this dashboard: the
/// targeting report, and the ids that were sent (GET does not answer them).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishReport {
    pub targeting: Option<Targeting>,
    pub sent_room_ids: Vec<String>,
    pub sent_user_ids: Vec<String>,
    pub published_by: String,
    pub published_at: String,
}

/// An item as its page shows it, with the last publish report kept by the dashboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WithReport<T> {
    pub item: T,
    pub report: Option<PublishReport>,
}
