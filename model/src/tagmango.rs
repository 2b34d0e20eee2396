//! TagMango badges: what the dashboard sends to `/api/v1/external/gamification/badges`, what it
//! reads back, and automation's one rule (one type at a time), for the browser and server alike.

mod form;

pub use form::{MangoBadgeForm, MangoList};

use super::loose::{clearing, flag, optional_number, optional_text};
use super::validate::Problems;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// The badge's fields in TagMango's spelling (problems are named by them).
pub const FIELDS: [&str; 7] = [
    "name",
    "description",
    "imageUrl",
    "enableAutomation",
    "pointsThreshold",
    "pointCategoryForAutomation",
    "automationEnabledMangoes",
];

/// The documented rate limit: at most this many requests in any [`RATE_WINDOW`].
pub const RATE_LIMIT: usize = 120;
pub const RATE_WINDOW: std::time::Duration = std::time::Duration::from_secs(10);

/// The point category the documents' example automates on, and the form's default.
pub const DEFAULT_POINT_CATEGORY: &str = "lifetime";
/// Not documented: the dashboard's own bound, so that a name fits the badge card.
pub const NAME_MAX: usize = 80;
pub const DESCRIPTION_MAX: usize = 500;

/// A TagMango id (`_id`, `creator`, a mango): a MongoDB object id, 24 hex characters.
pub fn is_object_id(value: &str) -> bool {
    value.len() == 24 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A badge as TagMango sends it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MangoBadge {
    #[serde(rename = "_id")]
    pub id: String,
    #[serde(default, deserialize_with = "optional_text")]
    pub creator: Option<String>,
    pub name: String,
    #[serde(default, deserialize_with = "optional_text")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "optional_text")]
    pub image_url: Option<String>,
    #[serde(default, deserialize_with = "flag")]
    pub enable_automation: bool,
    #[serde(default, deserialize_with = "optional_number")]
    pub points_threshold: Option<i64>,
    #[serde(default, deserialize_with = "optional_text")]
    pub point_category_for_automation: Option<String>,
    #[serde(default, deserialize_with = "mango_ids")]
    pub automation_enabled_mangoes: Vec<String>,
    #[serde(default, deserialize_with = "optional_text")]
    pub created_at: Option<String>,
    #[serde(default, deserialize_with = "optional_text")]
    pub updated_at: Option<String>,
}

/// A list of ids that may be absent, `null`, or hold numbers as well as strings.
fn mango_ids<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    match Value::deserialize(deserializer)? {
        Value::Null => Ok(vec![]),
        Value::Array(items) => items
            .into_iter()
            .map(|item| match item {
                Value::String(s) => Ok(s),
                Value::Number(n) => Ok(n.to_string()),
                other => Err(serde::de::Error::custom(format!("a mango id {other}"))),
            })
            .collect(),
        other => Err(serde::de::Error::custom(format!(
            "automationEnabledMangoes {other}"
        ))),
    }
}

/// How a badge is handed out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Automation {
    /// By hand only.
    Off,
    /// To members whose points in `category` reach `threshold` (and taken back below it).
    Points { threshold: i64, category: String },
    /// To members subscribed to any of these mangoes (and taken back when that ends).
    Mangoes(Vec<String>),
}

impl MangoBadge {
    /// Whether the record sets both automation types, which the documents forbid yet their own
    /// example does: shown with a warning, never refused.
    pub fn has_both_automations(&self) -> bool {
        self.points_threshold.is_some() && !self.automation_enabled_mangoes.is_empty()
    }

    /// How the badge is handed out; with both types set, the points threshold is named (and the
    /// page warns).
    pub fn automation(&self) -> Automation {
        if !self.enable_automation {
            Automation::Off
        } else if let Some(threshold) = self.points_threshold {
            Automation::Points {
                threshold,
                category: self
                    .point_category_for_automation
                    .clone()
                    .unwrap_or_else(|| DEFAULT_POINT_CATEGORY.to_owned()),
            }
        } else if !self.automation_enabled_mangoes.is_empty() {
            Automation::Mangoes(self.automation_enabled_mangoes.clone())
        } else {
            Automation::Off
        }
    }

    /// One line for lists: "By hand", "100 lifetime points", "3 mangoes".
    pub fn automation_summary(&self) -> String {
        match self.automation() {
            Automation::Off => "By hand".to_owned(),
            Automation::Points {
                threshold,
                category,
            } => format!("{threshold} {category} points"),
            Automation::Mangoes(ids) if ids.len() == 1 => "Subscribers of 1 mango".to_owned(),
            Automation::Mangoes(ids) => format!("Subscribers of {} mangoes", ids.len()),
        }
    }
}

/// The body of create (POST) and update (PATCH).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MangoBadgeInput {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    #[serde(default)]
    pub enable_automation: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_threshold: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point_category_for_automation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automation_enabled_mangoes: Option<Vec<String>>,
}

impl MangoBadgeInput {
    /// The PATCH body: what the input leaves out is sent as `null` (the mango list as `[]`), so
    /// switching automation from one type to the other clears the first.
    pub fn update_body(&self) -> Value {
        let body = serde_json::to_value(self).unwrap_or_default();
        clearing(
            body,
            &[
                "description",
                "imageUrl",
                "pointsThreshold",
                "pointCategoryForAutomation",
            ],
            &["automationEnabledMangoes"],
        )
    }

