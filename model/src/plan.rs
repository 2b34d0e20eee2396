//! Offers, advertisements and rooms as the calendar, the clash rules and the explainer see them:
//! read from what Watchers answered and what the dashboard's last publish report kept.

use super::advertisement::Advertisement;
use super::calendar::{Item, Kind};
use super::clash::{Audience, Planned, RoomFacts, Window};
use super::explain::{ItemFacts, ShowRules};
use super::offer::{Offer, TEMPLATE_IMAGE, TEMPLATE_TEXT};
use super::query::encode;
use super::room::Room;
use super::targeting::AudienceType;
use super::targeting::PublishReport;
use super::time::{parse_iso, parse_room_time};
use serde_json::Value;
use std::collections::BTreeSet;

/// An id from a targeted room or user as the API echoes it: a number, text, or an object with
/// one of the id fields seen in the documents.
fn id_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(fields) => [
            "externalRoomId",
            "externalUserId",
            "externalId",
            "roomId",
            "userId",
            "id",
        ]
        .iter()
        .find_map(|key| fields.get(*key).and_then(id_of)),
        _ => None,
    }
}

fn ids(values: Option<&Vec<Value>>) -> BTreeSet<String> {
    values.into_iter().flatten().filter_map(id_of).collect()
}

fn window(start: Option<&str>, end: Option<&str>) -> Window {
    Window {
        start: start.and_then(parse_iso),
        end: end.and_then(parse_iso),
    }
}

fn named(kind: &str, id: i64, title: Option<&str>) -> String {
    match title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(title) => format!(
            "{kind} {id} “{}”",
            title.chars().take(60).collect::<String>()
        ),
        None => format!("{kind} {id}"),
    }
}

/// How a clash's sentence names an offer: by its title, else by what it shows (`image offer 9
/// (template 11)`), as the calendar does.
fn offer_named(offer: &Offer) -> String {
    let untitled = offer.title.as_deref().is_none_or(|t| t.trim().is_empty());
    match offer.template {
        TEMPLATE_TEXT if untitled => format!("text offer {} (template {TEMPLATE_TEXT})", offer.id),
        TEMPLATE_IMAGE if untitled => {
            format!("image offer {} (template {TEMPLATE_IMAGE})", offer.id)
        }
        _ => named("offer", offer.id, offer.title.as_deref()),
    }
}

/// Who an offer is aimed at: its `type`, with the ids the dashboard sent when it published it,
/// or else those Watchers echoes. An audience type this dashboard does not know targets no one
/// it can name.
pub fn offer_audience(offer: &Offer, report: Option<&PublishReport>) -> Audience {
    let sent = |ids: &[String]| ids.iter().cloned().collect::<BTreeSet<_>>();
    match offer.audience {
        None | Some(AudienceType::Global) => Audience::Global,
        Some(AudienceType::Room) => Audience::Rooms(match report {
            Some(r) if !r.sent_room_ids.is_empty() => sent(&r.sent_room_ids),
            _ => ids(offer.rooms.as_ref()),
        }),
        Some(AudienceType::User) => Audience::Users(match report {
            Some(r) if !r.sent_user_ids.is_empty() => sent(&r.sent_user_ids),
            _ => ids(offer.users.as_ref()),
        }),
        Some(AudienceType::Other) => Audience::Rooms(BTreeSet::new()),
    }
}

/// Who an advertisement is aimed at: its rooms, else the user of a winshare. Watchers' list
/// leaves the rooms out, so with neither known (nor a report of this dashboard's publish) the
/// rooms are unknown: an empty room set, which no rule claims a clash on.
pub fn ad_audience(ad: &Advertisement, report: Option<&PublishReport>) -> Audience {
    let mut rooms: BTreeSet<String> = ad.external_room_ids.iter().map(|i| i.0.clone()).collect();
    if let Some(r) = report {
        rooms.extend(r.sent_room_ids.iter().cloned());
    }
    let users: BTreeSet<String> = report
        .map(|r| r.sent_user_ids.iter().cloned().collect())
        .filter(|u: &BTreeSet<String>| !u.is_empty())
        .unwrap_or_else(|| ad.user.as_ref().and_then(id_of).into_iter().collect());
    if !rooms.is_empty() {
        Audience::Rooms(rooms)
    } else if !users.is_empty() {
        Audience::Users(users)
    } else {
        Audience::Rooms(BTreeSet::new())
    }
}

