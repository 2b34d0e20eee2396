//! Real undo: what a delete kept of the item (a snapshot), how a restore stands, and the rules of
//! where deleted items are listed and who may restore them.

use super::audit::AuditArea;
use super::badge::{Badge, BadgeInput};
use super::room::{Room, RoomInput};
use super::staff::Capability;
use serde::{Deserialize, Serialize};

/// How long a snapshot is kept when no setting says otherwise.
pub const DEFAULT_KEEP_DAYS: i64 = 30;

/// The areas whose deletes keep a snapshot.
pub const AREAS: [AuditArea; 4] = [
    AuditArea::Offers,
    AuditArea::Advertisements,
    AuditArea::Badges,
    AuditArea::Rooms,
];

/// `area` when its deletes keep snapshots.
pub fn area(name: &str) -> Option<AuditArea> {
    AREAS.into_iter().find(|a| a.as_str() == name)
}

/// The capability that deletes (and so restores) items of `area`.
pub fn capability(area: AuditArea) -> Capability {
    match area {
        AuditArea::Offers => Capability::EditOffers,
        AuditArea::Advertisements => Capability::EditAdvertisements,
        AuditArea::Badges => Capability::EditBadges,
        _ => Capability::EditRooms,
    }
}

/// One of `area`'s items in a sentence: `offer`, `advertisement`, `badge`, `room`.
pub fn noun(area: AuditArea) -> &'static str {
    match area {
        AuditArea::Offers => "offer",
        AuditArea::Advertisements => "advertisement",
        AuditArea::Badges => "badge",
        _ => "room",
    }
}

/// What "Restore" will do for an item of `area`, in one sentence: offers, advertisements and
/// badges are created again under a new id; a room comes back under its own room id.
pub fn restore_promise(area: AuditArea) -> &'static str {
    match area {
        AuditArea::Offers => "“Restore” recreates the offer with a new id.",
        AuditArea::Advertisements => "“Restore” recreates the advertisement with a new id.",
        AuditArea::Badges => {
            "“Restore” recreates the badge with a new id; then the users given it here can be \
             given back, chunk by chunk."
        }
        _ => "“Restore” brings the room back under its own room id (or another free one you pick).",
    }
}

/// The "Recently deleted" page of `area`.
pub fn list_path(area: AuditArea) -> String {
    format!("/{}/deleted", area.as_str())
}

/// A snapshot's page, where it is restored.
pub fn snapshot_path(id: i64) -> String {
    format!("/deleted/{id}")
}

/// Where a delete sends the browser: the list, which offers "Restore" for snapshot `kept`.
pub fn after_delete(list: &str, kept: Option<i64>) -> String {
    match kept {
        Some(id) => format!("{list}?deleted={id}"),
        None => list.to_owned(),
    }
}

/// Where item `id` of `area` is shown.
pub fn item_path(area: AuditArea, id: &str) -> String {
    format!("/{}/{id}", area.as_str())
}

/// The users of a deleted badge that the dashboard knows, and how far re-assigning them got.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownUsers {
    pub total: u32,
    pub sent: u32,
}

/// How a snapshot's restore stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Restore {
    /// Not restored yet.
    Ready,
    /// A restore is being sent right now.
    InProgress { by: String, at: String },
    /// Restored (or sent with an answer that could not be read: `as_id` unknown, `note` why).
    Done {
        by: String,
        at: String,
        as_id: Option<String>,
        note: Option<String>,
    },
}

/// A deleted item as its page and the lists show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deleted {
    pub id: i64,
    pub area: AuditArea,
    /// The deleted item's id.
    pub item_id: String,
    pub label: String,
    pub deleted_by: String,
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub deleted_at: String,
    /// The day it is forgotten (UTC, `YYYY-MM-DD`).
    pub keep_until: String,
    pub restore: Restore,
    /// Badges: the users the dashboard assigned itself.
    pub users: Option<KnownUsers>,
    /// The record as it was kept.
    pub record: serde_json::Value,
}

impl Deleted {
    /// Whether a restore may still start.
    pub fn restorable(&self) -> bool {
        self.restore == Restore::Ready
    }

    /// Badges: users still to re-assign after the restore.
    pub fn users_left(&self) -> u32 {
        match (&self.restore, &self.users) {
            (Restore::Done { as_id: Some(_), .. }, Some(u)) => u.total.saturating_sub(u.sent),
            _ => 0,
        }
    }

