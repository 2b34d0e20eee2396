//! A member of staff's test audience: the Watchers user ids and the room that "Send a test to
//! me" sends to, kept for each person on their account page.

use crate::draft::DraftKind;
use crate::exclusion::user_id;
use crate::room::room_id;
use crate::targeting::parse_id_list;
use crate::validate::Problems;
use serde::{Deserialize, Serialize};

/// The account page's field of test user ids.
pub const USER_IDS_FIELD: &str = "test_user_ids";
/// The account page's field of the test room id.
pub const ROOM_ID_FIELD: &str = "test_room_id";

/// The most test user ids one person keeps. A test audience is a handful of people (your own
/// test accounts, a colleague's or two), not a campaign: a longer list is most likely a real
/// audience pasted by mistake, and a test sent to it would reach real users.
pub const TEST_USER_IDS_MAX: usize = 50;

/// Where one person's tests go: Watchers user ids and a room, each possibly empty; both empty
/// when they keep none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestAudience {
    /// Trimmed and unique, in the order typed.
    #[serde(default)]
    pub user_ids: Vec<String>,
    #[serde(default)]
    pub room_id: Option<String>,
}

impl TestAudience {
    /// Reads the account page's two fields: user ids one a line (commas, semicolons and spaces
    /// separate them too, as in the composer) and a room id; both empty clears the audience.
    /// Each id is checked as everywhere else a user id or room id is typed; the problems are
    /// by [`USER_IDS_FIELD`] and [`ROOM_ID_FIELD`].
    pub fn from_form(user_ids: &str, room: &str) -> Result<Self, Problems> {
        let mut p = Problems::default();
        let ids = parse_id_list(user_ids);
        if ids.len() > TEST_USER_IDS_MAX {
            p.push(
                USER_IDS_FIELD,
                format!(
                    "A test audience is a handful of people: keep at most {TEST_USER_IDS_MAX} user ids ({} here).",
                    ids.len()
                ),
            );
        } else if let Some((id, problems)) = ids
            .iter()
            .find_map(|id| user_id(id).err().map(|problems| (id, problems)))
        {
            for problem in problems.into_vec() {
                p.push(
                    USER_IDS_FIELD,
                    format!(
                        "“{}” cannot be a test user id. {}",
                        shortened(id),
                        problem.message
                    ),
                );
            }
        }
        let room = room.trim();
        let room = if room.is_empty() {
            None
        } else {
            match room_id(room) {
                Ok(id) => Some(id),
                Err(problems) => {
                    for problem in problems.into_vec() {
                        p.push(ROOM_ID_FIELD, problem.message);
                    }
                    None
                }
            }
        };
        p.into_result().map(|()| TestAudience {
            user_ids: ids,
            room_id: room,
        })
    }

    /// The audience as the database keeps it (user ids one a line, `NULL` for none), read
    /// leniently: whatever is there was checked when it was saved.
    pub fn from_stored(user_ids: Option<&str>, room: Option<&str>) -> Self {
        TestAudience {
            user_ids: user_ids.map(parse_id_list).unwrap_or_default(),
            room_id: room
                .map(str::trim)
                .filter(|room| !room.is_empty())
                .map(str::to_owned),
        }
    }

    /// The user ids one a line, as the account page's field and the database hold them.
    pub fn user_ids_text(&self) -> String {
        self.user_ids.join("\n")
    }

    /// Neither user ids nor a room.
    pub fn is_empty(&self) -> bool {
        self.user_ids.is_empty() && self.room_id.is_none()
    }

    /// What it holds, in a few words: `3 user ids, room r-1`, or `cleared`.
    pub fn describe(&self) -> String {
        if self.is_empty() {
            return "cleared".to_owned();
        }
        let users = match self.user_ids.len() {
            0 => "no user ids".to_owned(),
            1 => "1 user id".to_owned(),
            n => format!("{n} user ids"),
        };
        match &self.room_id {
            Some(room) => format!("{users}, room {room}"),
            None => format!("{users}, no room"),
        }
    }

    /// What saving it did, in one sentence.
    pub fn confirmation(&self) -> String {
        if self.is_empty() {
            "Your test audience has been cleared.".to_owned()
        } else {
            format!("Your test audience has been saved: {}.", self.describe())
        }
    }
}

/// Where "Send a test to me" sends each kind: an offer to the user ids, an advertisement to the
/// room.
impl TestAudience {
    /// Whom a test of `kind` reaches, in a few words (`your 2 test users`, `your test room r-1`);
    /// `None` when nothing is kept for that kind, and no test of it can be sent.
    pub fn reach(&self, kind: DraftKind) -> Option<String> {
        match kind {
            DraftKind::Offer => match self.user_ids.len() {
                0 => None,
                1 => Some("your test user".to_owned()),
                n => Some(format!("your {n} test users")),
            },
            DraftKind::Advertisement => self
                .room_id
                .as_ref()
                .map(|room| format!("your test room {room}")),
        }
    }