    /// Every rule, each problem named by its wire field; the sandbox applies the same.
    pub fn validate(&self) -> Problems {
        let mut p = Problems::default();
        if p.required("name", "Name", &self.name) {
            p.max_chars("name", "Name", &self.name, NAME_MAX);
        }
        if let Some(description) = &self.description {
            p.max_chars("description", "Description", description, DESCRIPTION_MAX);
        }
        p.optional_picture_url("imageUrl", "Image", self.image_url.as_deref());
        let mangoes = self.automation_enabled_mangoes.as_deref().unwrap_or(&[]);
        if self.points_threshold.is_some() && !mangoes.is_empty() {
            p.push(
                "automationEnabledMangoes",
                "Only one automation type can be on at a time: a points threshold or mangoes, not both.",
            );
        }
        if self.points_threshold.is_some_and(|n| n < 0) {
            p.push(
                "pointsThreshold",
                "The points threshold cannot be negative.",
            );
        }
        if let Some(bad) = mangoes.iter().find(|id| !is_object_id(id)) {
            p.push(
                "automationEnabledMangoes",
                format!("“{bad}” is not a mango id (24 characters, 0–9 and a–f)."),
            );
        }
        if self.enable_automation && self.points_threshold.is_none() && mangoes.is_empty() {
            p.push(
                "enableAutomation",
                "Automation needs a points threshold or at least one mango.",
            );
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCUMENTED: &str = r#"{
        "_id": "6659ca9e5f2acb7abfdcd8fd", "creator": "6149b1e5612c4e5fd96041d3",
        "name": "Hall Of Fame", "description": "Something about the badge",
        "imageUrl": "https://testing.tagmango.com/assets/badge-icon.png",
        "enableAutomation": true, "pointsThreshold": 100, "pointCategoryForAutomation": "lifetime",
        "automationEnabledMangoes": ["6659ca9e5f2acb7abfdcd8fd", "6659ca9e5f2acb7abfdcd8fd"],
        "createdAt": "2024-05-31T13:03:26.375Z", "updatedAt": "2024-07-19T12:32:51.071Z"
    }"#;

    #[test]
    fn the_documented_record_is_read_and_its_two_automations_are_noticed() {
        let badge: MangoBadge = serde_json::from_str(DOCUMENTED).unwrap();
        assert_eq!(badge.id, "6659ca9e5f2acb7abfdcd8fd");
        assert!(badge.has_both_automations());
        assert_eq!(badge.automation_summary(), "100 lifetime points");
        let form = MangoBadgeForm::from_badge(&badge);
        let problems = form.to_input().unwrap_err();
        assert!(problems.for_field("automationEnabledMangoes").is_some());
    }

    #[test]
    fn a_form_with_points_becomes_the_documented_body() {
        let form = MangoBadgeForm {
            name: " Hall Of Fame ".into(),
            automation: "points".into(),
            points_threshold: "100".into(),
            point_category: "".into(),
            ..MangoBadgeForm::new_badge()
        };
        let body = serde_json::to_value(form.to_input().unwrap()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"name": "Hall Of Fame", "enableAutomation": true,
                "pointsThreshold": 100, "pointCategoryForAutomation": "lifetime"})
        );
    }

    #[test]
    fn mango_ids_are_checked_lowercased_and_counted_without_repeats() {
        let list = MangoList::parse(
            "6659CA9E5F2ACB7ABFDCD8FD, 6659ca9e5f2acb7abfdcd8fd\n6149b1e5612c4e5fd96041d3 x1",
        );
        assert_eq!(list.ids.len(), 2);
        assert_eq!(list.repeats, 1);
        assert_eq!(list.not_ids, vec!["x1"]);
        assert_eq!(list.summary(), "2 mangoes (1 repeat dropped)");
        let form = MangoBadgeForm {
            name: "Subscribers".into(),
            automation: "mangoes".into(),
            mangoes: "6659ca9e5f2acb7abfdcd8fd 6659ca9e5f2acb7abfdcd8fd".into(),
            ..MangoBadgeForm::new_badge()
        };
        let input = form.to_input().unwrap();
        assert_eq!(input.automation_enabled_mangoes.unwrap().len(), 1);
    }

    #[test]
    fn one_automation_type_at_a_time_and_the_other_is_never_dropped_silently() {
        let both = MangoBadgeForm {
            name: "B".into(),
            automation: "mangoes".into(),
            points_threshold: "10".into(),
            mangoes: "6659ca9e5f2acb7abfdcd8fd".into(),
            ..MangoBadgeForm::new_badge()
        };
        assert!(
            both.to_input()
                .unwrap_err()
                .for_field("pointsThreshold")
                .is_some()
        );
        let wire = MangoBadgeInput {
            name: "B".into(),
            enable_automation: true,
            points_threshold: Some(10),
            automation_enabled_mangoes: Some(vec!["6659ca9e5f2acb7abfdcd8fd".into()]),
            ..Default::default()
        };
        assert!(
            wire.validate()
                .for_field("automationEnabledMangoes")
                .is_some()
        );
        let negative = MangoBadgeForm {
            name: "B".into(),
            automation: "points".into(),
            points_threshold: "-1".into(),
            ..MangoBadgeForm::new_badge()
        };
        assert!(
            negative
                .to_input()
                .unwrap_err()
                .for_field("pointsThreshold")
                .is_some()
        );
    }

    #[test]
    fn an_update_clears_the_automation_not_chosen() {
        let input = MangoBadgeInput {
            name: "B".into(),
            enable_automation: true,
            automation_enabled_mangoes: Some(vec!["6659ca9e5f2acb7abfdcd8fd".into()]),
            ..Default::default()
        };
        let body = input.update_body();
        assert_eq!(body["pointsThreshold"], Value::Null);
        assert_eq!(
            body["automationEnabledMangoes"][0],
            "6659ca9e5f2acb7abfdcd8fd"
        );
        let off = MangoBadgeInput {
            name: "B".into(),
            ..Default::default()
        }
        .update_body();
        assert_eq!(off["enableAutomation"], false);
        assert_eq!(off["automationEnabledMangoes"], serde_json::json!([]));
    }
}