/// An offer as the clash rules see it; not a test (the server marks the tests it knows).
pub fn offer_planned(offer: &Offer, report: Option<&PublishReport>) -> Planned {
    Planned {
        key: format!("offer:{}", offer.id),
        name: offer_named(offer),
        window: window(offer.start_time.as_deref(), offer.end_time.as_deref()),
        audience: offer_audience(offer, report),
        test: false,
    }
}

/// An advertisement as the clash rules see it; not a test (the server marks the tests it knows).
pub fn ad_planned(ad: &Advertisement, report: Option<&PublishReport>) -> Planned {
    Planned {
        key: format!("advertisement:{}", ad.id),
        name: named("advertisement", ad.id, ad.title.as_deref()),
        window: window(ad.send_time.as_deref(), ad.delete_time.as_deref()),
        audience: ad_audience(ad, report),
        test: false,
    }
}

fn unavailable(report: Option<&PublishReport>) -> (BTreeSet<String>, BTreeSet<String>) {
    let targeting = report.and_then(|r| r.targeting.as_ref());
    let set = |ids: Option<&Vec<super::loose::ExternalId>>| {
        ids.into_iter().flatten().map(|i| i.0.clone()).collect()
    };
    (
        set(targeting.map(|t| &t.unavailable_external_room_ids)),
        set(targeting.map(|t| &t.unavailable_external_user_ids)),
    )
}

/// What the explainer needs of an offer.
pub fn offer_facts(offer: &Offer, report: Option<&PublishReport>) -> ItemFacts {
    let (unavailable_rooms, unavailable_users) = unavailable(report);
    ItemFacts {
        audience: offer_audience(offer, report),
        window: window(offer.start_time.as_deref(), offer.end_time.as_deref()),
        unavailable_rooms,
        unavailable_users,
        test: false,
        show: Some(ShowRules {
            frequency: offer.show_frequency.as_ref().and_then(|f| f.known),
            multiple_times: offer.show_multiple_times,
            delay_ms: offer.show_delay_ms,
        }),
    }
}

/// What the explainer needs of an advertisement.
pub fn ad_facts(ad: &Advertisement, report: Option<&PublishReport>) -> ItemFacts {
    let (unavailable_rooms, unavailable_users) = unavailable(report);
    ItemFacts {
        audience: ad_audience(ad, report),
        window: window(ad.send_time.as_deref(), ad.delete_time.as_deref()),
        unavailable_rooms,
        unavailable_users,
        test: false,
        show: None,
    }
}

pub fn room_facts(room: &Room) -> RoomFacts {
    RoomFacts {
        room_id: room.room_id.clone(),
        status: room.status,
        start: room.start_time.as_deref().and_then(parse_room_time),
        end: room.end_time.as_deref().and_then(parse_room_time),
    }
}

/// What people call an item: its title when it has one; else an offer by its
/// template and id (`Image offer (template 11) #9`), an advertisement by its id
/// (`Advertisement #4`), a room by its id. The calendar and the rooms agenda name items by it.
pub fn item_name(kind: Kind, id: &str, title: Option<&str>, template: i64) -> String {
    if let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) {
        return title.to_owned();
    }
    match (kind, template) {
        (Kind::Room, _) => id.to_owned(),
        (Kind::Offer, TEMPLATE_TEXT) => format!("Text offer (template {TEMPLATE_TEXT}) #{id}"),
        (Kind::Offer, TEMPLATE_IMAGE) => format!("Image offer (template {TEMPLATE_IMAGE}) #{id}"),
        (Kind::Offer, 0) => format!("Offer #{id}"),
        (Kind::Offer, other) => format!("Offer (template {other}) #{id}"),
        (Kind::Advertisement, _) => format!("Advertisement #{id}"),
    }
}

/// A planned offer or advertisement as a calendar item, drawn over `window`.
fn planned_item(
    kind: Kind,
    id: i64,
    title: String,
    status: Option<&str>,
    p: &Planned,
    window: Window,
    point: bool,
) -> Item {
    let base = match kind {
        Kind::Offer => "/offers",
        _ => "/advertisements",
    };
    let rooms = match &p.audience {
        Audience::Rooms(rooms) => rooms.iter().cloned().collect(),
        _ => vec![],
    };
    Item {
        kind,
        key: p.key.clone(),
        title,
        href: format!("{base}/{id}"),
        status: status.map(str::to_owned),
        window,
        point,
        rooms,
        everyone: p.audience == Audience::Global,
        test: p.test,
    }
}