    /// What the page says of the restore.
    pub fn restore_text(&self) -> String {
        let noun = noun(self.area);
        match &self.restore {
            Restore::Ready => format!("Not restored yet: it is kept until {}.", self.keep_until),
            Restore::InProgress { by, at } => {
                format!("Being restored by {by} (since {at}): look again in a moment.")
            }
            Restore::Done {
                by,
                at,
                as_id: Some(new),
                ..
            } => format!("Restored by {by} at {at} as {noun} #{new}."),
            Restore::Done { by, at, note, .. } => format!(
                "Restored by {by} at {at}, but the answer did not say the new id ({}): look for it in the list.",
                note.as_deref().unwrap_or("no reason given")
            ),
        }
    }
}

/// The badge a restore creates: the deleted one's look, texts and trigger, sent as they were.
pub fn badge_input(badge: &Badge) -> BadgeInput {
    BadgeInput {
        text: badge.text.clone(),
        background_color: badge.background_color.clone(),
        text_color: badge.text_color.clone(),
        tooltip: badge.tooltip.clone(),
        communication_pic: badge.communication_pic.clone(),
        communication_title: badge.communication_title.clone().unwrap_or_default(),
        communication_text: badge.communication_text.clone().unwrap_or_default(),
        pic: badge.pic.clone(),
        data: badge.data.clone(),
        trigger: badge.trigger.clone(),
    }
}

/// The room a restore creates under `room_id`: the deleted one's name, about, voice and schedule.
pub fn room_input(room: &Room, room_id: &str) -> RoomInput {
    RoomInput {
        room_id: room_id.to_owned(),
        name: room.name.clone().unwrap_or_default(),
        about: room.about.clone().unwrap_or_default(),
        is_speak: room.is_speak.unwrap_or(false),
        start_time: room.start_time.clone(),
        end_time: room.end_time.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_restored_badge_keeps_what_made_it() {
        let badge = Badge {
            id: 7,
            text: "VIP".into(),
            background_color: "#000000".into(),
            text_color: "#ffffff".into(),
            tooltip: "Top fan".into(),
            communication_title: Some("Hi".into()),
            pic: Some("https://x/p.png".into()),
            ..Badge::default()
        };
        let input = badge_input(&badge);
        assert_eq!(input.text, "VIP");
        assert_eq!(input.communication_title, "Hi");
        assert_eq!(input.communication_text, "");
        assert_eq!(input.pic.as_deref(), Some("https://x/p.png"));
    }

    #[test]
    fn users_are_left_only_after_a_restore_that_named_the_new_badge() {
        let mut d = Deleted {
            id: 1,
            area: AuditArea::Badges,
            item_id: "7".into(),
            label: "VIP".into(),
            deleted_by: "admin".into(),
            deleted_at: "2026-11-22T10:00:00Z".into(),
            keep_until: "2026-12-22".into(),
            restore: Restore::Ready,
            users: Some(KnownUsers {
                total: 1200,
                sent: 0,
            }),
            record: serde_json::Value::Null,
        };
        assert!(d.restorable());
        assert_eq!(d.users_left(), 0);
        d.restore = Restore::Done {
            by: "admin".into(),
            at: "now".into(),
            as_id: Some("9".into()),
            note: None,
        };
        d.users = Some(KnownUsers {
            total: 1200,
            sent: 500,
        });
        assert!(!d.restorable());
        assert_eq!(d.users_left(), 700);
        assert!(d.restore_text().contains("badge #9"));
    }

    #[test]
    fn only_the_four_areas_keep_snapshots() {
        assert_eq!(area("offers"), Some(AuditArea::Offers));
        assert_eq!(area("staff"), None);
        assert_eq!(capability(AuditArea::Rooms), Capability::EditRooms);
        assert_eq!(list_path(AuditArea::Badges), "/badges/deleted");
    }

    #[test]
    fn restore_promises_a_new_id_to_all_but_rooms() {
        for area in [
            AuditArea::Offers,
            AuditArea::Advertisements,
            AuditArea::Badges,
        ] {
            assert!(restore_promise(area).contains(noun(area)));
            assert!(restore_promise(area).contains("with a new id"));
        }
        assert!(restore_promise(AuditArea::Badges).contains("given back, chunk by chunk"));
        let room = restore_promise(AuditArea::Rooms);
        assert!(room.contains("its own room id") && !room.contains("new id"));
    }
}
