//! Clash rules for planning (issue 18): each a named rule over plain facts about offers,
//! advertisements and rooms, answering one plain sentence per clash. Pure functions, shared by the
//! calendar, the item pages and the composers (through server functions).

use super::room::RoomStatus;
use super::zone::{Tz, both_zones};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A time window; `None` at either end is open (an offer with no end runs on).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    /// What clashes name it by: `offer:12`.
    pub key: String,
    /// How the sentence names it, e.g. `offer 12 “Big match”`.
    pub name: String,
    pub window: Window,
    pub audience: Audience,
    /// A test sent with "Send a test to me": it reaches its sender's test audience alone, for a
    /// few minutes, so no rule warns about it and nothing clashes with it.
    pub test: bool,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clash {
    pub rule: Rule,
    pub sentence: String,
    /// The keys of the items it is about.
    pub keys: Vec<String>,
}

/// `text` with its first letter upper-case: names such as `offer 12` start the sentences.
/// `text` with its first letter in upper case.
pub fn capitalise(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// Every pair of `offers` that overlaps in time for a shared audience; a pair with a test in it
/// never clashes.
pub fn overlapping_offers(offers: &[Planned]) -> Vec<Clash> {
    let mut clashes = vec![];
    for (i, a) in offers.iter().enumerate() {
        for b in &offers[i + 1..] {
            if a.test || b.test || !a.window.overlaps(&b.window) {
                continue;
            }
            if let Some(shared) = a.audience.shared(&b.audience) {
                clashes.push(Clash {
                    rule: Rule::OverlappingOffers,
                    keys: vec![a.key.clone(), b.key.clone()],
                    sentence: capitalise(format!(
                        "{} and {} run at the same time for {shared}: chat users may see both at once.",
                        a.name, b.name
                    )),
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
        keys: vec![item.key.clone()],
        sentence: capitalise(format!(
            "{} is aimed at room {why}, so nobody there will see it.",
            item.name
        )),
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

/// An offer aimed at exactly one room that starts before that room goes LIVE (the time said in
/// the viewer's `zone` with UTC beside).
pub fn starts_before_live(offer: &Planned, rooms: &[RoomFacts], zone: Tz) -> Option<Clash> {
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
        keys: vec![offer.key.clone()],
        sentence: capitalise(format!(
            "{} starts before its only room {only} goes LIVE at {}: until then nobody is there to see it.",
            offer.name,
            both_zones(zone, live)
        )),
    })
}

/// An advertisement whose delete time is before its send time (both said in `zone`, UTC beside).
pub fn delete_before_send(ad: &Planned, zone: Tz) -> Option<Clash> {
    match (ad.window.start, ad.window.end) {
        (Some(send), Some(delete)) if delete < send => Some(Clash {
            rule: Rule::DeleteBeforeSend,
            keys: vec![ad.key.clone()],
            sentence: capitalise(format!(
                "{} is deleted at {}, before it is sent at {}, so it never shows.",
                ad.name,
                both_zones(zone, delete),
                both_zones(zone, send)
            )),
        }),
        _ => None,
    }
}

/// Every clash among `offers`, `ads` and `rooms`: the rules each kind is checked by, times in
/// the viewer's `zone`. Tests are left out: they raise no warning, and clash with nothing.
pub fn check_all(offers: &[Planned], ads: &[Planned], rooms: &[RoomFacts], zone: Tz) -> Vec<Clash> {
    let real =
        |list: &[Planned]| -> Vec<Planned> { list.iter().filter(|p| !p.test).cloned().collect() };
    let (offers, ads) = (real(offers), real(ads));
    let mut clashes = overlapping_offers(&offers);
    for offer in &offers {
        clashes.extend(room_not_open(offer, rooms));
        clashes.extend(starts_before_live(offer, rooms, zone));
    }
    for ad in &ads {
        clashes.extend(room_not_open(ad, rooms));
        clashes.extend(delete_before_send(ad, zone));
    }
    clashes
}

/// The clashes `candidate` (an offer when `is_offer`, else an advertisement) would have among
/// what is planned already; a planned item with the candidate's key is the one it replaces.
/// Times are said in the viewer's `zone`.
pub fn check_candidate(
    candidate: &Planned,
    is_offer: bool,
    offers: &[Planned],
    ads: &[Planned],
    rooms: &[RoomFacts],
    zone: Tz,
) -> Vec<Clash> {
    let others = |list: &[Planned]| -> Vec<Planned> {
        list.iter()
            .filter(|p| p.key != candidate.key)
            .cloned()
            .collect()
    };
    let (mut offers, mut ads) = (others(offers), others(ads));
    if is_offer {
        offers.push(candidate.clone());
    } else {
        ads.push(candidate.clone());
    }
    check_all(&offers, &ads, rooms, zone)
        .into_iter()
        .filter(|c| c.keys.contains(&candidate.key))
        .collect()
}

#[cfg(test)]
mod tests;
