//! Advertisements (`/external/advertisement`): multi-language entries, and template 12 winshare.

use super::loose::{
    Embedded, ExternalId, embedded, id_list, number, optional_number, optional_text,
};
use super::time::parse_iso;
use super::validate::Problems;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub mod form;

pub const TEMPLATE_WINSHARE: i64 = 12;

/// One language of an advertisement.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AdLanguage {
    pub lang: String,
    pub title: String,
    pub text: String,
    pub link: String,
    pub link_text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pic: Option<String>,
}

/// The JSON body of create and update.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdvertisementInput {
    pub template: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_type: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<AdLanguage>,
    #[serde(
        default,
        deserialize_with = "id_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub external_room_ids: Vec<ExternalId>,
    /// Template 12 only: whose win is posted (may be empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
}

impl AdvertisementInput {
    /// The PATCH body: send and delete times it leaves out are sent as `null` and no rooms as an
    /// empty list, which clears them.
    pub fn update_body(&self) -> Value {
        let body = serde_json::to_value(self).unwrap_or_default();
        super::loose::clearing(body, &["sendTime", "deleteTime"], &["externalRoomIds"])
    }

    pub fn validate(&self) -> Problems {
        let mut p = Problems::default();
        if self.template < 1 {
            p.push("template", "Choose a template.");
        }
        if self.data.is_empty() {
            p.push("data", "Add at least one language.");
        }
        let mut langs = std::collections::HashSet::new();
        for (i, entry) in self.data.iter().enumerate() {
            let field = |name: &str| format!("data.{i}.{name}");
            if p.required(&field("lang"), "Language", &entry.lang)
                && !langs.insert(entry.lang.trim().to_ascii_lowercase())
            {
                p.push(&field("lang"), format!("{} appears twice.", entry.lang));
            }
            p.optional_http_url(&field("link"), "Link", Some(&entry.link));
            p.optional_picture_url(&field("pic"), "Picture", entry.pic.as_deref());
        }
        for (name, label, value) in [
            ("sendTime", "Send time", &self.send_time),
            ("deleteTime", "Delete time", &self.delete_time),
        ] {
            if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty())
                && parse_iso(v).is_none()
            {
                p.push(name, format!("{label} must be a date and time."));
            }
        }
        if let (Some(send), Some(delete)) = (
            self.send_time.as_deref().and_then(parse_iso),
            self.delete_time.as_deref().and_then(parse_iso),
        ) && delete <= send
        {
            p.push("deleteTime", "Delete time must be after the send time.");
        }
        if self.user_id.is_some() && self.template != TEMPLATE_WINSHARE {
            p.push("userId", "Only a winshare (template 12) names a user.");
        }
        p
    }
}

/// An advertisement as the API answers it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Advertisement {
    #[serde(deserialize_with = "number")]
    pub id: i64,
    #[serde(deserialize_with = "optional_text")]
    pub title: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub text: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub pic: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub link: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub link_text: Option<String>,
    #[serde(deserialize_with = "number")]
    pub template: i64,
    #[serde(deserialize_with = "optional_text")]
    pub template_pic: Option<String>,
    pub template_data: Option<Value>,
    #[serde(deserialize_with = "optional_text")]
    pub send_time: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub delete_time: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub status: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub created_at: Option<String>,
    #[serde(deserialize_with = "optional_text")]
    pub open_type: Option<String>,
    /// The languages, or the text Watchers holds when it is not JSON this dashboard can read.
    #[serde(deserialize_with = "embedded")]
    pub data: Option<Embedded<Vec<AdLanguage>>>,
    /// Messages sent, as the API counts them; `None` when it sent none or `null` (unreadable).
    #[serde(deserialize_with = "optional_number")]
    pub messages_length: Option<i64>,
    /// Views, as the API counts them; `None` when it sent none or `null` (unreadable).
    #[serde(deserialize_with = "optional_number")]
    pub views_length: Option<i64>,
    #[serde(deserialize_with = "id_list")]
    pub external_room_ids: Vec<ExternalId>,
    pub user: Option<Value>,
}

impl Advertisement {
    /// Its languages, when they could be read.
    pub fn languages(&self) -> &[AdLanguage] {
        self.data
            .as_ref()
            .and_then(Embedded::read)
            .map_or(&[], Vec::as_slice)
    }

    /// Its `data` as Watchers holds it, when it could not be read.
    pub fn data_as_sent(&self) -> Option<&str> {
        match &self.data {
            Some(Embedded::AsSent { as_sent }) => Some(as_sent),
            _ => None,
        }
    }
}

/// GET by id is documented to answer an array; a plain object is read too.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    Many(Vec<T>),
    One(T),
}

impl<T> OneOrMany<T> {
    pub fn into_first(self) -> Option<T> {
        match self {
            OneOrMany::Many(items) => items.into_iter().next(),
            OneOrMany::One(item) => Some(item),
        }
    }
}
