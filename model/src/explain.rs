//! "Why won't it show?" (issue 18): for one user, optionally in one room, at one moment, a checklist
//! of what decides whether an offer or advertisement shows, each line passed, blocking, for
//! information or not known just now, with the data it used; the verdict first. Pure: the pages
//! gather the facts.

use super::clash::{Audience, RoomFacts, Window};
use super::room::RoomStatus;
use super::targeting::ShowFrequency;
use super::zone::{Tz, both_zones};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The question asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub user_id: String,
    pub room_id: Option<String>,
    pub at: DateTime<Utc>,
    /// The viewer's zone: every time is shown in it, each at its own offset, with UTC beside.
    pub zone: Tz,
}

/// The explainer's form as its address carries it: `user`, `room` (optional), `at` (a
/// `datetime-local` value in the viewer's zone; now when empty), `now` (its "Now" button: now,
/// whatever `at` says).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExplainQuery {
    pub user: String,
    pub room: String,
    pub at: String,
    pub now: bool,
}

/// The explainer's answer with what the page needs to show the question again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explained {
    pub answer: Answer,
    /// The moment asked about, in both zones.
    pub at: String,
    /// The moment as the form's value, in the viewer's zone.
    pub at_input: String,
    /// `Europe/Berlin (UTC+01:00)`.
    pub zone_label: String,
}

/// What the dashboard knows of the item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemFacts {
    pub audience: Audience,
    pub window: Window,
    /// Rooms the platform reported unavailable when it was published (empty when none or unknown).
    pub unavailable_rooms: BTreeSet<String>,
    /// Users the platform reported unavailable when it was published.
    pub unavailable_users: BTreeSet<String>,
    /// How often an offer shows; `None` for an advertisement, which is sent once.
    pub show: Option<ShowRules>,
    /// A test sent with "Send a test to me": its audience is its sender's test audience, and the
    /// dashboard removes it after its time.
    pub test: bool,
}

/// An offer's `showFrerquency`, `showMultipleTimes` and `showDelayMS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShowRules {
    pub frequency: Option<ShowFrequency>,
    pub multiple_times: bool,
    pub delay_ms: Option<i64>,
}

/// What is known of the room asked about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoomFound {
    /// From the registry, or from Watchers just now.
    Known(RoomFacts),
    /// Watchers says it has no such room.
    Missing,
    /// Watchers could not be asked; why, in plain words.
    Unknown(String),
}

/// What the dashboard's own record says of the user and marketing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exclusion {
    /// The dashboard excluded them, and has not included them again.
    Excluded,
    /// The dashboard included them again after excluding them.
    Included,
    /// No record: an exclusion set elsewhere cannot be known here.
    NoRecord,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mark {
    Pass,
    Block,
    Info,
    /// It could not be checked just now.
    Unknown,
}

/// Whether it would show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// Nothing blocks it.
    Shows,
    /// At least one check blocks it.
    Blocked,
    /// Nothing known blocks it, but a check could not be made.
    Unknown,
}

/// One line of the checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub mark: Mark,
    pub check: String,
    pub detail: String,
}

/// The answer: the verdict, then the lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The verdict in plain words: "Would show …", "Blocked by …" or "Not known: …".
    pub verdict: String,
    pub outcome: Verdict,
    pub lines: Vec<Line>,
}

fn line(mark: Mark, check: &'static str, detail: impl Into<String>) -> Line {
    Line {
        mark,
        check: check.to_owned(),
        detail: detail.into(),
    }
}