    /// What to keep on the account page before a test of `kind` can be sent.
    pub fn missing(kind: DraftKind) -> &'static str {
        match kind {
            DraftKind::Offer => "your test user ids",
            DraftKind::Advertisement => "your test room",
        }
    }
}

/// A refused id as a message quotes it: its first 24 characters.
fn shortened(id: &str) -> String {
    const SHOWN: usize = 24;
    if id.chars().count() > SHOWN {
        let start: String = id.chars().take(SHOWN).collect();
        format!("{start}…")
    } else {
        id.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_ids_one_a_line_and_a_room_are_kept() {
        let audience = TestAudience::from_form(" u-1\nu-2, u-3\n\nu-1 ", " r-1 ").unwrap();
        assert_eq!(audience.user_ids, vec!["u-1", "u-2", "u-3"]);
        assert_eq!(audience.room_id.as_deref(), Some("r-1"));
        assert_eq!(audience.describe(), "3 user ids, room r-1");
        assert_eq!(
            audience.confirmation(),
            "Your test audience has been saved: 3 user ids, room r-1."
        );
        // Either alone.
        let users = TestAudience::from_form("u-1", "").unwrap();
        assert_eq!(users.describe(), "1 user id, no room");
        let room = TestAudience::from_form("", "r-1").unwrap();
        assert_eq!(room.describe(), "no user ids, room r-1");
    }

    #[test]
    fn a_bad_user_id_is_refused_by_its_field() {
        let long = "x".repeat(201);
        let problems = TestAudience::from_form(&format!("u-1\n{long}"), "r-1").unwrap_err();
        let message = problems.for_field(USER_IDS_FIELD).expect("by the user ids");
        assert!(
            message.starts_with(&format!("“{}…” cannot be a test user id.", "x".repeat(24))),
            "{message}"
        );
        assert!(message.contains("at most 200 characters"), "{message}");
        assert_eq!(problems.for_field(ROOM_ID_FIELD), None);
        assert!(TestAudience::from_form("u-1 \u{7}bell", "").is_err());
    }

    #[test]
    fn a_bad_room_id_is_refused_by_its_field() {
        for bad in ["no/such/room", "a?b", "..", &"r".repeat(129)] {
            let problems = TestAudience::from_form("u-1", bad).unwrap_err();
            let message = problems.for_field(ROOM_ID_FIELD).expect(bad);
            assert!(
                message.starts_with("A room id is 1 to 128 characters"),
                "{message}"
            );
            assert_eq!(problems.for_field(USER_IDS_FIELD), None);
        }
    }

    #[test]
    fn more_than_a_handful_is_refused() {
        let ids = |n: usize| {
            (1..=n)
                .map(|i| format!("u-{i}"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert!(TestAudience::from_form(&ids(TEST_USER_IDS_MAX), "").is_ok());
        let problems = TestAudience::from_form(&ids(TEST_USER_IDS_MAX + 1), "").unwrap_err();
        assert_eq!(
            problems.for_field(USER_IDS_FIELD),
            Some("A test audience is a handful of people: keep at most 50 user ids (51 here).")
        );
    }

    #[test]
    fn both_empty_clears_it() {
        let cleared = TestAudience::from_form(" \n , ", "  ").unwrap();
        assert!(cleared.is_empty());
        assert_eq!(cleared, TestAudience::default());
        assert_eq!(cleared.describe(), "cleared");
        assert_eq!(
            cleared.confirmation(),
            "Your test audience has been cleared."
        );
    }

    #[test]
    fn a_test_reaches_the_user_ids_for_an_offer_and_the_room_for_an_advertisement() {
        let both = TestAudience::from_form("u-1\nu-2", "r-1").unwrap();
        assert_eq!(
            both.reach(DraftKind::Offer).as_deref(),
            Some("your 2 test users")
        );
        assert_eq!(
            both.reach(DraftKind::Advertisement).as_deref(),
            Some("your test room r-1")
        );
        let one = TestAudience::from_form("u-1", "").unwrap();
        assert_eq!(
            one.reach(DraftKind::Offer).as_deref(),
            Some("your test user")
        );
        assert_eq!(one.reach(DraftKind::Advertisement), None, "no room kept");
        assert_eq!(TestAudience::default().reach(DraftKind::Offer), None);
        assert_eq!(
            TestAudience::missing(DraftKind::Advertisement),
            "your test room"
        );
    }

    #[test]
    fn what_is_stored_reads_back() {
        let audience = TestAudience::from_form("u-1\nu-2", "r-1").unwrap();
        let stored = audience.user_ids_text();
        assert_eq!(stored, "u-1\nu-2");
        let read = TestAudience::from_stored(Some(&stored), audience.room_id.as_deref());
        assert_eq!(read, audience);
        assert_eq!(
            TestAudience::from_stored(None, Some("")),
            TestAudience::default()
        );
    }
}
