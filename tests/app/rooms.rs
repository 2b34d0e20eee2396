//! Rooms over HTTP: create with local times sent as UTC, the registry, look-up, audit.

use crate::support::{ADMIN_PASSWORD, spawn_app};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scheduled_room_is_created_in_utc_registered_and_audited() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let created = app
        .call(
            Some(&admin),
            "/api/rooms/create",
            &[
                ("form[room_id]", "late show"),
                ("form[name]", "Late show"),
                ("form[about]", "Talk after the match"),
                ("form[is_speak]", "on"),
                // Central European Summer Time, typed in winter: each time its own offset.
                ("form[start][local]", "2099-06-01T22:30"),
                ("form[start][offset]", "-120"),
                ("form[end][local]", "2099-06-01T23:45"),
                ("form[end][offset]", "-120"),
                ("form[tz_offset_minutes]", "-60"),
            ],
        )
        .await;
    assert_eq!(created.status(), 200, "{:?}", created.text().await);

    let list: Value = app
        .call(Some(&admin), "/api/rooms/list", &[])
        .await
        .json()
        .await
        .unwrap();
    let rooms = list["rooms"].as_array().unwrap();
    assert_eq!(
        rooms.len(),
        1,
        "only rooms created or looked up here: {list}"
    );
    let room = &rooms[0];
    assert_eq!(room["roomId"], "late show");
    assert_eq!(room["startTime"], "2099-06-01 20:30:00", "sent in UTC");
    assert_eq!(room["endTime"], "2099-06-01 21:45:00");
    assert_eq!(room["status"], "SOON");
    assert_eq!(room["isSpeak"], true);

    let looked: Value = app
        .call(
            Some(&admin),
            "/api/rooms/look-up",
            &[("room_id", "main-stage")],
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(looked["status"], "LIVE");
    let list: Value = app
        .call(Some(&admin), "/api/rooms/list", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        list["rooms"].as_array().unwrap().len(),
        2,
        "a look-up adds the room"
    );

    let missing = app
        .call(Some(&admin), "/api/rooms/look-up", &[("room_id", "nope")])
        .await;
    assert_eq!(missing.status(), 404);
    let bad = app
        .call(
            Some(&admin),
            "/api/rooms/create",
            &[
                ("form[room_id]", "x"),
                ("form[name]", "X"),
                ("form[about]", "A"),
                ("form[start][local]", "2099-06-01T22:30"),
                ("form[end][local]", "2099-06-01T21:00"),
                ("form[tz_offset_minutes]", "0"),
            ],
        )
        .await;
    assert_eq!(bad.status(), 422);
    let body: Value = bad.json().await.unwrap();
    assert_eq!(body["Invalid"]["field"], "endTime");

    let audit: Value = app
        .call(
            Some(&admin),
            "/api/audit/list",
            &[("page", "0"), ("filter[area]", "rooms")],
        )
        .await
        .json()
        .await
        .unwrap();
    let summary = audit["entries"][0]["summary"].as_str().unwrap();
    assert_eq!(
        summary,
        "created room “Late show” from 2099-06-01 20:30:00 to 2099-06-01 21:45:00 UTC"
    );
}
