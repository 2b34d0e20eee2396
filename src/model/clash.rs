//! Clash rules for planning (issue 18): each a named rule over plain facts about offers,
//! advertisements and rooms, answering one plain sentence per clash. Pure functions, shared by the
//! calendar, the item pages and the composers (through server functions).

use super::room::RoomStatus;
use chrono::{DateTime, Utc};
use std::collections::BTreeSet;

/// A time window; `None` at either end is open (an offer with no end runs on).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Window {
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
}

impl Window {
    /// Whether the two windows share an instant (touching ends do not: one ends as the next starts).
    pub fn overlaps(&self, other: &Window) -> bool {
        let starts_before_other_ends = match (self.start, other.end) {
            (Some(start), Some(end)) => start < end,
            _ => true,
        };
        let other_starts_before_end = match (other.start, self.end) {
            (Some(start), Some(end)) => start < end,
            _ => true,
        };
        starts_before_other_ends && other_starts_before_end
    }
}

/// Who an item is aimed at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Everyone: overlaps every other audience.
    Global,
    Rooms(BTreeSet<String>),
    Users(BTreeSet<String>),
}

impl Audience {
    /// What the two audiences share, in words, when they share anyone.
    pub fn shared(&self, other: &Audience) -> Option<String> {
        let common = |a: &BTreeSet<String>, b: &BTreeSet<String>| {
            let both: Vec<&str> = a.intersection(b).map(String::as_str).collect();
            (!both.is_empty()).then(|| both.join(", "))
        };
        match (self, other) {
            (Audience::Global, Audience::Global) => Some("everyone".into()),
            (Audience::Global, _) | (_, Audience::Global) => {
                Some("everyone (one is global)".into())
            }
            (Audience::Rooms(a), Audience::Rooms(b)) => common(a, b).map(|r| format!("room {r}")),
            (Audience::Users(a), Audience::Users(b)) => common(a, b).map(|u| format!("user {u}")),
            // A room audience and a user audience can meet only if the user is in the room, which
            // the dashboard cannot know: no clash is claimed.
            _ => None,
        }
    }
}

/// An offer or advertisement as the rules see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    /// How the sentence names it, e.g. `offer 12 “Big match”`.
    pub name: String,
    pub window: Window,
    pub audience: Audience,
}

/// A room as the registry knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomFacts {
    pub room_id: String,
    pub status: Option<RoomStatus>,
    /// When it goes LIVE, if scheduled.
    pub start: Option<DateTime<Utc>>,
    /// When it is ENDED, if scheduled.
    pub end: Option<DateTime<Utc>>,
}

/// The named rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Two offers overlap in time for audiences that share someone.
    OverlappingOffers,
    /// An item is aimed at a room that is ENDED, DISABLED or unknown during its window.
    RoomNotOpen,
    /// An offer's only room goes LIVE after the offer starts.
    StartsBeforeLive,
    /// An advertisement is deleted before it is sent.
    DeleteBeforeSend,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::OverlappingOffers => "overlapping-offers",
            Rule::RoomNotOpen => "room-not-open",
            Rule::StartsBeforeLive => "starts-before-live",
            Rule::DeleteBeforeSend => "delete-before-send",
        }
    }
}

/// One clash: the rule it breaks and the sentence that says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    pub rule: Rule,
    pub sentence: String,
}

/// Every pair of `offers` that overlaps in time for a shared audience.
pub fn overlapping_offers(offers: &[Planned]) -> Vec<Clash> {
    let mut clashes = vec![];
    for (i, a) in offers.iter().enumerate() {
        for b in &offers[i + 1..] {
            if !a.window.overlaps(&b.window) {
                continue;
            }
            if let Some(shared) = a.audience.shared(&b.audience) {
                clashes.push(Clash {
                    rule: Rule::OverlappingOffers,
                    sentence: format!(
                        "{} and {} run at the same time for {shared}: chat users may see both at once.",
                        a.name, b.name
                    ),
                });
            }
        }
    }
    clashes
}

