//! Test sends ("Send a test to me"): a composed offer or advertisement sent to its sender's test
//! audience alone, for a few minutes, then removed upstream by the dashboard; what a test is
//! now, and the pure rules around it (who it can go to, when a failed removal is tried again).

use crate::draft::DraftKind;
use crate::staff::TestAudience;
use crate::time::format_iso;
use serde::{Deserialize, Serialize};

/// The field a refusal for want of a test audience belongs next to.
pub const AUDIENCE_FIELD: &str = "test_audience";
/// The field a refusal of a test already live belongs next to.
pub const SEND_FIELD: &str = "test_send";
/// How long a test stays up unless `DASHBOARD_TEST_SEND_MINUTES` says otherwise.
pub const DEFAULT_MINUTES: i64 = 15;
/// The wait before the second try of a removal that failed, in seconds; it doubles each time.
pub const RETRY_FIRST_SECONDS: i64 = 30;
/// The longest wait between two tries of a removal, in seconds.
pub const RETRY_MAX_SECONDS: i64 = 3600;
/// The most tests a list shows.
pub const LIST_MAX: i64 = 50;

/// What a test send is now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TestSendState {
    /// Up (or being sent): the dashboard removes it at its time.
    Live,
    /// Gone upstream since `at` (ISO UTC).
    Removed { at: String },
    /// Still up: its last removal failed (`why`, in plain words); tried again at `next_try`.
    Failed {
        why: String,
        next_try: Option<String>,
    },
}

impl TestSendState {
    pub fn is_removed(&self) -> bool {
        matches!(self, TestSendState::Removed { .. })
    }
}

/// One test send, as its sender's lists show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestSend {
    /// The dashboard's own id of the test.
    pub id: i64,
    /// Offer or advertisement.
    pub kind: DraftKind,
    /// The offer's or advertisement's id upstream (`None` when the answer did not say).
    pub upstream_id: Option<i64>,
    /// The composer's label of what was sent.
    pub label: String,
    /// Who sent it (their username).
    pub by: String,
    /// ISO UTC.
    pub sent_at: String,
    /// When the dashboard removes it, ISO UTC.
    pub remove_at: String,
    pub state: TestSendState,
    /// Removal attempts that failed so far.
    pub attempts: i64,
}

/// What `audience` lacks for a test of `kind`, as the sentence that says what to set: an offer
/// goes to test user ids, an advertisement to a test room.
pub fn missing_audience(kind: DraftKind, audience: &TestAudience) -> Option<&'static str> {
    match kind {
        DraftKind::Offer if audience.user_ids.is_empty() => {
            Some("Set your test user ids on your Account page first.")
        }
        DraftKind::Advertisement if audience.room_id.is_none() => {
            Some("Set your test room id on your Account page first.")
        }
        _ => None,
    }
}

/// Where a test of `kind` goes, in a few words: `2 test users`, `test room r-1`.
pub fn audience_words(kind: DraftKind, audience: &TestAudience) -> String {
    match kind {
        DraftKind::Offer => match audience.user_ids.len() {
            1 => "1 test user".to_owned(),
            n => format!("{n} test users"),
        },
        DraftKind::Advertisement => match &audience.room_id {
            Some(room) => format!("test room {room}"),
            None => "no test room".to_owned(),
        },
    }
}

/// Seconds to wait before trying a removal again after `attempts` failed ones (1, 2, …): 30 s,
/// doubling each time, at most an hour.
pub fn retry_after(attempts: i64) -> i64 {
    let doublings = (attempts.max(1) - 1).min(20) as u32;
    RETRY_FIRST_SECONDS
        .saturating_mul(1_i64 << doublings)
        .min(RETRY_MAX_SECONDS)
}

/// What makes two presses the same test: its kind, where it goes and the form as composed (its
/// JSON), as 16 hex digits (FNV-1a, the same on every replica and every build).
pub fn fingerprint(kind: DraftKind, audience: &TestAudience, form_json: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let users = audience.user_ids_text();
    let room = audience.room_id.as_deref().unwrap_or_default();
    let parts: [&str; 4] = [kind.as_str(), &users, room, form_json];
    let mut hash = OFFSET;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            // A separator no part can hold, so that moving text between parts changes the hash.
            hash = (hash ^ 0xff).wrapping_mul(PRIME);
        }
        for byte in part.bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(PRIME);
        }
    }
    format!("{hash:016x}")
}

