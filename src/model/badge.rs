//! Badges: what the dashboard sends to `/external/badge` and what it reads back.

use super::loose::{ExternalId, count};
use super::validate::Problems;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const TOOLTIP_MAX: usize = 140;
pub const COMMUNICATION_TITLE_MAX: usize = 140;
pub const COMMUNICATION_TEXT_MAX: usize = 180;

/// Automatic assignment: on the user's first message, or after a number of messages. The
/// first-message trigger cannot be combined with the others.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BadgeTrigger {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(default)]
    pub first_message: Option<bool>,
    #[serde(default)]
    pub message_count: Option<i64>,
}

impl BadgeTrigger {
    /// No trigger at all: nothing is switched on.
    pub fn is_empty(&self) -> bool {
        self.first_message != Some(true) && self.message_count.is_none()
    }
}

/// The body of create (POST) and update (PATCH).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BadgeInput {
    pub text: String,
    pub background_color: String,
    pub text_color: String,
    pub tooltip: String,
    /// Documented as required, yet the documented example sends `null`: it is sent as given.
    pub communication_pic: Option<String>,
    pub communication_title: String,
    pub communication_text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pic: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<BadgeTrigger>,
}

impl BadgeInput {
    /// Every rule of the documents, each problem named by its field.
    pub fn validate(&self) -> Problems {
        let mut p = Problems::default();
        p.required("text", "Text", &self.text);
        p.hex_color(
            "backgroundColor",
            "Background colour",
            &self.background_color,
        );
        p.hex_color("textColor", "Text colour", &self.text_color);
        if p.required("tooltip", "Tooltip", &self.tooltip) {
            p.max_chars("tooltip", "Tooltip", &self.tooltip, TOOLTIP_MAX);
        }
        if p.required(
            "communicationTitle",
            "Welcome title",
            &self.communication_title,
        ) {
            p.max_chars(
                "communicationTitle",
                "Welcome title",
                &self.communication_title,
                COMMUNICATION_TITLE_MAX,
            );
        }
        if p.required(
            "communicationText",
            "Welcome text",
            &self.communication_text,
        ) {
            p.max_chars(
                "communicationText",
                "Welcome text",
                &self.communication_text,
                COMMUNICATION_TEXT_MAX,
            );
        }
        p.optional_http_url(
            "communicationPic",
            "Welcome picture",
            self.communication_pic.as_deref(),
        );
        p.optional_http_url("pic", "Badge picture", self.pic.as_deref());
        if let Some(trigger) = &self.trigger {
            if trigger.first_message == Some(true) && trigger.message_count.is_some() {
                p.push(
                    "trigger",
                    "The first-message trigger cannot be combined with a message count.",
                );
            }
            if trigger.message_count.is_some_and(|n| n < 1) {
                p.push("trigger", "The message count must be 1 or more.");
            }
        }
        p
    }
}

/// A badge as GET by id and create answer it; list items add `userCount` and `trigger`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Badge {
    pub id: i64,
    pub text: String,
    pub background_color: String,
    pub text_color: String,
    pub tooltip: String,
    pub pic: Option<String>,
    pub data: Option<String>,
    pub communication_pic: Option<String>,
    pub communication_text: Option<String>,
    pub communication_title: Option<String>,
    pub chain_id: Option<ExternalId>,
    pub chain_position: Option<i64>,
    /// The whole chain with its nested badges; its shape is not documented, so it is kept as is.
    pub chain: Option<Value>,
    #[serde(deserialize_with = "count")]
    pub user_count: i64,
    pub trigger: Option<BadgeTrigger>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

/// Sort orders of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum BadgeOrder {
    #[default]
    #[serde(rename = "id_desc")]
    IdDesc,
    #[serde(rename = "id_asc")]
    IdAsc,
}

impl BadgeOrder {
    pub fn as_str(self) -> &'static str {
        match self {
            BadgeOrder::IdDesc => "id_desc",
            BadgeOrder::IdAsc => "id_asc",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "id_desc" => Some(BadgeOrder::IdDesc),
            "id_asc" => Some(BadgeOrder::IdAsc),
            _ => None,
        }
    }
}

/// The body of replace, add and remove users.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BadgeUsers {
    pub user_ids: Vec<String>,
}

/// `{ "added": n }` or `{ "removed": n }`; replace may answer either, or nothing countable.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsersChanged {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> BadgeInput {
        BadgeInput {
            text: "best".into(),
            background_color: "#ea00fc".into(),
            text_color: "#000000".into(),
            tooltip: "5555".into(),
            communication_pic: None,
            communication_title: "11111".into(),
            communication_text: "11111".into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_documented_example_is_valid_and_serializes_as_documented() {
        let input = valid();
        assert!(input.validate().is_empty());
        let json = serde_json::to_value(&input).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "text": "best", "backgroundColor": "#ea00fc", "textColor": "#000000",
                "tooltip": "5555", "communicationPic": null,
                "communicationText": "11111", "communicationTitle": "11111"
            })
        );
    }

    #[test]
    fn each_rule_names_its_field() {
        let mut input = valid();
        input.tooltip = "x".repeat(141);
        input.communication_title = "x".repeat(141);
        input.communication_text = "x".repeat(181);
        input.background_color = "pink".into();
        input.text = " ".into();
        input.pic = Some("javascript:alert(1)".into());
        input.trigger = Some(BadgeTrigger {
            first_message: Some(true),
            message_count: Some(5),
            ..Default::default()
        });
        let p = input.validate();
        for field in [
            "tooltip",
            "communicationTitle",
            "communicationText",
            "backgroundColor",
            "text",
            "pic",
            "trigger",
        ] {
            assert!(p.for_field(field).is_some(), "{field}: {p:?}");
        }
        assert!(p.for_field("textColor").is_none());
    }
}
