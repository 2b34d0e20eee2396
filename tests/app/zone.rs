//! The time zone each person chooses on their account page, used by every page, form and
//! message: set and refused through its server function (and as a plain form without
//! JavaScript), then pages, forms and clash sentences in it with UTC beside, and forms sent
//! without JavaScript read in it.

use crate::marketing::{OFFER, json, with};
use crate::support::{ADMIN_PASSWORD, TestApp, page, set_cookie, spawn_app};
use serde_json::Value;
use watchers_dashboard::model::draft::new_draft_key;
use watchers_dashboard::model::staff::Role;

async fn choose(app: &TestApp, cookie: &str, zone: &str) -> (u16, Value) {
    json(
        app.call(Some(cookie), "/api/auth/time-zone", &[("time_zone", zone)])
            .await,
    )
    .await
}

async fn me(app: &TestApp, cookie: &str) -> Value {
    json(app.call(Some(cookie), "/api/auth/me", &[]).await)
        .await
        .1
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_person_chooses_their_zone_and_an_unknown_one_is_refused_by_the_field() {
    let app = spawn_app(&[]).await;
    app.add_staff("zoe", Role::Moderator, "zoe-password-12345")
        .await;
    let zoe = app.sign_in("zoe", "zoe-password-12345").await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let before = me(&app, &zoe).await;
    assert_eq!(before["zone"], "", "none chosen, none told by a browser");
    assert_eq!(before["zone_saved"], false);
    // The account page offers the browser's zone while none is chosen, and lists every zone.
    let html = page(&app, &format!("{zoe}; tz=Europe/Berlin"), "/account").await;
    assert!(
        html.contains("Use Europe/Berlin (your browser"),
        "the browser's zone offered"
    );
    assert!(html.contains(r#"list="time-zones""#));
    assert!(html.contains(r#"<option value="Asia/Tokyo">"#));
    assert!(html.contains(r#"<option value="America/Argentina/Buenos_Aires">"#));

    // Refused by the field, and nothing kept.
    let (status, body) = choose(&app, &zoe, "Mars/Olympus").await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["Invalid"]["field"], "time_zone");
    let message = body["Invalid"]["message"].as_str().unwrap();
    assert!(
        message.contains("“Mars/Olympus” is not a time zone"),
        "{message}"
    );
    assert_eq!(me(&app, &zoe).await["zone_saved"], false);
    // The same without JavaScript: back to the account page, the message by the field.
    let refused = app
        .client
        .post(app.url("/api/auth/time-zone"))
        .header("cookie", &zoe)
        .header("accept", "text/html")
        .header("referer", app.url("/account"))
        .form(&[("time_zone", "Mars/Olympus")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 302);
    let back = refused.headers()["location"].to_str().unwrap().to_owned();
    let back = back.strip_prefix(&app.base_url).unwrap_or(&back).to_owned();
    assert_eq!(back, "/account", "the address stays clean");
    // Why it was refused goes with the redirect, in the landed cookie the page takes.
    let landed = set_cookie(&refused, "watchers_landed").expect("the landed cookie");
    let html = page(&app, &format!("{zoe}; {landed}"), &back).await;
    let by_field = html
        .split(r#"data-field="time_zone""#)
        .nth(1)
        .expect("a message by the field");
    assert!(
        by_field.contains("is not a time zone this dashboard knows"),
        "{by_field}"
    );

    // Taken as typed in any letter case, kept as IANA writes it, for this person only.
    let (status, body) = choose(&app, &zoe, " asia/tokyo ").await;
    assert_eq!((status, body.as_str()), (200, Some("Asia/Tokyo")), "{body}");
    let after = me(&app, &zoe).await;
    assert_eq!(after["zone"], "Asia/Tokyo");
    assert_eq!(after["zone_saved"], true);
    assert_eq!(me(&app, &admin).await["zone"], "");
    // The chosen zone wins over the browser's.
    let answer: Value = app
        .client
        .post(app.url("/api/auth/me"))
        .header("cookie", format!("{zoe}; tz=Europe/Berlin"))
        .header("accept", "application/json")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(answer["zone"], "Asia/Tokyo");
    assert_eq!(answer["browser_zone"], "Europe/Berlin");
    let html = page(&app, &format!("{zoe}; tz=Europe/Berlin"), "/account").await;
    assert!(
        html.contains("Your times are shown in Asia/Tokyo (UTC+09:00), with UTC beside them"),
        "the account page says which zone is used"
    );
    assert!(
        !html.contains("Use Europe/Berlin"),
        "offered only before a choice"
    );
    assert!(html.contains(r#"list="time-zones" value="Asia/Tokyo""#));
    // Signed out: refused.
    let (status, _) = json(
        app.call(None, "/api/auth/time-zone", &[("time_zone", "UTC")])
            .await,
    )
    .await;
    assert_eq!(status, 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_forms_and_messages_show_times_in_the_saved_zone_with_utc_beside() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    // Published from a browser in Berlin (its own offsets): 14:00 CEST is 12:00 UTC.
    let id = crate::undo::publish_offer(&app, &admin).await;
    assert_eq!(choose(&app, &admin, "Asia/Tokyo").await.0, 200);

    // The offer's page: its start in Tokyo, UTC beside.
    let html = page(&app, &admin, &format!("/offers/{id}")).await;
    assert!(
        html.contains("2030-05-22 21:00 JST (12:00 UTC)"),
        "the offer's start in Tokyo"
    );
    // Its composer writes the start in Tokyo, says so, and names the zone the server reads it in.
    let html = page(&app, &admin, &format!("/offers/{id}/edit")).await;
    assert!(html.contains("Times are in your time zone, Asia/Tokyo (UTC+09:00)"));
    assert!(!html.contains("Times are UTC."));
    assert!(
        html.contains(r#"name="form[start][local]" value="2030-05-22T21:00:00""#),
        "the start, in Tokyo"
    );
    assert!(html.contains(r#"name="form[zone]" value="Asia/Tokyo""#));
    // A new advertisement and a new room, the same.
    for path in ["/advertisements/new", "/rooms/new"] {
        let html = page(&app, &admin, path).await;
        assert!(
            html.contains("Times are in your time zone, Asia/Tokyo (UTC+09:00)"),
            "{path}"
        );
    }
    // The offers list.
    let html = page(&app, &admin, "/offers").await;
    assert!(
        html.contains("2030-05-22 21:00 JST (12:00 UTC)"),
        "the list"
    );
    // The calendar: in Tokyo, with no zone to type on it.
    let html = page(&app, &admin, "/calendar").await;
    assert!(html.contains("Times in Asia/Tokyo (UTC+09:00)"));
    assert!(!html.contains(r#"name="tz""#));
    let (_, view) = json(
        app.call(
            Some(&admin),
            "/api/plan/calendar",
            &[("query[view]", "week")],
        )
        .await,
    )
    .await;
    assert_eq!(view["zone"], "Asia/Tokyo");
    assert_eq!(view["detect_zone"], false);
    // A message: a clash's sentence says its times in Tokyo, UTC beside.
    let (status, clashes) = json(
        app.call(
            Some(&admin),
            "/api/plan/check",
            &[
                ("candidate[is_offer]", "false"),
                ("candidate[start]", "2031-01-02T10:00:00.000Z"),
                ("candidate[end]", "2031-01-01T10:00:00.000Z"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{clashes}");
    let sentence = clashes[0]["sentence"].as_str().unwrap();
    assert!(
        sentence.contains("deleted at 2031-01-01 19:00 JST (10:00 UTC)"),
        "{sentence}"
    );
    // The exclusions list too.
    let (_, list) = json(app.call(Some(&admin), "/api/exclusions/list", &[]).await).await;
    assert_eq!(list["zone_label"], "Asia/Tokyo (UTC+09:00)");
    assert_eq!(list["detect_zone"], false);
    // The staff page's last sign-in, and a badge's created and updated times.
    let tokyo_and_utc = |html: &str| html.contains(" JST (") && html.contains(" UTC)");
    let html = page(&app, &admin, "/staff").await;
    assert!(tokyo_and_utc(&html), "the staff page's last sign-in");
    assert!(!html.contains("Last sign-in (UTC)"));
    let html = page(&app, &admin, "/badges/1").await;
    assert!(tokyo_and_utc(&html), "a badge's times");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_sent_without_javascript_is_read_in_the_zone_it_names() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    assert_eq!(choose(&app, &admin, "Asia/Tokyo").await.0, 200);
    // As the composer's page wrote it: the zone named, and a time typed where no browser gave
    // its offset.
    let key = new_draft_key();
    let form = with(
        OFFER,
        &[
            ("draft_key", key.as_str()),
            ("form[start][local]", "2030-05-22T21:00"),
            ("form[start][offset]", "0"),
            ("form[tz_offset_minutes]", "-540"),
            ("form[zone]", "Asia/Tokyo"),
        ],
    );
    let (status, body) = json(app.call(Some(&admin), "/api/offers/submit", &form).await).await;
    assert_eq!(status, 200, "{body}");
    let id = body["Published"]["id"].as_i64().expect("published id");
    let (_, offer) = json(
        app.call(Some(&admin), "/api/offers/get", &[("id", &id.to_string())])
            .await,
    )
    .await;
    assert_eq!(
        offer["item"]["startTime"], "2030-05-22T12:00:00.000Z",
        "21:00 in Tokyo is 12:00 UTC"
    );

    // A room, the same way.
    let created = app
        .call(
            Some(&admin),
            "/api/rooms/create",
            &[
                ("form[room_id]", "tokyo-night"),
                ("form[name]", "Tokyo night"),
                ("form[about]", "After the match"),
                ("form[start][local]", "2099-06-02T05:30"),
                ("form[start][offset]", "0"),
                ("form[end][local]", "2099-06-02T06:45"),
                ("form[end][offset]", "0"),
                ("form[tz_offset_minutes]", "0"),
                ("form[zone]", "Asia/Tokyo"),
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
    let room = list["rooms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["roomId"] == "tokyo-night")
        .expect("the new room");
    assert_eq!(room["startTime"], "2099-06-01 20:30:00", "sent in UTC");
    assert_eq!(room["endTime"], "2099-06-01 21:45:00");
    // Its page shows the schedule in Tokyo, UTC beside.
    let html = page(&app, &admin, "/rooms/tokyo-night").await;
    assert!(
        html.contains("2099-06-02 05:30 JST (2099-06-01 20:30 UTC)"),
        "the room's start in Tokyo"
    );
}