/// Unix seconds as the API writes a time (`2024-05-22T12:00:01.000Z`); empty when out of range.
pub fn iso_at(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(format_iso)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn audience(users: &[&str], room: Option<&str>) -> TestAudience {
        TestAudience {
            user_ids: users.iter().map(|u| u.to_string()).collect(),
            room_id: room.map(str::to_owned),
        }
    }

    #[test]
    fn an_offer_needs_user_ids_and_an_advertisement_a_room() {
        let none = TestAudience::default();
        assert_eq!(
            missing_audience(DraftKind::Offer, &none),
            Some("Set your test user ids on your Account page first.")
        );
        assert_eq!(
            missing_audience(DraftKind::Advertisement, &none),
            Some("Set your test room id on your Account page first.")
        );
        let users = audience(&["u-1", "u-2"], None);
        assert_eq!(missing_audience(DraftKind::Offer, &users), None);
        assert!(missing_audience(DraftKind::Advertisement, &users).is_some());
        let room = audience(&[], Some("r-1"));
        assert!(missing_audience(DraftKind::Offer, &room).is_some());
        assert_eq!(missing_audience(DraftKind::Advertisement, &room), None);
    }

    #[test]
    fn where_a_test_goes_in_a_few_words() {
        let both = audience(&["u-1", "u-2"], Some("r-1"));
        assert_eq!(audience_words(DraftKind::Offer, &both), "2 test users");
        assert_eq!(
            audience_words(DraftKind::Advertisement, &both),
            "test room r-1"
        );
        let one = audience(&["u-1"], None);
        assert_eq!(audience_words(DraftKind::Offer, &one), "1 test user");
    }

    #[test]
    fn a_failed_removal_waits_longer_each_time_up_to_an_hour() {
        assert_eq!(retry_after(1), 30);
        assert_eq!(retry_after(2), 60);
        assert_eq!(retry_after(3), 120);
        assert_eq!(retry_after(7), 1920);
        assert_eq!(retry_after(8), 3600);
        assert_eq!(retry_after(1_000), 3600);
        // Never less than the first wait, whatever is stored.
        assert_eq!(retry_after(0), 30);
        assert_eq!(retry_after(-5), 30);
    }

    #[test]
    fn the_same_test_has_the_same_fingerprint_and_another_another() {
        let to = audience(&["u-1"], Some("r-1"));
        let a = fingerprint(DraftKind::Offer, &to, r#"{"title":"x"}"#);
        assert_eq!(a.len(), 16);
        assert_eq!(a, fingerprint(DraftKind::Offer, &to, r#"{"title":"x"}"#));
        assert_ne!(
            a,
            fingerprint(DraftKind::Advertisement, &to, r#"{"title":"x"}"#)
        );
        assert_ne!(a, fingerprint(DraftKind::Offer, &to, r#"{"title":"y"}"#));
        let elsewhere = audience(&["u-2"], Some("r-1"));
        assert_ne!(
            a,
            fingerprint(DraftKind::Offer, &elsewhere, r#"{"title":"x"}"#)
        );
        // Known values: the same on every build and replica.
        assert_eq!(a, "d09e3bfb306dd931");
        assert_eq!(
            fingerprint(DraftKind::Offer, &TestAudience::default(), ""),
            "53f34b23755169cc"
        );
    }

    #[test]
    fn times_are_written_as_the_api_writes_them() {
        assert_eq!(iso_at(1_716_379_201), "2024-05-22T12:00:01.000Z");
        assert_eq!(iso_at(i64::MAX), "");
    }

    #[test]
    fn a_test_send_travels_as_json() {
        let test = TestSend {
            id: 3,
            kind: DraftKind::Advertisement,
            upstream_id: Some(41),
            label: "Big win".into(),
            by: "zoe".into(),
            sent_at: iso_at(1_716_379_201),
            remove_at: iso_at(1_716_380_101),
            state: TestSendState::Failed {
                why: "Watchers is not answering.".into(),
                next_try: Some(iso_at(1_716_380_131)),
            },
            attempts: 1,
        };
        let text = serde_json::to_string(&test).unwrap();
        assert_eq!(serde_json::from_str::<TestSend>(&text).unwrap(), test);
        assert!(!test.state.is_removed());
        assert!(
            TestSendState::Removed {
                at: iso_at(1_716_380_101)
            }
            .is_removed()
        );
    }
}
