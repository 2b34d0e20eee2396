//! The checklist's rules, one verdict of each kind.

use super::*;
use chrono::TimeZone;

fn at(d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2030, 3, d, h, 0, 0).unwrap()
}
fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}
fn question(room: Option<&str>, when: DateTime<Utc>) -> Question {
    Question {
        user_id: "u1".into(),
        room_id: room.map(str::to_owned),
        at: when,
        zone: crate::zone::parse_zone("Europe/Berlin").unwrap(),
    }
}
fn item(audience: Audience) -> ItemFacts {
    ItemFacts {
        audience,
        window: Window {
            start: Some(at(30, 10)),
            end: Some(at(31, 10)),
        },
        unavailable_rooms: set(&["gone"]),
        unavailable_users: set(&["u-gone"]),
        show: Some(ShowRules {
            frequency: Some(ShowFrequency::Daily),
            multiple_times: false,
            delay_ms: Some(1500),
        }),
        test: false,
    }
}
fn live_room(id: &str) -> RoomFacts {
    RoomFacts {
        room_id: id.into(),
        status: Some(RoomStatus::Soon),
        start: Some(at(30, 9)),
        end: None,
    }
}

#[test]
fn a_targeted_user_in_window_in_a_live_room_would_see_it() {
    let room = RoomFound::Known(live_room("stage"));
    let answer = explain(
        &question(Some("stage"), at(30, 12)),
        &item(Audience::Users(set(&["u1", "u2"]))),
        Exclusion::NoRecord,
        Some(&room),
    );
    assert_eq!(answer.outcome, Verdict::Shows, "{answer:?}");
    assert!(answer.verdict.starts_with("Would show"));
    let marks: Vec<_> = answer
        .lines
        .iter()
        .map(|l| (l.check.as_str(), l.mark))
        .collect();
    assert_eq!(
        marks,
        [
            ("Audience", Mark::Pass),
            ("Marketing exclusion", Mark::Info),
            ("Time window", Mark::Pass),
            ("Room status", Mark::Pass),
            ("How often", Mark::Info),
        ]
    );
    assert_eq!(
        answer.lines[2].detail,
        "2030-03-30 13:00 CET (12:00 UTC) is inside its window: from 2030-03-30 11:00 CET \
         (10:00 UTC) until 2030-03-31 12:00 CEST (10:00 UTC)."
    );
    assert_eq!(
        answer.lines[4].detail,
        "Shown at most once a day, and not again once the user has seen it: a user who saw it \
         already will not see it now, 1.5 s after the user arrives."
    );
}

#[test]
fn an_excluded_user_is_blocked_by_the_exclusion() {
    let answer = explain(
        &question(None, at(30, 12)),
        &item(Audience::Global),
        Exclusion::Excluded,
        None,
    );
    assert_eq!(answer.outcome, Verdict::Blocked);
    assert_eq!(answer.verdict, "Blocked by: marketing exclusion.");
    assert_eq!(
        answer.lines[1].detail,
        "u1 is excluded from marketing (set through this dashboard)."
    );
}

#[test]
fn every_blocking_check_is_named_in_the_verdict() {
    // Not a targeted room, outside the window, and the room not live.
    let ended = RoomFound::Known(RoomFacts {
        room_id: "side".into(),
        status: Some(RoomStatus::Live),
        start: Some(at(1, 0)),
        end: Some(at(2, 0)),
    });
    let answer = explain(
        &question(Some("side"), at(31, 11)),
        &item(Audience::Rooms(set(&["stage"]))),
        Exclusion::Included,
        Some(&ended),
    );
    assert_eq!(
        answer.verdict,
        "Blocked by: audience, time window, room status."
    );
    assert!(answer.lines[2].detail.contains("is after it ends"));
    assert_eq!(
        answer.lines[3].detail,
        "side is ENDED then: nobody is chatting there."
    );
    // A room reported unavailable at publish blocks too, and one Watchers does not have.
    let answer = explain(
        &question(Some("gone"), at(30, 12)),
        &item(Audience::Rooms(set(&["gone"]))),
        Exclusion::NoRecord,
        Some(&RoomFound::Missing),
    );
    assert_eq!(answer.verdict, "Blocked by: audience, room status.");
    assert_eq!(
        answer.lines[3].detail,
        "Room gone does not exist in Watchers."
    );
}

