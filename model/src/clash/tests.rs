//! The clash rules, each with the cases at its edges.

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
        key: name.into(),
        name: name.into(),
        window,
        audience,
        test: false,
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
            "Offer 1 and offer 2 run at the same time for everyone (one is global): chat users may see both at once.",
            "Offer 1 and offer 3 run at the same time for everyone (one is global): chat users may see both at once.",
            "Offer 1 and offer 4 run at the same time for everyone (one is global): chat users may see both at once.",
            "Offer 1 and offer 5 run at the same time for everyone (one is global): chat users may see both at once.",
            "Offer 2 and offer 3 run at the same time for room b: chat users may see both at once.",
            "Offer 2 and offer 6 run at the same time for everyone (one is global): chat users may see both at once.",
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
        "Advertisement 7",
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
            "Advertisement 7 is aimed at room done, which has ENDED, so nobody there will see it.",
            "Advertisement 7 is aimed at room ghost, which the registry does not know, so nobody there will see it.",
            "Advertisement 7 is aimed at room off, which is DISABLED, so nobody there will see it.",
            "Advertisement 7 is aimed at room short, which ends before it starts, so nobody there will see it.",
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
        "Offer 3",
        window(Some(9), Some(11)),
        Audience::Rooms(set(&["stage"])),
    );
    assert_eq!(
        starts_before_live(&early, &rooms, Tz::UTC)
            .unwrap()
            .sentence,
        "Offer 3 starts before its only room stage goes LIVE at 2030-03-31 10:00 UTC: until then nobody is there to see it."
    );
    let on_time = planned(
        "Offer 4",
        window(Some(10), None),
        Audience::Rooms(set(&["stage"])),
    );
    assert!(starts_before_live(&on_time, &rooms, Tz::UTC).is_none());
    // Two rooms: not its only room; a room already LIVE is there to see it.
    let two = planned(
        "Offer 5",
        window(Some(9), None),
        Audience::Rooms(set(&["stage", "hall"])),
    );
    assert!(starts_before_live(&two, &rooms, Tz::UTC).is_none());
    let live = [room("stage", RoomStatus::Live, Some(10), None)];
    assert!(starts_before_live(&early, &live, Tz::UTC).is_none());
}

#[test]
fn an_advertisement_deleted_before_it_is_sent_never_shows() {
    let wrong = planned(
        "Advertisement 9",
        window(Some(5), Some(4)),
        Audience::Global,
    );
    assert_eq!(
        delete_before_send(&wrong, Tz::UTC).unwrap().sentence,
        "Advertisement 9 is deleted at 2030-03-31 04:00 UTC, before it is sent at 2030-03-31 05:00 UTC, so it never shows."
    );
    // In the viewer's zone, with UTC beside.
    let tokyo = crate::zone::parse_zone("Asia/Tokyo").unwrap();
    assert_eq!(
        delete_before_send(&wrong, tokyo).unwrap().sentence,
        "Advertisement 9 is deleted at 2030-03-31 13:00 JST (04:00 UTC), before it is sent at 2030-03-31 14:00 JST (05:00 UTC), so it never shows."
    );
    assert!(
        delete_before_send(
            &planned("a", window(Some(4), Some(5)), Audience::Global),
            Tz::UTC
        )
        .is_none()
    );
    assert!(
        delete_before_send(
            &planned("a", window(Some(4), None), Audience::Global),
            Tz::UTC
        )
        .is_none()
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

#[test]
fn a_candidate_is_checked_against_the_plan_in_place_of_its_published_self() {
    let published = planned("offer:1", window(Some(8), Some(12)), Audience::Global);
    let other = planned("offer:2", window(Some(13), Some(14)), Audience::Global);
    // Moving offer 1 to 13:00 makes it meet offer 2, and it does not clash with its old self.
    let moved = planned("offer:1", window(Some(13), None), Audience::Global);
    let clashes = check_candidate(&moved, true, &[published, other], &[], &[], Tz::UTC);
    assert_eq!(clashes.len(), 1);
    assert_eq!(
        clashes[0].keys,
        vec!["offer:2".to_owned(), "offer:1".to_owned()]
    );
    let early_ad = planned(
        "advertisement:new",
        window(Some(12), Some(9)),
        Audience::Global,
    );
    let clashes = check_candidate(&early_ad, false, &[], &[], &[], Tz::UTC);
    assert_eq!(clashes[0].rule, Rule::DeleteBeforeSend);
}

#[test]
fn a_test_clashes_with_nothing_and_nothing_clashes_with_it() {
    let test = |p: Planned| Planned { test: true, ..p };
    let real = planned("offer:1", window(Some(1), Some(5)), Audience::Global);
    let real_too = planned("offer:2", window(Some(2), Some(4)), Audience::Global);
    // A test for everyone at the same time, and a test for the same user as a real offer.
    let test_global = test(planned(
        "offer:3",
        window(Some(2), Some(3)),
        Audience::Global,
    ));
    let test_user = test(planned(
        "offer:4",
        window(Some(2), Some(3)),
        Audience::Users(set(&["u1"])),
    ));
    let for_user = planned(
        "offer:5",
        window(Some(2), Some(3)),
        Audience::Users(set(&["u1"])),
    );
    let all = [
        real.clone(),
        real_too,
        test_global.clone(),
        test_user.clone(),
        for_user,
    ];
    let pairs: Vec<Vec<String>> = overlapping_offers(&all)
        .into_iter()
        .map(|c| c.keys)
        .collect();
    // The real ones still clash with one another; no pair has a test in it.
    assert_eq!(
        pairs,
        [
            vec!["offer:1".to_owned(), "offer:2".to_owned()],
            vec!["offer:1".to_owned(), "offer:5".to_owned()],
            vec!["offer:2".to_owned(), "offer:5".to_owned()],
        ]
    );
    // Two tests do not clash with each other either.
    assert!(overlapping_offers(&[test_global.clone(), test(real.clone())]).is_empty());

    // A test advertisement in a room the registry does not know, deleted before it is sent:
    // no warning; the same advertisement, real, has both.
    let odd = planned(
        "advertisement:6",
        window(Some(5), Some(4)),
        Audience::Rooms(set(&["test-room"])),
    );
    let clashes = check_all(&all, &[test(odd.clone())], &[], Tz::UTC);
    assert!(
        clashes.iter().all(|c| {
            !c.keys
                .iter()
                .any(|k| ["offer:3", "offer:4", "advertisement:6"].contains(&k.as_str()))
        }),
        "{clashes:?}"
    );
    assert_eq!(clashes.len(), 3, "the real pairs only");
    let rules: Vec<Rule> = check_all(&[], &[odd], &[], Tz::UTC)
        .into_iter()
        .map(|c| c.rule)
        .collect();
    assert_eq!(rules, [Rule::RoomNotOpen, Rule::DeleteBeforeSend]);

    // A candidate (never a test) is not warned about a test planned at the same time.
    let candidate = planned("offer:new", window(Some(2), Some(3)), Audience::Global);
    let clashes = check_candidate(
        &candidate,
        true,
        &[test_global, test_user],
        &[],
        &[],
        Tz::UTC,
    );
    assert!(clashes.is_empty(), "{clashes:?}");
}
