//! The advertisement composer's form as a browser sends it, and the exact upstream payload.

use super::{AdLanguage, Advertisement, AdvertisementInput, TEMPLATE_WINSHARE};
use crate::loose::ExternalId;
use crate::targeting::parse_id_list;
use crate::time::{LocalTime, format_iso, parse_iso};
use crate::validate::Problems;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The one click action the documents name.
pub const OPEN_NEW_WINDOW: &str = "NEW_WINDOW";

/// The templates the documents show for advertisements, with what they draw.
pub const AD_TEMPLATES: [(i64, &str); 4] = [
    (2, "2 — card with picture, text and button"),
    (3, "3 — text card"),
    (11, "11 — picture only"),
    (
        TEMPLATE_WINSHARE,
        "12 — winshare (a win posted to the chat)",
    ),
];

/// One language as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LanguageForm {
    pub lang: String,
    pub title: String,
    pub text: String,
    pub link: String,
    pub link_text: String,
    pub pic: String,
}

impl LanguageForm {
    fn is_blank(&self) -> bool {
        [
            &self.lang,
            &self.title,
            &self.text,
            &self.link,
            &self.link_text,
            &self.pic,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }

    pub fn to_wire(&self) -> AdLanguage {
        let pic = self.pic.trim();
        AdLanguage {
            lang: self.lang.trim().to_owned(),
            title: self.title.trim().to_owned(),
            text: self.text.trim().to_owned(),
            link: self.link.trim().to_owned(),
            link_text: self.link_text.trim().to_owned(),
            pic: (!pic.is_empty()).then(|| pic.to_owned()),
        }
    }

    pub fn from_wire(entry: &AdLanguage) -> Self {
        LanguageForm {
            lang: entry.lang.clone(),
            title: entry.title.clone(),
            text: entry.text.clone(),
            link: entry.link.clone(),
            link_text: entry.link_text.clone(),
            pic: entry.pic.clone().unwrap_or_default(),
        }
    }
}

/// Every field as typed; times carry their own offsets, `zone` names the person's zone they are
/// written in (the server reads them in it again), and `tz_offset_minutes` is the zone's offset
/// now (the browser's, when `zone` is empty).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AdForm {
    pub template: String,
    pub open_type: String,
    pub send: LocalTime,
    pub delete: LocalTime,
    pub tz_offset_minutes: i32,
    pub zone: String,
    pub room_ids: String,
    pub user_id: String,
    pub langs: Vec<LanguageForm>,
    /// The languages Watchers holds when they could not be read (`data` that is not JSON this
    /// dashboard understands), carried so that they are never replaced without being asked.
    pub data_as_sent: Option<String>,
    /// A checkbox: present when the user chose to replace them with the languages in the form.
    pub replace_data: Option<String>,
}

impl Default for AdForm {
    fn default() -> Self {
        AdForm {
            template: "2".into(),
            open_type: OPEN_NEW_WINDOW.into(),
            send: LocalTime::default(),
            delete: LocalTime::default(),
            tz_offset_minutes: 0,
            zone: String::new(),
            room_ids: String::new(),
            user_id: String::new(),
            langs: vec![LanguageForm {
                lang: "en".into(),
                ..LanguageForm::default()
            }],
            data_as_sent: None,
            replace_data: None,
        }
    }
}

impl AdForm {
    pub fn template(&self) -> i64 {
        self.template.trim().parse().unwrap_or(0)
    }

    /// The JSON body exactly as it would be sent, even while the form has problems. Wholly
    /// blank languages are left out; `userId` goes with a winshare only.
    pub fn payload(&self) -> AdvertisementInput {
        let template = self.template();
        let open_type = self.open_type.trim();
        let user_id = self.user_id.trim();
        AdvertisementInput {
            template,
            send_time: self.send.to_utc().map(format_iso),
            delete_time: self.delete.to_utc().map(format_iso),
            open_type: (!open_type.is_empty()).then(|| open_type.to_owned()),
            data: self
                .langs
                .iter()
                .filter(|l| !l.is_blank())
                .map(LanguageForm::to_wire)
                .collect(),
            external_room_ids: parse_id_list(&self.room_ids)
                .iter()
                .map(|id| ExternalId::from(id.as_str()))
                .collect(),
            user_id: (template == TEMPLATE_WINSHARE && !user_id.is_empty())
                .then(|| user_id.to_owned()),
        }
    }