#[test]
fn a_room_watchers_could_not_be_asked_about_is_unknown_not_blocked() {
    let why = RoomFound::Unknown("Watchers is not answering right now".into());
    let answer = explain(
        &question(Some("stage"), at(30, 12)),
        &item(Audience::Global),
        Exclusion::NoRecord,
        Some(&why),
    );
    assert_eq!(answer.outcome, Verdict::Unknown);
    assert_eq!(
        answer.verdict,
        "Not known: room status could not be checked just now; nothing else blocks it."
    );
    assert_eq!(answer.lines[3].mark, Mark::Unknown);
    assert_eq!(
        answer.lines[3].detail,
        "Whether stage is LIVE then cannot be known: Watchers is not answering right now."
    );
    // Something that blocks still decides it; what is not known is said beside it.
    let answer = explain(
        &question(Some("stage"), at(30, 12)),
        &item(Audience::Global),
        Exclusion::Excluded,
        Some(&why),
    );
    assert_eq!(answer.outcome, Verdict::Blocked);
    assert_eq!(
        answer.verdict,
        "Blocked by: marketing exclusion. Not known: room status."
    );
}

#[test]
fn a_room_audience_without_a_room_asks_for_one() {
    let answer = explain(
        &question(None, at(30, 12)),
        &item(Audience::Rooms(set(&["a", "b"]))),
        Exclusion::NoRecord,
        None,
    );
    assert_eq!(answer.outcome, Verdict::Shows);
    assert_eq!(
        answer.lines[0].detail,
        "ROOM: shown only in a, b; give a room to check it."
    );
}

#[test]
fn a_rooms_status_follows_its_schedule() {
    let room = RoomFacts {
        room_id: "r".into(),
        status: Some(RoomStatus::Soon),
        start: Some(at(30, 10)),
        end: Some(at(30, 12)),
    };
    assert_eq!(status_at(&room, at(30, 9)), Some(RoomStatus::Soon));
    assert_eq!(status_at(&room, at(30, 10)), Some(RoomStatus::Live));
    assert_eq!(status_at(&room, at(30, 12)), Some(RoomStatus::Ended));
    let disabled = RoomFacts {
        status: Some(RoomStatus::Disabled),
        ..room
    };
    assert_eq!(status_at(&disabled, at(30, 11)), Some(RoomStatus::Disabled));
}

#[test]
fn times_are_shown_in_the_viewers_zone_each_at_its_own_offset() {
    // Berlin moves from UTC+1 to UTC+2 at 2030-03-31 01:00 UTC; in Tokyo nothing changes.
    let answer = explain(
        &question(None, at(31, 0)),
        &item(Audience::Global),
        Exclusion::NoRecord,
        None,
    );
    assert!(
        answer.lines[2].detail.starts_with(
            "2030-03-31 01:00 CET (00:00 UTC) is inside its window: from 2030-03-30 11:00 CET"
        ),
        "{}",
        answer.lines[2].detail
    );
    assert!(
        answer.lines[2]
            .detail
            .ends_with("until 2030-03-31 12:00 CEST (10:00 UTC).")
    );
    let q = Question {
        zone: crate::zone::parse_zone("Asia/Tokyo").unwrap(),
        ..question(None, at(31, 0))
    };
    let answer = explain(&q, &item(Audience::Global), Exclusion::NoRecord, None);
    assert!(
        answer.lines[2]
            .detail
            .starts_with("2030-03-31 09:00 JST (00:00 UTC)")
    );
}

#[test]
fn targets_it_cannot_know_and_users_reported_unavailable_are_said_so() {
    let unknown = explain(
        &question(Some("stage"), at(30, 12)),
        &item(Audience::Rooms(BTreeSet::new())),
        Exclusion::NoRecord,
        Some(&RoomFound::Known(live_room("stage"))),
    );
    assert_eq!(unknown.lines[0].mark, Mark::Info);
    assert!(unknown.lines[0].detail.contains("not known here"));
    let gone = Question {
        user_id: "u-gone".into(),
        ..question(None, at(30, 12))
    };
    let answer = explain(
        &gone,
        &item(Audience::Users(set(&["u-gone"]))),
        Exclusion::NoRecord,
        None,
    );
    assert_eq!(answer.verdict, "Blocked by: audience.");
    assert!(answer.lines[0].detail.contains("reported them unavailable"));
}

#[test]
fn a_test_says_so_first_and_is_judged_as_any_other() {
    let test = ItemFacts {
        test: true,
        ..item(Audience::Users(set(&["u1"])))
    };
    let answer = explain(
        &question(None, at(30, 12)),
        &test,
        Exclusion::NoRecord,
        None,
    );
    assert_eq!(answer.lines[0].check, "Test send");
    assert_eq!(answer.lines[0].mark, Mark::Info);
    assert!(answer.lines[0].detail.contains("Send a test to me"));
    assert_eq!(answer.lines[1].check, "Audience");
    assert_eq!(answer.outcome, Verdict::Shows, "for information only");
}
