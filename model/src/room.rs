//! Chat rooms (`/external/room`): create (optionally scheduled), look up, voice, status.

use super::time::{LocalTime, ROOM_TIME_FORMAT, format_room_time, parse_room_time};
use super::validate::Problems;
use serde::{Deserialize, Serialize};

/// A room's status; a scheduled room is SOON, then LIVE, then ENDED; DISABLED is set by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoomStatus {
    #[serde(rename = "LIVE")]
    Live,
    #[serde(rename = "SOON")]
    Soon,
    #[serde(rename = "ENDED")]
    Ended,
    #[serde(rename = "DISABLED")]
    Disabled,
    #[serde(other, rename = "UNKNOWN")]
    Other,
}

impl RoomStatus {
    pub const SETTABLE: [RoomStatus; 4] = [
        RoomStatus::Live,
        RoomStatus::Soon,
        RoomStatus::Ended,
        RoomStatus::Disabled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RoomStatus::Live => "LIVE",
            RoomStatus::Soon => "SOON",
            RoomStatus::Ended => "ENDED",
            RoomStatus::Disabled => "DISABLED",
            RoomStatus::Other => "UNKNOWN",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::SETTABLE.into_iter().find(|s| s.as_str() == value)
    }
}

/// The body of create. Times are UTC in `YYYY-MM-DD HH:MM:SS`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoomInput {
    pub room_id: String,
    pub name: String,
    pub about: String,
    pub is_speak: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
}

impl RoomInput {
    pub fn validate(&self) -> Problems {
        let mut p = Problems::default();
        if p.required("roomId", "Room id", &self.room_id) && !is_safe_room_id(&self.room_id) {
            p.push("roomId", ROOM_ID_RULE);
        }
        p.required("name", "Name", &self.name);
        p.required("about", "About", &self.about);
        let mut parse = |field: &str, label: &str, value: &Option<String>| {
            let value = value.as_deref().filter(|v| !v.trim().is_empty())?;
            let parsed = parse_room_time(value);
            if parsed.is_none() {
                p.push(
                    field,
                    format!("{label} must be written {ROOM_TIME_FORMAT} (UTC), e.g. 2024-12-31 05:33:32."),
                );
            }
            parsed
        };
        let start = parse("startTime", "Start", &self.start_time);
        let end = parse("endTime", "End", &self.end_time);
        if let (Some(start), Some(end)) = (start, end)
            && end <= start
        {
            p.push("endTime", "End must be after the start.");
        }
        p
    }
}

/// The most characters a room id may have.
pub const ROOM_ID_MAX: usize = 128;

/// Whether `id` is a room id the dashboard sends upstream, where it becomes one segment of a URL
/// path: 1 to 128 characters, none of them a control character or `/ \ ? # %`, and not `.`
/// or `..` (spaces and other text are percent-encoded on the way).
pub fn is_safe_room_id(id: &str) -> bool {
    (1..=ROOM_ID_MAX).contains(&id.chars().count())
        && id == id.trim()
        && !id
            .chars()
            .any(|c| c.is_control() || matches!(c, '/' | '\\' | '?' | '#' | '%'))
        && id != "."
        && id != ".."
}

const ROOM_ID_RULE: &str =
    "A room id is 1 to 128 characters, without / \\ ? # % or control characters.";

/// A room id typed or sent by a page, trimmed, or the problem with it (field `room_id`).
pub fn room_id(value: &str) -> Result<String, Problems> {
    let id = value.trim();
    let mut p = Problems::default();
    if id.is_empty() {
        p.push("room_id", "Enter a room id.");
    } else if !is_safe_room_id(id) {
        p.push("room_id", ROOM_ID_RULE);
    }
    p.into_result().map(|()| id.to_owned())
}

/// A status staff may set: not [`RoomStatus::Other`], which only reads what Watchers sent.
pub fn settable_status(status: RoomStatus) -> Result<RoomStatus, Problems> {
    let mut p = Problems::default();
    if status == RoomStatus::Other {
        p.push("status", "Choose LIVE, SOON, ENDED or DISABLED.");
    }
    p.into_result().map(|()| status)
}

/// The create form as a browser sends it: times as `datetime-local` values, each with its
/// offset at that time; `zone` names the person's zone they are written in (the server reads
/// them in it again), else they carry the browser's offsets (UTC without JavaScript), and
/// `tz_offset_minutes` is the browser's offset now, for the sentence that says so.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoomForm {
    pub room_id: String,
    pub name: String,
    pub about: String,
    /// A checkbox: present (any value) when ticked.
    pub is_speak: Option<String>,
    pub start: LocalTime,
    pub end: LocalTime,
    pub tz_offset_minutes: i32,
    pub zone: String,
}

