//! The offer composer's form as a browser sends it, and the exact upstream payload made from it.

use super::{Offer, OfferInput, TEMPLATE_IMAGE, TEMPLATE_TEXT, TemplateData};
use crate::loose::Embedded;
use crate::targeting::{AudienceType, ShowFrequency, parse_id_list};
use crate::time::{LocalTime, format_iso, parse_iso};
use crate::validate::Problems;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Every field as typed (nothing is lost to a parse error). Times carry their own offsets;
/// `zone` names the person's zone they are written in (the server reads them in it again), and
/// `tz_offset_minutes` is the zone's offset now (the browser's, when `zone` is empty); checkboxes
/// are present when ticked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferForm {
    pub template: String,
    pub title: String,
    pub text: String,
    pub link: String,
    pub link_text: String,
    pub pic: String,
    pub alignment: String,
    pub bg_color: String,
    pub btn_color: String,
    pub btn_text_color: String,
    pub text_color: String,
    pub gradient: Option<String>,
    pub gradient_from: String,
    pub gradient_to: String,
    pub gradient_direction: String,
    pub start: LocalTime,
    pub end: LocalTime,
    pub tz_offset_minutes: i32,
    pub zone: String,
    pub show_multiple_times: Option<String>,
    pub show_frequency: String,
    pub show_delay_ms: String,
    pub audience: String,
    pub room_ids: String,
    pub user_ids: String,
    /// The look Watchers holds when it could not be read (`templateData` that is not JSON this
    /// dashboard understands), carried so that it is never replaced without being asked.
    pub template_data_as_sent: Option<String>,
    /// A checkbox: present when the user chose to replace that look with the one in the form.
    pub replace_look: Option<String>,
}

impl Default for OfferForm {
    fn default() -> Self {
        let data = TemplateData::default();
        OfferForm {
            template: TEMPLATE_TEXT.to_string(),
            title: String::new(),
            text: String::new(),
            link: String::new(),
            link_text: String::new(),
            pic: String::new(),
            alignment: data.alignment,
            bg_color: data.bg_color,
            btn_color: data.btn_color,
            btn_text_color: data.btn_text_color,
            text_color: data.text_color,
            gradient: None,
            gradient_from: "#60e753".into(),
            gradient_to: "#e4efe7".into(),
            gradient_direction: "135deg".into(),
            start: LocalTime::default(),
            end: LocalTime::default(),
            tz_offset_minutes: 0,
            zone: String::new(),
            show_multiple_times: None,
            show_frequency: ShowFrequency::Daily.as_str().into(),
            show_delay_ms: "0".into(),
            audience: AudienceType::Global.as_str().into(),
            room_ids: String::new(),
            user_ids: String::new(),
            template_data_as_sent: None,
            replace_look: None,
        }
    }
}

fn text(value: &str) -> Option<String> {
    Some(value.trim().to_owned())
}

impl OfferForm {
    pub fn template(&self) -> i64 {
        self.template.trim().parse().unwrap_or(0)
    }

    pub fn template_data(&self) -> TemplateData {
        let gradient = self.gradient.is_some();
        TemplateData {
            alignment: self.alignment.trim().to_owned(),
            bg_color: self.bg_color.trim().to_owned(),
            btn_color: self.btn_color.trim().to_owned(),
            btn_text_color: self.btn_text_color.trim().to_owned(),
            text_color: self.text_color.trim().to_owned(),
            gradient,
            gradient_from: gradient.then(|| self.gradient_from.trim().to_owned()),
            gradient_to: gradient.then(|| self.gradient_to.trim().to_owned()),
            gradient_direction: self.gradient_direction.trim().to_owned(),
        }
    }

    /// The payload exactly as it would be sent, even while the form still has problems (the
    /// preview draws it). Fields of the other template and ids of another audience are left out.
    pub fn payload(&self) -> OfferInput {
        let template = self.template();
        let is_text = template == TEMPLATE_TEXT;
        let audience = AudienceType::parse(self.audience.trim()).unwrap_or(AudienceType::Other);
        OfferInput {
            template,
            title: is_text.then(|| text(&self.title)).flatten(),
            text: is_text.then(|| text(&self.text)).flatten(),
            link: text(&self.link),
            link_text: is_text.then(|| text(&self.link_text)).flatten(),
            pic: (template == TEMPLATE_IMAGE)
                .then(|| text(&self.pic))
                .flatten(),
            template_data: is_text.then(|| self.template_data()),
            start_time: self.start.to_utc().map(format_iso).unwrap_or_default(),
            end_time: self.end.to_utc().map(format_iso),
            external_room_ids: match audience {
                AudienceType::Room => parse_id_list(&self.room_ids),
                _ => vec![],
            },
            external_user_ids: match audience {
                AudienceType::User => parse_id_list(&self.user_ids),
                _ => vec![],
            },
            show_multiple_times: self.show_multiple_times.is_some(),
            show_frequency: ShowFrequency::parse(self.show_frequency.trim())
                .unwrap_or(ShowFrequency::Other),
            show_delay_ms: self.show_delay_ms.trim().parse().unwrap_or(0),
            audience,
        }
    }