/// Each room `item` aims at that is unknown, DISABLED, or ENDED (now, or by its schedule) during
/// the item's window.
pub fn room_not_open(item: &Planned, rooms: &[RoomFacts]) -> Vec<Clash> {
    let Audience::Rooms(targets) = &item.audience else {
        return vec![];
    };
    let clash = |why: String| Clash {
        rule: Rule::RoomNotOpen,
        sentence: format!(
            "{} is aimed at room {why}, so nobody there will see it.",
            item.name
        ),
    };
    targets
        .iter()
        .filter_map(|id| match rooms.iter().find(|r| &r.room_id == id) {
            None => Some(clash(format!("{id}, which the registry does not know"))),
            Some(room) if room.status == Some(RoomStatus::Disabled) => {
                Some(clash(format!("{id}, which is DISABLED")))
            }
            Some(room) if room.status == Some(RoomStatus::Ended) => {
                Some(clash(format!("{id}, which has ENDED")))
            }
            Some(room) => {
                let ended_before_start = match (room.end, item.window.start) {
                    (Some(end), Some(start)) => end <= start,
                    _ => false,
                };
                ended_before_start.then(|| clash(format!("{id}, which ends before it starts")))
            }
        })
        .collect()
}

/// An offer aimed at exactly one room that starts before that room goes LIVE.
pub fn starts_before_live(offer: &Planned, rooms: &[RoomFacts]) -> Option<Clash> {
    let Audience::Rooms(targets) = &offer.audience else {
        return None;
    };
    let [only] = targets.iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    let room = rooms.iter().find(|r| &r.room_id == only)?;
    let live = room.start?;
    let starts_early = match offer.window.start {
        Some(start) => start < live,
        None => true,
    };
    let waiting = room.status != Some(RoomStatus::Live);
    (starts_early && waiting).then(|| Clash {
        rule: Rule::StartsBeforeLive,
        sentence: format!(
            "{} starts before its only room {only} goes LIVE at {} UTC: until then nobody is there to see it.",
            offer.name,
            live.format("%Y-%m-%d %H:%M")
        ),
    })
}

