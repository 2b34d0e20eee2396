//! The TagMango editor's form: all text as typed, the mango ids read from it, and how it becomes
//! what is sent (one automation type at a time).

use super::{Automation, DEFAULT_POINT_CATEGORY, MangoBadge, MangoBadgeInput, is_object_id};
use crate::validate::Problems;
use serde::{Deserialize, Serialize};

/// The mango ids typed into the form: split on commas, spaces and new lines, lowercased,
/// de-duplicated in order; with those that are not ids, and how many repeats were dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MangoList {
    pub ids: Vec<String>,
    pub not_ids: Vec<String>,
    pub repeats: usize,
}

impl MangoList {
    pub fn parse(text: &str) -> Self {
        let mut list = MangoList::default();
        for word in text
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|w| !w.is_empty())
        {
            let id = word.to_ascii_lowercase();
            if !is_object_id(&id) {
                list.not_ids.push(word.to_owned());
            } else if list.ids.contains(&id) {
                list.repeats += 1;
            } else {
                list.ids.push(id);
            }
        }
        list
    }

    /// "3 mangoes (1 repeat dropped)".
    pub fn summary(&self) -> String {
        let n = self.ids.len();
        let mut text = if n == 1 {
            "1 mango".to_owned()
        } else {
            format!("{n} mangoes")
        };
        if self.repeats > 0 {
            text.push_str(&format!(
                " ({} repeat{} dropped)",
                self.repeats,
                if self.repeats == 1 { "" } else { "s" }
            ));
        }
        text
    }
}

/// The editor's fields as a form sends them: all text, so the form works without JavaScript.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MangoBadgeForm {
    pub name: String,
    pub description: String,
    pub image_url: String,
    /// `none`, `points` or `mangoes`.
    pub automation: String,
    pub points_threshold: String,
    pub point_category: String,
    pub mangoes: String,
}

impl MangoBadgeForm {
    pub fn new_badge() -> Self {
        MangoBadgeForm {
            automation: "none".into(),
            point_category: DEFAULT_POINT_CATEGORY.into(),
            ..Default::default()
        }
    }

    /// The form of a badge as TagMango holds it; one that sets both automation types keeps
    /// both values, so that saving it asks which one to keep.
    pub fn from_badge(badge: &MangoBadge) -> Self {
        let automation = match badge.automation() {
            Automation::Off => "none",
            Automation::Points { .. } => "points",
            Automation::Mangoes(_) => "mangoes",
        };
        MangoBadgeForm {
            name: badge.name.clone(),
            description: badge.description.clone().unwrap_or_default(),
            image_url: badge.image_url.clone().unwrap_or_default(),
            automation: automation.into(),
            points_threshold: badge
                .points_threshold
                .map(|n| n.to_string())
                .unwrap_or_default(),
            point_category: badge
                .point_category_for_automation
                .clone()
                .unwrap_or_else(|| DEFAULT_POINT_CATEGORY.to_owned()),
            mangoes: badge.automation_enabled_mangoes.join("\n"),
        }
    }

    /// The upstream body, or the form's problems, each named by its wire field. The type not
    /// chosen must be empty: a value left in it is refused rather than silently dropped.
    pub fn to_input(&self) -> Result<MangoBadgeInput, Problems> {
        let optional = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        let mut problems = Problems::default();
        let threshold_typed = !self.points_threshold.trim().is_empty();
        let mangoes = MangoList::parse(&self.mangoes);
        let mangoes_typed = !self.mangoes.trim().is_empty();
        let mut input = MangoBadgeInput {
            name: self.name.trim().to_owned(),
            description: optional(&self.description),
            image_url: optional(&self.image_url),
            ..Default::default()
        };
        match self.automation.as_str() {
            "points" => {
                input.enable_automation = true;
                match self.points_threshold.trim().parse::<i64>() {
                    Ok(n) => input.points_threshold = Some(n),
                    Err(_) => problems.push(
                        "pointsThreshold",
                        "Enter the points threshold as a whole number, 0 or more.",
                    ),
                }
                input.point_category_for_automation = Some(
                    optional(&self.point_category)
                        .unwrap_or_else(|| DEFAULT_POINT_CATEGORY.to_owned()),
                );
                if mangoes_typed {
                    problems.push(
                        "automationEnabledMangoes",
                        "Only one automation type can be on at a time: clear the mango ids, or choose subscription to mangoes instead.",
                    );
                }
            }
            "mangoes" => {
                input.enable_automation = true;
                if let Some(bad) = mangoes.not_ids.first() {
                    problems.push(
                        "automationEnabledMangoes",
                        format!("“{bad}” is not a mango id (24 characters, 0–9 and a–f)."),
                    );
                } else if mangoes.ids.is_empty() {
                    problems.push("automationEnabledMangoes", "Enter at least one mango id.");
                }
                input.automation_enabled_mangoes = Some(mangoes.ids);
                if threshold_typed {
                    problems.push(
                        "pointsThreshold",
                        "Only one automation type can be on at a time: clear the points threshold, or choose points instead.",
                    );
                }
            }
            _ => {}
        }
        if problems.is_empty() {
            problems.0.extend(input.validate().into_vec());
        }
        if problems.is_empty() {
            Ok(input)
        } else {
            Err(problems)
        }
    }
}