    /// The payload, or every problem of the form by wire field.
    pub fn to_input(&self) -> Result<OfferInput, Problems> {
        let mut p = Problems::default();
        let input = self.payload();
        if self.start.is_invalid() {
            p.push("startTime", "Start must be a date and time.");
        }
        if self.end.is_invalid() {
            p.push("endTime", "End must be a date and time.");
        }
        if self.show_delay_ms.trim().parse::<i64>().is_err() {
            p.push(
                "showDelayMS",
                "The delay must be a whole number of milliseconds.",
            );
        }
        for problem in input.validate().into_vec() {
            if p.for_field(&problem.field).is_none() {
                p.push(&problem.field, problem.message);
            }
        }
        if input.template == TEMPLATE_TEXT
            && self.template_data_as_sent.is_some()
            && self.replace_look.is_none()
        {
            p.push(
                "templateData",
                "Watchers holds a look for this offer that the dashboard cannot read. Tick “Replace it” to publish the look below instead.",
            );
        }
        if p.is_empty() { Ok(input) } else { Err(p) }
    }

    /// Rewrites the times in the browser's zone (`now`: its offset today; `offset_at`: its
    /// offset at an instant).
    pub fn move_to_zone(&mut self, now: i32, offset_at: impl Fn(DateTime<Utc>) -> i32 + Copy) {
        self.start.move_to_zone(offset_at);
        self.end.move_to_zone(offset_at);
        self.tz_offset_minutes = now;
    }

    /// The form for editing a published offer (times in UTC until the browser's offset is
    /// known); `rooms` and `users` are the ids last sent, which GET does not answer.
    pub fn from_offer(offer: &Offer, rooms: &[String], users: &[String]) -> Self {
        let (data, template_data_as_sent) = match &offer.template_data {
            Some(Embedded::Read(data)) => (data.clone(), None),
            Some(Embedded::AsSent { as_sent }) => (TemplateData::default(), Some(as_sent.clone())),
            None => (TemplateData::default(), None),
        };
        let local = |iso: &Option<String>| LocalTime::utc(iso.as_deref().and_then(parse_iso));
        let or_empty = |v: &Option<String>| v.clone().unwrap_or_default();
        let mut form = OfferForm {
            template: offer.template.to_string(),
            title: or_empty(&offer.title),
            text: or_empty(&offer.text),
            link: or_empty(&offer.link),
            link_text: or_empty(&offer.link_text),
            pic: or_empty(&offer.pic),
            alignment: data.alignment,
            bg_color: data.bg_color,
            btn_color: data.btn_color,
            btn_text_color: data.btn_text_color,
            text_color: data.text_color,
            gradient: data.gradient.then(|| "on".to_owned()),
            gradient_direction: data.gradient_direction,
            start: local(&offer.start_time),
            end: local(&offer.end_time),
            show_multiple_times: offer.show_multiple_times.then(|| "on".to_owned()),
            // An older or unknown value is kept as it came: the form asks for a new one.
            show_frequency: offer.show_frequency.as_ref().map_or_else(
                || ShowFrequency::default().as_str().into(),
                |f| f.text.clone(),
            ),
            show_delay_ms: offer.show_delay_ms.unwrap_or(0).to_string(),
            audience: offer.audience.unwrap_or_default().as_str().into(),
            room_ids: rooms.join("\n"),
            user_ids: users.join("\n"),
            template_data_as_sent,
            ..OfferForm::default()
        };
        if let Some(from) = data.gradient_from {
            form.gradient_from = from;
        }
        if let Some(to) = data.gradient_to {
            form.gradient_to = to;
        }
        form
    }

    /// A name for lists and the audit log.
    pub fn label(&self) -> String {
        let name = match self.template() {
            TEMPLATE_IMAGE => self.pic.trim(),
            _ => self.title.trim(),
        };
        if name.is_empty() {
            "untitled offer".into()
        } else {
            name.chars().take(60).collect()
        }
    }
}

impl crate::draft::ComposerForm for OfferForm {
    type Input = OfferInput;
    type Item = Offer;
    const KIND: crate::draft::DraftKind = crate::draft::DraftKind::Offer;

    fn label(&self) -> String {
        OfferForm::label(self)
    }

    fn payload(&self) -> OfferInput {
        OfferForm::payload(self)
    }

    fn to_input(&self) -> Result<OfferInput, Problems> {
        OfferForm::to_input(self)
    }

    fn move_to_zone(&mut self, now: i32, offset_at: impl Fn(DateTime<Utc>) -> i32 + Copy) {
        OfferForm::move_to_zone(self, now, offset_at)
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
        crate::zone::read_in_zone(zone, &mut self.start);
        crate::zone::read_in_zone(zone, &mut self.end);
    }