/// An advertisement whose delete time is before its send time.
pub fn delete_before_send(ad: &Planned) -> Option<Clash> {
    match (ad.window.start, ad.window.end) {
        (Some(send), Some(delete)) if delete < send => Some(Clash {
            rule: Rule::DeleteBeforeSend,
            sentence: format!(
                "{} is deleted ({} UTC) before it is sent ({} UTC), so it never shows.",
                ad.name,
                delete.format("%Y-%m-%d %H:%M"),
                send.format("%Y-%m-%d %H:%M")
            ),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2030, 3, 31, h, 0, 0).unwrap()
    }
    fn window(start: Option<u32>, end: Option<u32>) -> Window {
        Window {
            start: start.map(at),
            end: end.map(at),
        }
    }
    fn set(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }
    fn planned(name: &str, window: Window, audience: Audience) -> Planned {
        Planned {
            name: name.into(),
            window,
            audience,
        }
    }
    fn room(id: &str, status: RoomStatus, start: Option<u32>, end: Option<u32>) -> RoomFacts {
        RoomFacts {
            room_id: id.into(),
            status: Some(status),
            start: start.map(at),
            end: end.map(at),
        }
    }

    #[test]
    fn windows_overlap_unless_one_ends_as_the_other_starts() {
        assert!(window(Some(1), Some(3)).overlaps(&window(Some(2), Some(4))));
        assert!(!window(Some(1), Some(2)).overlaps(&window(Some(2), Some(4))));
        // Open ends run on.
        assert!(window(Some(1), None).overlaps(&window(Some(20), Some(21))));
        assert!(window(None, None).overlaps(&window(Some(5), Some(6))));
        assert!(!window(Some(5), None).overlaps(&window(Some(1), Some(4))));
    }

    #[test]
    fn overlapping_offers_need_a_shared_audience() {
        let global = planned("offer 1", window(Some(1), Some(5)), Audience::Global);
        let room_a = planned(
            "offer 2",
            window(Some(2), None),
            Audience::Rooms(set(&["a", "b"])),
        );
        let room_b = planned(
            "offer 3",
            window(Some(3), Some(4)),
            Audience::Rooms(set(&["b"])),
        );
        let room_c = planned(
            "offer 4",
            window(Some(3), Some(4)),
            Audience::Rooms(set(&["c"])),
        );
        let users = planned(
            "offer 5",
            window(Some(3), Some(4)),
            Audience::Users(set(&["u1"])),
        );
        let later = planned("offer 6", window(Some(5), Some(6)), Audience::Global);
        let clashes = overlapping_offers(&[global, room_a, room_b, room_c, users, later]);
        let sentences: Vec<&str> = clashes.iter().map(|c| c.sentence.as_str()).collect();
        // Global meets every overlapping offer; rooms only through a shared room; the later
        // global offer touches offer 1's end only, but overlaps open-ended offer 2.
        assert_eq!(
            sentences,
            [
                "offer 1 and offer 2 run at the same time for everyone (one is global): chat users may see both at once.",
                "offer 1 and offer 3 run at the same time for everyone (one is global): chat users may see both at once.",
                "offer 1 and offer 4 run at the same time for everyone (one is global): chat users may see both at once.",
                "offer 1 and offer 5 run at the same time for everyone (one is global): chat users may see both at once.",
                "offer 2 and offer 3 run at the same time for room b: chat users may see both at once.",
                "offer 2 and offer 6 run at the same time for everyone (one is global): chat users may see both at once.",
            ]
        );
        assert!(clashes.iter().all(|c| c.rule == Rule::OverlappingOffers));
    }

    #[test]
    fn rooms_unknown_disabled_ended_or_ending_first_are_named() {
        let rooms = [
            room("live", RoomStatus::Live, None, None),
            room("off", RoomStatus::Disabled, None, None),
            room("done", RoomStatus::Ended, None, None),
            room("short", RoomStatus::Soon, Some(1), Some(2)),
        ];
        let item = planned(
            "advertisement 7",
            window(Some(3), Some(6)),
            Audience::Rooms(set(&["live", "off", "done", "short", "ghost"])),
        );
        let sentences: Vec<String> = room_not_open(&item, &rooms)
            .into_iter()
            .map(|c| c.sentence)
            .collect();
        assert_eq!(
            sentences,
            [
                "advertisement 7 is aimed at room done, which has ENDED, so nobody there will see it.",
                "advertisement 7 is aimed at room ghost, which the registry does not know, so nobody there will see it.",
                "advertisement 7 is aimed at room off, which is DISABLED, so nobody there will see it.",
                "advertisement 7 is aimed at room short, which ends before it starts, so nobody there will see it.",
            ]
        );
        let global = planned("offer 1", window(None, None), Audience::Global);
        assert!(room_not_open(&global, &rooms).is_empty());
    }

    #[test]
    fn an_offer_starting_before_its_only_room_goes_live_is_warned() {
        let rooms = [
            room("stage", RoomStatus::Soon, Some(10), Some(12)),
            room("hall", RoomStatus::Soon, Some(10), None),
        ];
        let early = planned(
            "offer 3",
            window(Some(9), Some(11)),
            Audience::Rooms(set(&["stage"])),
        );
        assert_eq!(
            starts_before_live(&early, &rooms).unwrap().sentence,
            "offer 3 starts before its only room stage goes LIVE at 2030-03-31 10:00 UTC: until then nobody is there to see it."
        );
        let on_time = planned(
            "offer 4",
            window(Some(10), None),
            Audience::Rooms(set(&["stage"])),
        );
        assert!(starts_before_live(&on_time, &rooms).is_none());
        // Two rooms: not its only room; a room already LIVE is there to see it.
        let two = planned(
            "offer 5",
            window(Some(9), None),
            Audience::Rooms(set(&["stage", "hall"])),
        );
        assert!(starts_before_live(&two, &rooms).is_none());
        let live = [room("stage", RoomStatus::Live, Some(10), None)];
        assert!(starts_before_live(&early, &live).is_none());
    }

    #[test]
    fn an_advertisement_deleted_before_it_is_sent_never_shows() {
        let wrong = planned(
            "advertisement 9",
            window(Some(5), Some(4)),
            Audience::Global,
        );
        assert_eq!(
            delete_before_send(&wrong).unwrap().sentence,
            "advertisement 9 is deleted (2030-03-31 04:00 UTC) before it is sent (2030-03-31 05:00 UTC), so it never shows."
        );
        assert!(
            delete_before_send(&planned("a", window(Some(4), Some(5)), Audience::Global)).is_none()
        );
        assert!(
            delete_before_send(&planned("a", window(Some(4), None), Audience::Global)).is_none()
        );
    }

    #[test]
    fn clocks_changing_do_not_move_a_window() {
        // 2030-03-31 is when Europe's clocks go forward (01:00 UTC): windows are in UTC, so an
        // offer ending at 01:00 UTC and one starting then do not overlap, whatever the wall clock.
        let before = planned("offer 1", window(Some(0), Some(1)), Audience::Global);
        let after = planned("offer 2", window(Some(1), Some(2)), Audience::Global);
        assert!(overlapping_offers(&[before, after]).is_empty());
    }
}