/// An offer as a calendar item: from its start to its end.
pub fn offer_item(offer: &Offer, p: &Planned) -> Item {
    let id = offer.id.to_string();
    let title = item_name(Kind::Offer, &id, offer.title.as_deref(), offer.template);
    planned_item(Kind::Offer, offer.id, title, None, p, p.window, false)
}

/// An advertisement as a calendar item, named by its title or its first language's. It is sent
/// once, at its send time, or when it was made if it had none (sent at once): with a delete time
/// it is a bar until then, without one a point, drawn on its day only.
pub fn ad_item(ad: &Advertisement, p: &Planned) -> Item {
    let id = ad.id.to_string();
    let title = ad
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .or_else(|| ad.languages().first().map(|l| l.title.as_str()));
    let title = item_name(Kind::Advertisement, &id, title, ad.template);
    let sent = p
        .window
        .start
        .or_else(|| ad.created_at.as_deref().and_then(parse_iso));
    let window = Window {
        start: sent,
        end: p.window.end,
    };
    let point = window.end.is_none();
    let status = ad.status.as_deref();
    planned_item(Kind::Advertisement, ad.id, title, status, p, window, point)
}

/// A registered room as a calendar item.
pub fn room_item(room: &Room) -> Item {
    let facts = room_facts(room);
    Item {
        kind: Kind::Room,
        key: format!("room:{}", room.room_id),
        title: item_name(Kind::Room, &room.room_id, room.name.as_deref(), 0),
        href: format!("/rooms/{}", encode(&room.room_id)),
        status: room.status.map(|s| s.as_str().to_owned()),
        window: Window {
            start: facts.start,
            end: facts.end,
        },
        point: false,
        rooms: vec![room.room_id.clone()],
        everyone: false,
        test: false,
    }
}

/// An offer or advertisement being composed, as a composer sends it for a clash check.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Candidate {
    /// An advertisement when false.
    pub is_offer: bool,
    /// The published item it edits.
    pub target: Option<i64>,
    /// ISO 8601 UTC, as it would be sent.
    pub start: Option<String>,
    pub end: Option<String>,
    /// Offers: GLOBAL, ROOM or USER.
    pub audience_type: Option<String>,
    pub rooms: Vec<String>,
    pub users: Vec<String>,
}