fn audience_line(q: &Question, item: &ItemFacts) -> Line {
    let check = "Audience";
    match &item.audience {
        Audience::Global => line(Mark::Pass, check, "GLOBAL: every user in every room."),
        Audience::Rooms(rooms) if rooms.is_empty() => line(
            Mark::Info,
            check,
            "ROOM: which rooms it targets is not known here (Watchers does not list them, and it was \
             not published through this dashboard).",
        ),
        Audience::Users(users) if users.is_empty() => line(
            Mark::Info,
            check,
            "USER: which users it targets is not known here (Watchers does not list them, and it was \
             not published through this dashboard).",
        ),
        Audience::Users(users) if item.unavailable_users.contains(&q.user_id) => line(
            Mark::Block,
            check,
            format!(
                "USER: {} is targeted, but Watchers reported them unavailable when it was published.",
                q.user_id
            ),
        ),
        Audience::Users(users) if users.contains(&q.user_id) => line(
            Mark::Pass,
            check,
            format!(
                "USER: {} is among the {} targeted user(s).",
                q.user_id,
                users.len()
            ),
        ),
        Audience::Users(users) => line(
            Mark::Block,
            check,
            format!(
                "USER: {} is not among the {} targeted user(s).",
                q.user_id,
                users.len()
            ),
        ),
        Audience::Rooms(rooms) => match &q.room_id {
            None => line(
                Mark::Info,
                check,
                format!(
                    "ROOM: shown only in {}; give a room to check it.",
                    join(rooms)
                ),
            ),
            Some(room) if !rooms.contains(room) => line(
                Mark::Block,
                check,
                format!(
                    "ROOM: {room} is not among the targeted rooms ({}).",
                    join(rooms)
                ),
            ),
            Some(room) if item.unavailable_rooms.contains(room) => line(
                Mark::Block,
                check,
                format!(
                    "ROOM: {room} is targeted, but Watchers reported it unavailable when it was published."
                ),
            ),
            Some(room) => line(Mark::Pass, check, format!("ROOM: {room} is targeted.")),
        },
    }
}

fn join(set: &BTreeSet<String>) -> String {
    set.iter().cloned().collect::<Vec<_>>().join(", ")
}

fn exclusion_line(q: &Question, exclusion: Exclusion) -> Line {
    let check = "Marketing exclusion";
    match exclusion {
        Exclusion::Excluded => line(
            Mark::Block,
            check,
            format!(
                "{} is excluded from marketing (set through this dashboard).",
                q.user_id
            ),
        ),
        Exclusion::Included => line(
            Mark::Pass,
            check,
            format!("{} was included again through this dashboard.", q.user_id),
        ),
        Exclusion::NoRecord => line(
            Mark::Info,
            check,
            format!(
                "This dashboard never excluded {}; an exclusion set elsewhere cannot be known here.",
                q.user_id
            ),
        ),
    }
}

fn window_line(q: &Question, item: &ItemFacts) -> Line {
    let check = "Time window";
    let at = both_zones(q.zone, q.at);
    let from = item.window.start.map(|t| both_zones(q.zone, t));
    let until = item.window.end.map(|t| both_zones(q.zone, t));
    let span = format!(
        "from {} until {}",
        from.as_deref().unwrap_or("the start"),
        until.as_deref().unwrap_or("no end")
    );
    match (item.window.start, item.window.end) {
        (Some(start), _) if q.at < start => line(
            Mark::Block,
            check,
            format!("{at} is before it starts: it runs {span}."),
        ),
        (_, Some(end)) if q.at >= end => line(
            Mark::Block,
            check,
            format!("{at} is after it ends: it ran {span}."),
        ),
        _ => line(
            Mark::Pass,
            check,
            format!("{at} is inside its window: {span}."),
        ),
    }
}

fn frequency_line(item: &ItemFacts) -> Line {
    let Some(show) = item.show else {
        return line(
            Mark::Info,
            "How often",
            "An advertisement is posted once, at its send time, and stays until its delete time.",
        );
    };
    let how_often = match show.frequency {
        Some(ShowFrequency::OnEntry) => "each time the user enters the room",
        Some(ShowFrequency::Daily) => "at most once a day",
        Some(ShowFrequency::Other) => "by a rule this dashboard does not know",
        None => "by the platform's default",
    };
    let repeat = if show.multiple_times {
        "and again after it has been seen"
    } else {
        "and not again once the user has seen it: a user who saw it already will not see it now"
    };
    let delay = match show.delay_ms.unwrap_or(0) {
        0 => "with no delay".to_owned(),
        ms => format!("{:.1} s after the user arrives", ms as f64 / 1000.0),
    };
    line(
        Mark::Info,
        "How often",
        format!("Shown {how_often}, {repeat}, {delay}."),
    )
}