impl RoomForm {
    /// Reads the times in the zone the form names, if it names one (the server does: the
    /// browser has no zone database).
    pub fn read_in_own_zone(&mut self) {
        if let Some(zone) = super::zone::parse_zone(&self.zone) {
            super::zone::read_in_zone(zone, &mut self.start);
            super::zone::read_in_zone(zone, &mut self.end);
        }
    }

    /// The upstream body, or the form's problems by wire field.
    pub fn to_input(&self) -> Result<RoomInput, Problems> {
        let mut p = Problems::default();
        let mut time = |field: &str, label: &str, value: &LocalTime| {
            if value.is_invalid() {
                p.push(field, format!("{label} must be a date and time."));
            }
            value.to_utc().map(format_room_time)
        };
        let start_time = time("startTime", "Start", &self.start);
        let end_time = time("endTime", "End", &self.end);
        let input = RoomInput {
            room_id: self.room_id.trim().to_owned(),
            name: self.name.trim().to_owned(),
            about: self.about.trim().to_owned(),
            is_speak: self.is_speak.is_some(),
            start_time,
            end_time,
        };
        p.0.extend(input.validate().into_vec());
        p.into_result().map(|()| input)
    }
}

/// The rooms list: the registry, each refreshed from Watchers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomList {
    pub rooms: Vec<Room>,
    /// Rooms Watchers could not be asked about just now: their last known state is shown.
    pub stale: u32,
}

/// A room as GET answers it. The documents show no response, so every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Room {
    #[serde(deserialize_with = "super::loose::text_or_number")]
    pub room_id: String,
    pub name: Option<String>,
    pub about: Option<String>,
    pub is_speak: Option<bool>,
    pub status: Option<RoomStatus>,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
}

/// The body of voice on/off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoomSpeak {
    pub room_id: String,
    pub is_speak: bool,
}

/// The body of a status change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoomStatusChange {
    pub room_id: String,
    pub status: RoomStatus,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_become_utc_room_times() {
        let at = |local: &str, offset| LocalTime {
            local: local.into(),
            offset,
        };
        let mut form = RoomForm {
            room_id: "r1".into(),
            name: "R".into(),
            about: "A".into(),
            // Central European Summer Time: getTimezoneOffset() is -120.
            start: at("2024-06-30T07:33", -120),
            end: at("2024-06-30T05:33:32", 0),
            ..Default::default()
        };
        let input = form.to_input().unwrap();
        assert_eq!(input.start_time.as_deref(), Some("2024-06-30 05:33:00"));
        assert_eq!(input.end_time.as_deref(), Some("2024-06-30 05:33:32"));
        form.start = at("2030-01-01T10:00", 0);
        form.end = at("2030-01-01T09:00", 0);
        assert_eq!(
            form.to_input().unwrap_err().for_field("endTime"),
            Some("End must be after the start.")
        );
    }

    #[test]
    fn a_form_that_names_its_zone_is_read_in_it() {
        let mut form = RoomForm {
            room_id: "r1".into(),
            name: "R".into(),
            about: "A".into(),
            // Typed without JavaScript: no offset, but the page named the person's zone.
            start: LocalTime {
                local: "2099-06-02T05:30".into(),
                offset: 0,
            },
            zone: "Asia/Tokyo".into(),
            ..Default::default()
        };
        form.read_in_own_zone();
        let input = form.to_input().unwrap();
        assert_eq!(input.start_time.as_deref(), Some("2099-06-01 20:30:00"));
    }

    #[test]
    fn schedule_rules() {
        let mut room = RoomInput {
            room_id: "321textroom321".into(),
            name: "Test text room".into(),
            about: "Some text".into(),
            ..Default::default()
        };
        assert!(room.validate().is_empty());
        room.start_time = Some("2024-12-31 05:33:32".into());
        room.end_time = Some("2024-12-31 05:00:00".into());
        assert_eq!(
            room.validate().for_field("endTime"),
            Some("End must be after the start.")
        );
        room.start_time = Some("2024-12-31T05:33:32Z".into());
        assert!(room.validate().for_field("startTime").is_some());
    }

    #[test]
    fn room_ids_are_one_safe_path_segment() {
        for ok in ["main-stage", "late show", "room+1 (ü)", "123"] {
            assert!(is_safe_room_id(ok), "{ok}");
        }
        for bad in [
            "",
            ".",
            "..",
            "a/b",
            "a\\b",
            "a?b",
            "a#b",
            "50%",
            "a\nb",
            " padded",
            &"x".repeat(129),
        ] {
            assert!(!is_safe_room_id(bad), "{bad:?}");
        }
        assert!(
            room_id("../badge/1")
                .unwrap_err()
                .for_field("room_id")
                .is_some()
        );
    }
}
