//! Marketing offers (`/external/offer`): templates 10 (text) and 11 (image).

use super::loose::{AsSent, Embedded, embedded, flag, number, optional_number, optional_text};
use super::targeting::{AudienceType, ShowFrequency};
use super::time::parse_iso;
use super::validate::Problems;
use serde::{Deserialize, Serialize};

pub mod form;

pub const TEMPLATE_TEXT: i64 = 10;
pub const TEMPLATE_IMAGE: i64 = 11;

/// Colours, gradient and alignment of a template 10 widget; sent as JSON inside a form field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateData {
    pub alignment: String,
    pub bg_color: String,
    pub btn_color: String,
    pub btn_text_color: String,
    pub text_color: String,
    #[serde(default)]
    pub gradient: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gradient_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gradient_to: Option<String>,
    #[serde(default)]
    pub gradient_direction: String,
}

impl Default for TemplateData {
    fn default() -> Self {
        TemplateData {
            alignment: "center".into(),
            bg_color: "#ffffff".into(),
            btn_color: "#1890bf".into(),
            btn_text_color: "#ffffff".into(),
            text_color: "#000000".into(),
            gradient: false,
            gradient_from: None,
            gradient_to: None,
            gradient_direction: "180deg".into(),
        }
    }
}

impl TemplateData {
    pub fn validate_into(&self, p: &mut Problems) {
        if !matches!(self.alignment.as_str(), "left" | "center" | "right") {
            p.push(
                "templateData.alignment",
                "Alignment must be left, center or right.",
            );
        }
        p.css_color("templateData.bgColor", "Background colour", &self.bg_color);
        p.css_color("templateData.btnColor", "Button colour", &self.btn_color);
        p.css_color(
            "templateData.btnTextColor",
            "Button text colour",
            &self.btn_text_color,
        );
        p.css_color("templateData.textColor", "Text colour", &self.text_color);
        if self.gradient {
            let from = self.gradient_from.as_deref().unwrap_or("");
            let to = self.gradient_to.as_deref().unwrap_or("");
            p.css_color("templateData.gradientFrom", "Gradient start colour", from);
            p.css_color("templateData.gradientTo", "Gradient end colour", to);
            if !is_css_angle(&self.gradient_direction) {
                p.push(
                    "templateData.gradientDirection",
                    "Gradient direction must be an angle such as 135deg.",
                );
            }
        }
    }
}

/// A CSS angle in degrees, e.g. `135deg`.
pub fn is_css_angle(value: &str) -> bool {
    value
        .trim()
        .strip_suffix("deg")
        .is_some_and(|n| n.parse::<f64>().is_ok_and(f64::is_finite))
}

/// The fields of create and update; sent as a multipart form (see [`OfferInput::form_fields`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OfferInput {
    pub template: i64,
    pub title: Option<String>,
    pub text: Option<String>,
    pub link: Option<String>,
    pub link_text: Option<String>,
    pub pic: Option<String>,
    pub template_data: Option<TemplateData>,
    pub start_time: String,
    pub end_time: Option<String>,
    #[serde(default)]
    pub external_room_ids: Vec<String>,
    #[serde(default)]
    pub external_user_ids: Vec<String>,
    #[serde(default)]
    pub show_multiple_times: bool,
    #[serde(rename = "showFrerquency")]
    pub show_frequency: ShowFrequency,
    #[serde(rename = "showDelayMS")]
    pub show_delay_ms: i64,
    #[serde(rename = "type")]
    pub audience: AudienceType,
}

impl OfferInput {
    /// The multipart form fields, in the documented order and spelling. `templateData` is JSON
    /// text; each targeted id is one repeated `externalRoomIds` / `externalUserIds` field.
    pub fn form_fields(&self) -> Vec<(&'static str, String)> {
        let mut f = vec![("template", self.template.to_string())];
        let text_fields = [
            ("title", &self.title),
            ("text", &self.text),
            ("link", &self.link),
            ("linkText", &self.link_text),
            ("pic", &self.pic),
        ];
        for (name, value) in text_fields {
            if let Some(value) = value {
                f.push((name, value.clone()));
            }
        }
        if let Some(data) = &self.template_data {
            f.push((
                "templateData",
                serde_json::to_string(data).unwrap_or_default(),
            ));
        }
        f.push(("showMultipleTimes", self.show_multiple_times.to_string()));
        f.push(("showFrerquency", self.show_frequency.as_str().to_owned()));
        f.push(("showDelayMS", self.show_delay_ms.to_string()));
        f.push(("startTime", self.start_time.clone()));
        if let Some(end) = &self.end_time {
            f.push(("endTime", end.clone()));
        }
        f.push(("type", self.audience.as_str().to_owned()));
        f.extend(
            self.external_room_ids
                .iter()
                .map(|id| ("externalRoomIds", id.clone())),
        );
        f.extend(
            self.external_user_ids
                .iter()
                .map(|id| ("externalUserIds", id.clone())),
        );
        f
    }