/// The room's status at `at`, from its schedule where it has one.
pub fn status_at(room: &RoomFacts, at: DateTime<Utc>) -> Option<RoomStatus> {
    match room.status {
        Some(RoomStatus::Disabled) => Some(RoomStatus::Disabled),
        _ if room.end.is_some_and(|end| end <= at) => Some(RoomStatus::Ended),
        _ if room.start.is_some_and(|start| at < start) => Some(RoomStatus::Soon),
        _ if room.start.is_some() => Some(RoomStatus::Live),
        status => status,
    }
}

fn room_line(q: &Question, room: Option<&RoomFound>) -> Option<Line> {
    let check = "Room status";
    let id = q.room_id.as_ref()?;
    Some(match room {
        None => line(
            Mark::Unknown,
            check,
            format!("Room {id} was not looked up."),
        ),
        Some(RoomFound::Missing) => line(
            Mark::Block,
            check,
            format!("Room {id} does not exist in Watchers."),
        ),
        Some(RoomFound::Unknown(why)) => line(
            Mark::Unknown,
            check,
            format!("Whether {id} is LIVE then cannot be known: {why}."),
        ),
        Some(RoomFound::Known(room)) => match status_at(room, q.at) {
            Some(RoomStatus::Live) => line(Mark::Pass, check, format!("{id} is LIVE then.")),
            Some(status @ (RoomStatus::Soon | RoomStatus::Ended | RoomStatus::Disabled)) => line(
                Mark::Block,
                check,
                format!(
                    "{id} is {} then: nobody is chatting there.",
                    status.as_str()
                ),
            ),
            _ => line(
                Mark::Info,
                check,
                format!("The status of {id} then is not known."),
            ),
        },
    })
}

/// The checks marked `mark`, lower case, joined.
fn checks(lines: &[Line], mark: Mark) -> String {
    lines
        .iter()
        .filter(|l| l.mark == mark)
        .map(|l| l.check.to_lowercase())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The checklist for question `q` about `item`, verdict first; `room` is what is known of the
/// room asked about.
pub fn explain(
    q: &Question,
    item: &ItemFacts,
    exclusion: Exclusion,
    room: Option<&RoomFound>,
) -> Answer {
    let mut lines = vec![];
    if item.test {
        lines.push(line(
            Mark::Info,
            "Test send",
            "A test sent with “Send a test to me”: it reaches only its sender’s test audience, and the dashboard removes it after its time.",
        ));
    }
    lines.extend([
        audience_line(q, item),
        exclusion_line(q, exclusion),
        window_line(q, item),
    ]);
    lines.extend(room_line(q, room));
    lines.push(frequency_line(item));
    let (blocking, unknown) = (checks(&lines, Mark::Block), checks(&lines, Mark::Unknown));
    let (outcome, verdict) = match (blocking.is_empty(), unknown.is_empty()) {
        (true, true) => (
            Verdict::Shows,
            "Would show, unless the user has already seen it as the frequency below allows."
                .to_owned(),
        ),
        (true, false) => (
            Verdict::Unknown,
            format!("Not known: {unknown} could not be checked just now; nothing else blocks it."),
        ),
        (false, true) => (Verdict::Blocked, format!("Blocked by: {blocking}.")),
        (false, false) => (
            Verdict::Blocked,
            format!("Blocked by: {blocking}. Not known: {unknown}."),
        ),
    };
    Answer {
        verdict,
        outcome,
        lines,
    }
}

#[cfg(test)]
mod tests;