    /// The payload, or every problem by wire field (`data.N.link` counts the languages sent).
    pub fn to_input(&self) -> Result<AdvertisementInput, Problems> {
        let mut p = Problems::default();
        if self.template.trim().parse::<i64>().is_err() {
            p.push("template", "Choose a template.");
        }
        for (field, label, time) in [
            ("sendTime", "Send time", &self.send),
            ("deleteTime", "Delete time", &self.delete),
        ] {
            if time.is_invalid() {
                p.push(field, format!("{label} must be a date and time."));
            }
        }
        let input = self.payload();
        // Problems of sent language k belong to the form's row of that language.
        let rows: Vec<usize> = (0..self.langs.len())
            .filter(|&i| !self.langs[i].is_blank())
            .collect();
        for problem in input.validate().into_vec() {
            let field = match problem
                .field
                .strip_prefix("data.")
                .and_then(|r| r.split_once('.'))
            {
                Some((k, name)) => match k.parse::<usize>().ok().and_then(|k| rows.get(k)) {
                    Some(row) => format!("data.{row}.{name}"),
                    None => problem.field.clone(),
                },
                None => problem.field.clone(),
            };
            if p.for_field(&field).is_none() {
                p.push(&field, problem.message);
            }
        }
        if self.data_as_sent.is_some() && self.replace_data.is_none() {
            p.push(
                "data",
                "Watchers holds languages for this advertisement that the dashboard cannot read. Tick “Replace them” to publish the languages below instead.",
            );
        }
        if p.is_empty() { Ok(input) } else { Err(p) }
    }

    /// Rewrites the times in the browser's zone (`now`: its offset today; `offset_at`: its
    /// offset at an instant).
    pub fn move_to_zone(&mut self, now: i32, offset_at: impl Fn(DateTime<Utc>) -> i32 + Copy) {
        self.send.move_to_zone(offset_at);
        self.delete.move_to_zone(offset_at);
        self.tz_offset_minutes = now;
    }

    /// The form for editing a published advertisement (times in UTC until the browser's offset
    /// is known); `user_id` is the one last sent, which GET does not answer reliably.
    pub fn from_advertisement(ad: &Advertisement, user_id: &str) -> Self {
        let local = |iso: &Option<String>| LocalTime::utc(iso.as_deref().and_then(parse_iso));
        let langs = ad
            .languages()
            .iter()
            .map(LanguageForm::from_wire)
            .collect::<Vec<_>>();
        AdForm {
            template: ad.template.to_string(),
            open_type: ad.open_type.clone().unwrap_or_default(),
            send: local(&ad.send_time),
            delete: local(&ad.delete_time),
            tz_offset_minutes: 0,
            zone: String::new(),
            room_ids: ad
                .external_room_ids
                .iter()
                .map(ExternalId::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
            user_id: user_id.to_owned(),
            langs: if langs.is_empty() {
                AdForm::default().langs
            } else {
                langs
            },
            data_as_sent: ad.data_as_sent().map(str::to_owned),
            replace_data: None,
        }
    }

    /// A name for lists and the audit log: the first language's title.
    pub fn label(&self) -> String {
        let title = self
            .langs
            .iter()
            .map(|l| l.title.trim())
            .find(|t| !t.is_empty())
            .unwrap_or("untitled advertisement");
        title.chars().take(60).collect()
    }
}

impl crate::draft::ComposerForm for AdForm {
    type Input = AdvertisementInput;
    type Item = Advertisement;
    const KIND: crate::draft::DraftKind = crate::draft::DraftKind::Advertisement;

    fn label(&self) -> String {
        AdForm::label(self)
    }

    fn payload(&self) -> AdvertisementInput {
        AdForm::payload(self)
    }