    /// The PATCH form: as [`OfferInput::form_fields`], with an empty `endTime` when there is no
    /// end, which clears it (a multipart form cannot send `null`).
    pub fn update_fields(&self) -> Vec<(&'static str, String)> {
        let mut fields = self.form_fields();
        if self.end_time.is_none() {
            fields.push(("endTime", String::new()));
        }
        fields
    }

    pub fn validate(&self) -> Problems {
        let mut p = Problems::default();
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        match self.template {
            TEMPLATE_TEXT => {
                p.required("title", "Title", &text(&self.title));
                p.required("text", "Text", &text(&self.text));
                p.http_url("link", "Link", &text(&self.link));
                p.required("linkText", "Button text", &text(&self.link_text));
                match &self.template_data {
                    Some(data) => data.validate_into(&mut p),
                    None => p.push(
                        "templateData",
                        "Template 10 needs its colours and alignment.",
                    ),
                }
            }
            TEMPLATE_IMAGE => {
                p.picture_url("pic", "Image address", &text(&self.pic));
                p.http_url("link", "Link", &text(&self.link));
            }
            other => p.push(
                "template",
                format!("Template must be 10 (text) or 11 (image), not {other}."),
            ),
        }
        validate_schedule(&mut p, &self.start_time, self.end_time.as_deref());
        if self.show_delay_ms < 0 {
            p.push("showDelayMS", "The delay cannot be negative.");
        }
        if matches!(self.show_frequency, ShowFrequency::Other) {
            p.push(
                "showFrerquency",
                "Show frequency must be ON_ENTRY or DAILY.",
            );
        }
        self.audience
            .validate_into(&mut p, &self.external_room_ids, &self.external_user_ids);
        p
    }
}

/// Start required (ISO 8601 UTC), end optional and after the start.
fn validate_schedule(p: &mut Problems, start: &str, end: Option<&str>) {
    let start_at = if p.required("startTime", "Start", start) {
        let parsed = parse_iso(start);
        if parsed.is_none() {
            p.push("startTime", "Start must be a date and time.");
        }
        parsed
    } else {
        None
    };
    if let Some(end) = end.filter(|e| !e.trim().is_empty()) {
        match (parse_iso(end), start_at) {
            (None, _) => p.push("endTime", "End must be a date and time."),
            (Some(end), Some(start)) if end <= start => {
                p.push("endTime", "End must be after the start.")
            }
            _ => {}
        }
    }
}

/// An offer as the API answers it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Offer {
    #[serde(deserialize_with = "number")]
    pub id: i64,
    #[serde(deserialize_with = "optional_text")]
    pub pic: Option<String>,
    #[serde(deserialize_with = "number")]
    pub template: i64,
    #[serde(deserialize_with = "optional_text")]
    pub title: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub text: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub link: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub link_text: Option<String>,
    /// The look, or the text Watchers holds when it is not JSON this dashboard can read.
    #[serde(deserialize_with = "embedded")]
    pub template_data: Option<Embedded<TemplateData>>,
    #[serde(deserialize_with = "flag")]
    pub show_multiple_times: bool,
    /// Kept as it came: older documents list other values (`GLOBAL`).
    #[serde(rename = "showFrerquency")]
    pub show_frequency: Option<AsSent<ShowFrequency>>,
    #[serde(rename = "showDelayMS", deserialize_with = "optional_number")]
    pub show_delay_ms: Option<i64>,
    #[serde(deserialize_with = "optional_text")]
    pub start_time: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub end_time: Option<String>,
    #[serde(rename = "type")]
    pub audience: Option<AudienceType>,
    #[serde(deserialize_with = "optional_text")]
    pub open_type: Option<String>,
    #[serde(deserialize_with = "embedded")]
    pub data: Option<Embedded<Vec<super::advertisement::AdLanguage>>>,
    /// Targeted rooms and users as the PATCH example echoes them; their shape is not documented.
    pub rooms: Option<Vec<serde_json::Value>>,
    pub users: Option<Vec<serde_json::Value>>,
}