    fn from_published(item: &crate::targeting::WithReport<Offer>) -> Self {
        let (rooms, users) = item
            .report
            .as_ref()
            .map(|r| (r.sent_room_ids.clone(), r.sent_user_ids.clone()))
            .unwrap_or_default();
        OfferForm::from_offer(&item.item, &rooms, &users)
    }

    fn item_id(item: &Offer) -> i64 {
        item.id
    }

    fn candidate(input: &OfferInput) -> crate::plan::Candidate {
        crate::plan::Candidate {
            is_offer: true,
            target: None,
            start: Some(input.start_time.clone()).filter(|t| !t.is_empty()),
            end: input.end_time.clone(),
            audience_type: Some(input.audience.as_str().to_owned()),
            rooms: input.external_room_ids.clone(),
            users: input.external_user_ids.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> OfferForm {
        OfferForm {
            title: "Title".into(),
            text: "Text".into(),
            link: "https://www.watchers.io/".into(),
            link_text: "Click me".into(),
            start: LocalTime {
                local: "2024-05-22T14:00:01".into(),
                offset: -120,
            },
            ..OfferForm::default()
        }
    }

    #[test]
    fn the_payload_is_what_the_documents_show() {
        let input = filled().to_input().unwrap();
        assert_eq!(input.start_time, "2024-05-22T12:00:01.000Z");
        assert_eq!(input.template_data.as_ref().unwrap().gradient_from, None);
        assert_eq!(input.pic, None);
        let mut image = filled();
        image.template = "11".into();
        image.pic = "https://watchers.io/hand.webp".into();
        let input = image.to_input().unwrap();
        assert_eq!((input.title, input.template_data), (None, None));
    }

    #[test]
    fn problems_name_their_fields_and_keep_the_text() {
        let mut form = filled();
        form.link = "javascript:alert(1)".into();
        form.show_delay_ms = "soon".into();
        form.audience = "ROOM".into();
        form.end = LocalTime {
            local: "2024-05-22T13:00".into(),
            offset: -120,
        };
        let p = form.to_input().unwrap_err();
        assert!(p.for_field("link").is_some());
        assert_eq!(
            p.for_field("showDelayMS"),
            Some("The delay must be a whole number of milliseconds.")
        );
        assert!(p.for_field("externalRoomIds").is_some());
        assert_eq!(p.for_field("endTime"), Some("End must be after the start."));
        assert_eq!(form.link, "javascript:alert(1)");
    }

    #[test]
    fn editing_round_trips_through_the_offer() {
        let input = filled().to_input().unwrap();
        let offer = Offer {
            id: 4,
            template: 10,
            title: input.title.clone(),
            text: input.text.clone(),
            link: input.link.clone(),
            link_text: input.link_text.clone(),
            template_data: input.template_data.clone().map(Embedded::Read),
            start_time: Some(input.start_time.clone()),
            ..Offer::default()
        };
        let mut form = OfferForm::from_offer(&offer, &[], &[]);
        assert_eq!(form.start.local, "2024-05-22T12:00:01");
        form.move_to_zone(-60, |_| -120);
        assert_eq!(form.start.local, "2024-05-22T14:00:01");
        assert_eq!(form.to_input().unwrap(), input);
    }

    #[test]
    fn a_form_in_the_persons_zone_is_written_and_read_in_it() {
        use crate::draft::ComposerForm;
        let tokyo = crate::zone::parse_zone("Asia/Tokyo").unwrap();
        let input = filled().to_input().unwrap();
        let mut form = filled();
        form.write_in(tokyo, parse_iso("2030-01-01T00:00:00Z").unwrap());
        assert_eq!(
            (
                form.zone.as_str(),
                form.start.local.as_str(),
                form.tz_offset_minutes
            ),
            ("Asia/Tokyo", "2024-05-22T21:00:01", -540)
        );
        // Typed again without JavaScript: no offset comes with it; the server reads it in the
        // zone the form names.
        form.start = LocalTime {
            local: "2024-05-22T21:00:01".into(),
            offset: 0,
        };
        form.read_in_own_zone();
        assert_eq!(form.to_input().unwrap(), input);
    }

    #[test]
    fn an_unread_look_is_replaced_only_when_asked() {
        let offer: Offer = serde_json::from_str(
            r#"{"id":9,"template":"10","title":"T","text":"X","link":"https://a.b/","linkText":"Go","templateData":"{not json","showFrerquency":"GLOBAL","startTime":"2030-01-01T00:00:00.000Z","type":"GLOBAL"}"#,
        )
        .unwrap();
        let mut form = OfferForm::from_offer(&offer, &[], &[]);
        assert_eq!(form.template_data_as_sent.as_deref(), Some("{not json"));
        assert_eq!(form.show_frequency, "GLOBAL", "the older value, kept");
        let problems = form.to_input().unwrap_err();
        assert!(problems.for_field("templateData").is_some());
        assert!(problems.for_field("showFrerquency").is_some());
        form.replace_look = Some("on".into());
        form.show_frequency = "DAILY".into();
        assert!(form.to_input().is_ok());
    }
}