    fn to_input(&self) -> Result<AdvertisementInput, Problems> {
        AdForm::to_input(self)
    }

    fn move_to_zone(&mut self, now: i32, offset_at: impl Fn(DateTime<Utc>) -> i32 + Copy) {
        AdForm::move_to_zone(self, now, offset_at)
    }

    fn tz_offset_minutes(&self) -> i32 {
        self.tz_offset_minutes
    }

    fn zone(&self) -> &str {
        &self.zone
    }

    fn set_zone(&mut self, zone: String) {
        self.zone = zone;
    }

    fn read_in(&mut self, zone: crate::zone::Tz) {
        crate::zone::read_in_zone(zone, &mut self.send);
        crate::zone::read_in_zone(zone, &mut self.delete);
    }

    fn from_published(item: &crate::targeting::WithReport<Advertisement>) -> Self {
        let user = item
            .report
            .as_ref()
            .and_then(|r| r.sent_user_ids.first().cloned())
            .unwrap_or_default();
        AdForm::from_advertisement(&item.item, &user)
    }

    fn item_id(item: &Advertisement) -> i64 {
        item.id
    }

    fn candidate(input: &AdvertisementInput) -> crate::plan::Candidate {
        crate::plan::Candidate {
            is_offer: false,
            target: None,
            start: input.send_time.clone(),
            end: input.delete_time.clone(),
            audience_type: None,
            rooms: input
                .external_room_ids
                .iter()
                .map(|i| i.0.clone())
                .collect(),
            users: input.user_id.iter().cloned().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_languages() -> AdForm {
        let mut form = AdForm::default();
        form.langs[0] = LanguageForm {
            lang: "en".into(),
            title: "Hello".into(),
            text: "Text".into(),
            link: "https://watchers.io".into(),
            link_text: "More".into(),
            pic: String::new(),
        };
        form.langs.push(LanguageForm {
            lang: "de".into(),
            title: "Hallo".into(),
            ..form.langs[0].clone()
        });
        form.langs.push(LanguageForm::default());
        form.room_ids = "123, 456".into();
        form
    }

    #[test]
    fn blank_languages_are_left_out_and_ids_kept_as_text() {
        let input = two_languages().to_input().unwrap();
        assert_eq!(input.data.len(), 2);
        assert_eq!(input.data[1].lang, "de");
        assert_eq!(input.data[0].pic, None);
        let body = serde_json::to_value(&input).unwrap();
        assert_eq!(body["externalRoomIds"], serde_json::json!(["123", "456"]));
        assert!(body.get("userId").is_none());
    }

    #[test]
    fn problems_name_the_language_they_belong_to() {
        let mut form = two_languages();
        form.langs.insert(0, LanguageForm::default());
        form.langs[2].link = "data:text/html,hi".into();
        form.langs[2].lang = "EN".into();
        let p = form.to_input().unwrap_err();
        assert_eq!(p.for_field("data.2.lang"), Some("EN appears twice."));
        assert!(p.for_field("data.2.link").is_some());
    }

    #[test]
    fn a_winshare_names_its_user() {
        let mut form = two_languages();
        form.template = "12".into();
        form.user_id = " 123 ".into();
        assert_eq!(form.to_input().unwrap().user_id.as_deref(), Some("123"));
        form.template = "2".into();
        assert_eq!(form.to_input().unwrap().user_id, None);
    }

    #[test]
    fn unread_languages_are_replaced_only_when_asked() {
        let ad: Advertisement =
            serde_json::from_str(r#"{"id":"4","template":"2","data":"not json"}"#).unwrap();
        assert_eq!(ad.data_as_sent(), Some("not json"));
        let mut form = AdForm::from_advertisement(&ad, "");
        form.langs[0].title = "Hello".into();
        form.langs[0].text = "Text".into();
        let problems = form.to_input().unwrap_err();
        assert!(problems.for_field("data").is_some(), "{problems:?}");
        form.replace_data = Some("on".into());
        let problems = form.to_input().err().unwrap_or_default();
        assert!(problems.for_field("data").is_none(), "{problems:?}");
    }
}
