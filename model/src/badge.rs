//! Badges: what the dashboard sends to `/external/badge` and what it reads back.

mod users;

pub use users::*;

use super::loose::{
    ExternalId, count, flag, number, optional_number, optional_text, text_or_number,
};
use super::validate::Problems;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Badges per page of the list.
pub const BADGES_PAGE: u32 = 20;

pub const TOOLTIP_MAX: usize = 140;
pub const COMMUNICATION_TITLE_MAX: usize = 140;
pub const COMMUNICATION_TEXT_MAX: usize = 180;

/// Automatic assignment: on the user's first message, or after a number of messages. The
/// first-message trigger cannot be combined with the others.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BadgeTrigger {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "optional_number"
    )]
    pub id: Option<i64>,
    #[serde(default, deserialize_with = "optional_flag")]
    pub first_message: Option<bool>,
    #[serde(default, deserialize_with = "optional_number")]
    pub message_count: Option<i64>,
}

/// A flag that may be absent or `null` (kept as "not said"), or sent as `0`/`1` or text.
fn optional_flag<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<bool>, D::Error> {
    let value = Value::deserialize(deserializer)?;
    if value.is_null() {
        return Ok(None);
    }
    flag(value).map(Some).map_err(serde::de::Error::custom)
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
    /// The PATCH body: the picture, data and trigger it leaves out are sent as `null`, which
    /// clears them.
    pub fn update_body(&self) -> Value {
        let body = serde_json::to_value(self).unwrap_or_default();
        super::loose::clearing(body, &["pic", "data", "trigger"], &[])
    }

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
        p.optional_picture_url(
            "communicationPic",
            "Welcome picture",
            self.communication_pic.as_deref(),
        );
        p.optional_picture_url("pic", "Badge picture", self.pic.as_deref());
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

/// The badge editor's fields as a form sends them: all text, so the same form works with and
/// without JavaScript. [`BadgeForm::to_input`] turns it into what is sent upstream.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BadgeForm {
    pub text: String,
    pub background_color: String,
    pub text_color: String,
    pub tooltip: String,
    pub communication_pic: String,
    pub communication_title: String,
    pub communication_text: String,
    pub pic: String,
    pub data: String,
    /// `none`, `first_message` or `message_count`.
    pub trigger: String,
    pub message_count: String,
}

impl BadgeForm {
    /// The upstream body, or the problems of the form, each named by its wire field.
    pub fn to_input(&self) -> Result<BadgeInput, Problems> {
        let optional = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        let mut problems = Problems::default();
        let trigger = match self.trigger.as_str() {
            "first_message" => Some(BadgeTrigger {
                first_message: Some(true),
                ..Default::default()
            }),
            "message_count" => match self.message_count.trim().parse::<i64>() {
                Ok(n) => Some(BadgeTrigger {
                    message_count: Some(n),
                    ..Default::default()
                }),
                Err(_) => {
                    problems.push("trigger", "Enter how many messages earn the badge.");
                    None
                }
            },
            _ => None,
        };
        let input = BadgeInput {
            text: self.text.trim().to_owned(),
            background_color: self.background_color.trim().to_owned(),
            text_color: self.text_color.trim().to_owned(),
            tooltip: self.tooltip.trim().to_owned(),
            communication_pic: optional(&self.communication_pic),
            communication_title: self.communication_title.trim().to_owned(),
            communication_text: self.communication_text.trim().to_owned(),
            pic: optional(&self.pic),
            data: optional(&self.data),
            trigger,
        };
        problems.0.extend(input.validate().into_vec());
        if problems.is_empty() {
            Ok(input)
        } else {
            Err(problems)
        }
    }

    /// The form filled in from a badge, for editing.
    pub fn from_badge(badge: &Badge) -> Self {
        let trigger = badge.trigger.clone().unwrap_or_default();
        BadgeForm {
            text: badge.text.clone(),
            background_color: badge.background_color.clone(),
            text_color: badge.text_color.clone(),
            tooltip: badge.tooltip.clone(),
            communication_pic: badge.communication_pic.clone().unwrap_or_default(),
            communication_title: badge.communication_title.clone().unwrap_or_default(),
            communication_text: badge.communication_text.clone().unwrap_or_default(),
            pic: badge.pic.clone().unwrap_or_default(),
            data: badge.data.clone().unwrap_or_default(),
            trigger: if trigger.first_message == Some(true) {
                "first_message".into()
            } else if trigger.message_count.is_some() {
                "message_count".into()
            } else {
                "none".into()
            },
            message_count: trigger
                .message_count
                .map(|n| n.to_string())
                .unwrap_or_default(),
        }
    }

    /// A fresh form with pleasant defaults.
    pub fn new_badge() -> Self {
        BadgeForm {
            background_color: "#4f46e5".into(),
            text_color: "#ffffff".into(),
            trigger: "none".into(),
            ..Default::default()
        }
    }
}

/// A badge as GET by id and create answer it; list items add `userCount` and `trigger`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Badge {
    #[serde(deserialize_with = "number")]
    pub id: i64,
    #[serde(deserialize_with = "text_or_number")]
    pub text: String,
    #[serde(deserialize_with = "text_or_number")]
    pub background_color: String,
    #[serde(deserialize_with = "text_or_number")]
    pub text_color: String,
    #[serde(deserialize_with = "text_or_number")]
    pub tooltip: String,
    #[serde(deserialize_with = "optional_text")]
    pub pic: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub data: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub communication_pic: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub communication_text: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub communication_title: Option<String>,
    pub chain_id: Option<ExternalId>,
    #[serde(deserialize_with = "optional_number")]
    pub chain_position: Option<i64>,
    /// The whole chain with its nested badges; its shape is not documented, so it is kept as is.
    pub chain: Option<Value>,
    #[serde(deserialize_with = "count")]
    pub user_count: i64,
    pub trigger: Option<BadgeTrigger>,
    #[serde(deserialize_with = "optional_text")]
    pub created_at: Option<String>,
    #[serde(deserialize_with = "optional_text")]
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
    fn the_form_becomes_the_documented_body_or_names_its_problems() {
        let mut form = BadgeForm::new_badge();
        form.text = " best ".into();
        form.tooltip = "5555".into();
        form.communication_title = "11111".into();
        form.communication_text = "11111".into();
        form.trigger = "message_count".into();
        form.message_count = "25".into();
        let input = form.to_input().unwrap();
        assert_eq!(input.text, "best");
        assert_eq!(input.trigger.unwrap().message_count, Some(25));
        assert_eq!(input.pic, None);
        form.message_count = "many".into();
        form.background_color = "blue".into();
        let problems = form.to_input().unwrap_err();
        assert!(problems.for_field("trigger").is_some());
        assert!(problems.for_field("backgroundColor").is_some());
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