impl Candidate {
    /// The candidate as the clash rules see it, under its published item's key when it edits one.
    pub fn planned(&self) -> Planned {
        let kind = if self.is_offer {
            "offer"
        } else {
            "advertisement"
        };
        let key = match self.target {
            Some(id) => format!("{kind}:{id}"),
            None => format!("{kind}:new"),
        };
        let set = |ids: &[String]| {
            ids.iter()
                .map(|i| i.trim().to_owned())
                .filter(|i| !i.is_empty())
                .collect()
        };
        let audience = if self.is_offer {
            match self.audience_type.as_deref().and_then(AudienceType::parse) {
                Some(AudienceType::Room) => Audience::Rooms(set(&self.rooms)),
                Some(AudienceType::User) => Audience::Users(set(&self.users)),
                _ => Audience::Global,
            }
        } else if !self.rooms.is_empty() {
            Audience::Rooms(set(&self.rooms))
        } else if !self.users.is_empty() {
            Audience::Users(set(&self.users))
        } else {
            Audience::Global
        };
        Planned {
            name: match self.target {
                Some(id) => format!("this {kind} ({kind} {id})"),
                None => format!("this {kind}"),
            },
            key,
            window: window(self.start.as_deref(), self.end.as_deref()),
            audience,
            // What is being composed is checked as the real thing it would become.
            test: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_come_from_the_report_or_else_from_what_watchers_echoes() {
        let offer: Offer = serde_json::from_value(serde_json::json!({
            "id": 4, "type": "ROOM", "rooms": [{"externalRoomId": "r1"}, 7, "r3"],
            "startTime": "2030-01-01T10:00:00.000Z"
        }))
        .unwrap();
        assert_eq!(
            offer_audience(&offer, None),
            Audience::Rooms(["r1", "7", "r3"].map(String::from).into())
        );
        let report = PublishReport {
            targeting: None,
            sent_room_ids: vec!["r9".into()],
            sent_user_ids: vec![],
            published_by: "ann".into(),
            published_at: "now".into(),
        };
        assert_eq!(
            offer_audience(&offer, Some(&report)),
            Audience::Rooms(["r9".to_owned()].into())
        );
        let planned = offer_planned(&offer, None);
        assert_eq!(
            (planned.key.as_str(), planned.name.as_str()),
            ("offer:4", "offer 4")
        );
        assert!(planned.window.start.is_some() && planned.window.end.is_none());
        // A clash's sentence names an untitled offer by what it shows, a titled one by its title.
        let mut image = offer.clone();
        image.template = TEMPLATE_IMAGE;
        assert_eq!(
            offer_planned(&image, None).name,
            "image offer 4 (template 11)"
        );
        image.title = Some("Big match".into());
        assert_eq!(offer_planned(&image, None).name, "offer 4 “Big match”");
        let ad: Advertisement =
            serde_json::from_value(serde_json::json!({"id": 2, "user": {"id": "u5"}})).unwrap();
        assert_eq!(
            ad_audience(&ad, None),
            Audience::Users(["u5".to_owned()].into())
        );
    }

    #[test]
    fn items_are_named_by_their_title_else_by_template_and_id() {
        let name = |kind, title, template| item_name(kind, "9", title, template);
        assert_eq!(
            name(Kind::Offer, Some(" Big match "), TEMPLATE_IMAGE),
            "Big match"
        );
        assert_eq!(
            name(Kind::Offer, None, TEMPLATE_IMAGE),
            "Image offer (template 11) #9"
        );
        assert_eq!(
            name(Kind::Offer, Some(" "), TEMPLATE_TEXT),
            "Text offer (template 10) #9"
        );
        assert_eq!(name(Kind::Offer, None, 7), "Offer (template 7) #9");
        assert_eq!(name(Kind::Advertisement, None, 2), "Advertisement #9");
        assert_eq!(name(Kind::Room, None, 0), "9");

        let offer: Offer =
            serde_json::from_value(serde_json::json!({"id": 9, "template": 11})).unwrap();
        let item = offer_item(&offer, &offer_planned(&offer, None));
        assert_eq!(item.label(), "Image offer (template 11) #9");
        let ad: Advertisement = serde_json::from_value(serde_json::json!({
            "id": 4, "status": "SENT", "data": "[{\"lang\": \"en\", \"title\": \"\"}]"
        }))
        .unwrap();
        let item = ad_item(&ad, &ad_planned(&ad, None));
        assert_eq!(item.label(), "Advertisement #4 · SENT");
        // A test is marked so wherever the calendar shows it.
        let test = Planned {
            test: true,
            ..ad_planned(&ad, None)
        };
        let item = ad_item(&ad, &test);
        assert!(item.test);
        assert_eq!(item.label(), "Test: Advertisement #4 · SENT");
        let ad: Advertisement = serde_json::from_value(serde_json::json!({
            "id": 5, "data": "[{\"lang\": \"en\", \"title\": \"Season pass\"}]"
        }))
        .unwrap();
        assert_eq!(ad_item(&ad, &ad_planned(&ad, None)).title, "Season pass");
        let room: Room =
            serde_json::from_value(serde_json::json!({"roomId": "r1", "name": ""})).unwrap();
        assert_eq!(room_item(&room).title, "r1");
    }

    #[test]
    fn an_advertisement_with_no_delete_time_is_a_point_when_it_is_sent() {
        let ad: Advertisement = serde_json::from_value(serde_json::json!({
            "id": 2, "sendTime": "2030-01-01T10:00:00.000Z"
        }))
        .unwrap();
        let item = ad_item(&ad, &ad_planned(&ad, None));
        assert!(item.point);
        assert_eq!(item.window.start, parse_iso("2030-01-01T10:00:00.000Z"));
        // Sent at once, with no send time: when it was made.
        let ad: Advertisement = serde_json::from_value(serde_json::json!({
            "id": 3, "status": "SENT", "createdAt": "2030-01-02T08:00:00.000Z"
        }))
        .unwrap();
        let item = ad_item(&ad, &ad_planned(&ad, None));
        assert!(item.point);
        assert_eq!(item.window.start, parse_iso("2030-01-02T08:00:00.000Z"));
        // With a delete time it is a bar until then.
        let ad: Advertisement = serde_json::from_value(serde_json::json!({
            "id": 4, "sendTime": "2030-01-01T10:00:00.000Z",
            "deleteTime": "2030-01-01T12:00:00.000Z"
        }))
        .unwrap();
        assert!(!ad_item(&ad, &ad_planned(&ad, None)).point);
    }
}
