//! Loose mode: the sandbox answers the way a live API drifts from its documents, so the dashboard
//! can be tried against that before it meets it. Counters and numbers come as strings, and each
//! list's first page carries two more records: one with plausible oddities that must still be
//! read (`null` in a "required" text, `"0"` for a number, a `null` flag, the older
//! `showFrerquency` value `GLOBAL`, `templateData` that is not JSON, and hostile values: a colour
//! that would break out of a style, a `javascript:` picture, markup in a tooltip), and one that
//! cannot be.
//! An offer's PATCH answers the older wrapper, and an advertisement's GET by id the object
//! itself instead of the documented one-item array. Some advertisements' views go down for a
//! while (see [`views_read`]).

use serde_json::{Value, json};

/// Which list is answered.
#[derive(Clone, Copy, Debug)]
pub enum List {
    Badges,
    Offers,
    Advertisements,
}

/// Ids of the odd records, far above anything the sandbox hands out in a test.
pub const ODD_ID: i64 = 900_001;
pub const BROKEN_ID: &str = "900002";

/// The older document's PATCH answer for an offer: the item (without its id) under
/// `advertisement`, a `messages` list, and the room report beside it.
pub fn older_update_answer(mut item: Value, rooms: Vec<Value>) -> Value {
    if let Value::Object(fields) = &mut item {
        fields.remove("id");
    }
    json!({
        "advertisement": item,
        "messages": [],
        "availableExternalRoomIds": rooms,
        "unavailableExternalRoomIds": [],
    })
}

/// Rewrites a page of `list` as a loose live API would send it; `first_page` adds the odd records.
pub fn loosen(list: List, mut items: Vec<Value>, first_page: bool) -> Vec<Value> {
    let as_text = match list {
        List::Badges => &["userCount"][..],
        List::Offers => &["showDelayMS", "template"][..],
        List::Advertisements => &["messagesLength", "viewsLength", "template"][..],
    };
    for item in &mut items {
        for field in as_text {
            if let Some(value) = item.get_mut(*field)
                && value.is_number()
            {
                *value = Value::String(value.to_string());
            }
        }
    }
    if first_page {
        items.extend(odd_records(list));
    }
    items
}

/// The views a loose API answers for advertisement `id`, `elapsed` seconds after sending, when
/// its counter says `views`: every advertisement whose id is 3 more than a multiple of 4 drops
/// back to half its views in each odd ten-minute window (10 to 20 minutes after sending, 30 to
/// 40, ...), so that counters that go down can be rehearsed. Others read as they are.
pub fn views_read(id: i64, elapsed: i64, views: i64) -> i64 {
    let odd_window = elapsed >= 0 && (elapsed / 600) % 2 == 1;
    if id.rem_euclid(4) == 3 && odd_window {
        views / 2
    } else {
        views
    }
}

/// In loose mode, the odd but readable record of `list` when it is asked for by its id.
pub fn odd_record(sandbox: &super::Sandbox, list: List, id: i64) -> Option<Value> {
    let [odd, _] = odd_records(list);
    (sandbox.is_loose() && id == ODD_ID).then_some(odd)
}

/// The two odd records of `list`: one readable despite its oddities, one that is not.
fn odd_records(list: List) -> [Value; 2] {
    match list {
        List::Badges => [
            json!({
                "id": ODD_ID, "text": "Drifted", "backgroundColor": "red;position:fixed;inset:0",
                "textColor": null, "tooltip": "</style><script>alert(1)</script>",
                "pic": "javascript:alert(1)", "communicationTitle": null, "communicationText": null,
                "userCount": "0", "trigger": { "firstMessage": null, "messageCount": "3" },
                "createdAt": "2026-01-01T00:00:00.000Z"
            }),
            json!({ "id": BROKEN_ID, "text": ["not", "text"], "userCount": "many" }),
        ],
        List::Offers => [
            json!({
                "id": ODD_ID.to_string(), "template": "10", "title": "Drifted offer", "text": null,
                "link": "https://example.com/drift", "linkText": null,
                "templateData": "{not json", "showMultipleTimes": null,
                "showFrerquency": "GLOBAL", "showDelayMS": "0", "type": "GLOBAL",
                "startTime": "2026-01-01T00:00:00.000Z", "endTime": null
            }),
            json!({ "id": BROKEN_ID, "template": { "number": 10 }, "title": "Broken" }),
        ],
        List::Advertisements => [
            json!({
                "id": ODD_ID, "template": "2", "title": null, "data": "not json",
                "messagesLength": "1", "viewsLength": null, "status": "ACTIVE",
                "externalRoomIds": null, "createdAt": "2026-01-01T00:00:00.000Z"
            }),
            json!({ "id": BROKEN_ID, "template": "twelve", "messagesLength": [] }),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::counters::counters;

    #[test]
    fn some_advertisements_views_go_down_for_a_while() {
        let read = |id: i64, elapsed: i64| views_read(id, elapsed, counters(id, 2, elapsed).views);
        // Id 7 (3 more than a multiple of 4): whole before ten minutes, half from 10 to 20.
        assert_eq!(read(7, 599), counters(7, 2, 599).views);
        assert_eq!(read(7, 600), counters(7, 2, 600).views / 2);
        assert!(read(7, 600) < read(7, 599), "the reading goes down");
        assert_eq!(read(7, 1199), counters(7, 2, 1199).views / 2);
        assert_eq!(read(7, 1200), counters(7, 2, 1200).views);
        assert!(read(7, 1200) > read(7, 1199), "and back up");
        assert_eq!(read(7, 1800), counters(7, 2, 1800).views / 2);
        assert_eq!(read(3, 2400 + 600), counters(3, 2, 3000).views / 2);
        // Other ids, and readings before sending, are as they are.
        for id in [4, 5, 6, 8] {
            for elapsed in [0, 600, 1500, 3000] {
                assert_eq!(read(id, elapsed), counters(id, 2, elapsed).views);
            }
        }
        assert_eq!(views_read(7, -300, 0), 0);
        assert_eq!(views_read(-1, 600, 10), 5, "-1 is 3 more than -4");
    }
}
