//! The calendar, clash warnings and "why won't it show?" through their server functions and
//! pages over HTTP, on the sandbox's demo data (a GLOBAL offer running this week beside an offer
//! for room main-stage: a planted clash).

use crate::marketing::{OFFER, with};
use crate::support::{ADMIN_PASSWORD, TestApp, loose_run, spawn_app};
use serde_json::Value;
use watchers_dashboard::model::draft::new_draft_key;
use watchers_dashboard::model::staff::Role;
use watchers_dashboard::sandbox::FaultSettings;

async fn json(r: reqwest::Response) -> (u16, Value) {
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

pub async fn calendar(app: &TestApp, cookie: &str, query: &[(&str, &str)]) -> (u16, Value) {
    json(app.call(Some(cookie), "/api/plan/calendar", query).await).await
}

fn keys(view: &Value) -> Vec<String> {
    view["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["key"].as_str().unwrap().to_owned())
        .collect()
}

/// The clashes of a candidate offer (`is_offer`) or advertisement with `fields`.
async fn check(
    app: &TestApp,
    cookie: &str,
    is_offer: bool,
    fields: &[(&str, &str)],
) -> (u16, Value) {
    let mut form = fields.to_vec();
    form.push((
        "candidate[is_offer]",
        if is_offer { "true" } else { "false" },
    ));
    json(app.call(Some(cookie), "/api/plan/check", &form).await).await
}

/// The id of the seeded GLOBAL offer.
async fn global_offer(app: &TestApp, cookie: &str) -> i64 {
    let (_, view) = calendar(app, cookie, &[("query[kinds]", "offer")]).await;
    view["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["everyone"] == true && i["title"] == "Double odds tonight")
        .and_then(|i| i["key"].as_str()?.strip_prefix("offer:")?.parse().ok())
        .expect("the seeded GLOBAL offer")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_week_shows_every_kind_in_the_chosen_zone_with_the_planted_clash() {
    let app = spawn_app(&[]).await;
    let moderator = {
        app.add_staff("mo", Role::Moderator, "moderator-password-1")
            .await;
        app.sign_in("mo", "moderator-password-1").await
    };
    // The zone is the moderator's own, chosen on their account page.
    let chosen = app
        .call(
            Some(&moderator),
            "/api/auth/time-zone",
            &[("time_zone", "Europe/Berlin")],
        )
        .await;
    assert_eq!(chosen.status(), 200);
    let r = app
        .call(
            Some(&moderator),
            "/api/plan/calendar",
            &[("query[view]", "week")],
        )
        .await;
    let (status, view) = json(r).await;
    assert_eq!(status, 200, "{view}");
    assert!(
        view["zone_label"]
            .as_str()
            .unwrap()
            .starts_with("Europe/Berlin (UTC+0")
    );
    assert_eq!(view["board"]["days"].as_array().unwrap().len(), 7);
    let week_keys = keys(&view);
    assert!(week_keys.iter().filter(|k| k.starts_with("offer:")).count() >= 2);
    assert!(week_keys.iter().any(|k| k.starts_with("advertisement:")));
    let clashes = view["clashes"].as_array().unwrap();
    let overlap = clashes
        .iter()
        .find(|c| c["rule"] == "OverlappingOffers")
        .expect("the planted clash");
    let sentence = overlap["sentence"].as_str().unwrap();
    assert!(sentence.contains("“Double odds tonight”"), "{sentence}");
    assert!(sentence.ends_with("chat users may see both at once."));
    // Items are named by what people recognise: the untitled image offer by its template and id.
    let items = view["items"].as_array().unwrap();
    let image = items
        .iter()
        .find(|i| i["title"].as_str().unwrap().starts_with("Image offer"))
        .expect("the seeded image offer, named by its template");
    let id = image["key"]
        .as_str()
        .unwrap()
        .strip_prefix("offer:")
        .unwrap();
    assert_eq!(image["title"], format!("Image offer (template 11) #{id}"));
    // The advertisements sent at once, with no delete time: each one point, on its day only.
    let in_view: Vec<u64> = view["board"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["item"].as_u64().unwrap())
        .collect();
    let bars: Vec<&Value> = view["board"]["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["bars"].as_array().unwrap())
        .collect();
    let sent: Vec<u64> = (0..items.len() as u64)
        .filter(|&i| items[i as usize]["kind"] == "Advertisement" && in_view.contains(&i))
        .collect();
    assert!(!sent.is_empty(), "{items:?}");
    for i in sent {
        assert_eq!(items[i as usize]["point"], true, "{}", items[i as usize]);
        assert_eq!(bars.iter().filter(|b| b["item"] == i).count(), 1);
    }
    // Times in the list are in Berlin with UTC beside.
    let row = &view["board"]["rows"][0];
    assert!(row["from"].as_str().unwrap().contains(" UTC)") || row["from"] == "no start");
    if loose_run() {
        let notes = view["notes"].to_string();
        assert!(
            notes.contains("could not be read and are left out"),
            "{notes}"
        );
    }

    // An offer published here for main-stage and a room Watchers does not know, in 2030: the
    // calendar looks both rooms up (the registry held neither) and warns of the unknown one.
    let key = new_draft_key();
    let form = with(OFFER, &[("draft_key", key.as_str())]);
    let r = app
        .call(Some(&moderator), "/api/offers/submit", &form)
        .await;
    assert_eq!(r.status().as_u16(), 403, "a moderator cannot publish");
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let (status, body) = json(app.call(Some(&admin), "/api/offers/submit", &form).await).await;
    assert_eq!(status, 200, "{body}");
    let (_, view) = calendar(&app, &moderator, &[("query[date]", "2030-05-22")]).await;
    let keys = keys(&view);
    assert!(
        keys.contains(&"room:main-stage".to_owned()),
        "{keys:?} {}",
        view["notes"]
    );
    let sentences = view["clashes"].to_string();
    assert!(
        sentences.contains("is aimed at room no-such-room, which the registry does not know, so nobody there will see it."),
        "{sentences}"
    );
    assert!(!sentences.contains("room main-stage,"), "{sentences}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_and_bad_input_keep_the_page_with_a_message_by_the_field() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let (status, view) = calendar(
        &app,
        &admin,
        &[
            ("query[view]", "month"),
            ("query[kinds]", "offer"),
            ("query[date]", "someday"),
        ],
    )
    .await;
    assert_eq!(status, 200);
    let problems = view["problems"].to_string();
    assert!(problems.contains("YYYY-MM-DD"), "{problems}");
    assert_eq!(view["zone"], "UTC");
    assert!(keys(&view).iter().all(|k| k.starts_with("offer:")));
    assert!(view["board"]["days"].as_array().unwrap().len() >= 28);
    // One room: the room, what aims at it, and what aims at everyone.
    let (_, view) = calendar(&app, &admin, &[("query[room]", "main-stage")]).await;
    assert!(view["items"].as_array().unwrap().iter().all(|i| {
        i["everyone"] == true
            || i["rooms"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r == "main-stage")
    }));
    // Signed out: refused.
    let r = app
        .call(None, "/api/plan/calendar", &[("query[view]", "week")])
        .await;
    assert_eq!(r.status().as_u16(), 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_excluded_user_is_blocked_by_the_exclusion_and_another_would_see_it() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let id = global_offer(&app, &admin).await.to_string();
    let r = app
        .call(
            Some(&admin),
            "/api/exclusions/set",
            &[("user_id", "u-no-ads"), ("excluded", "true")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 200);
    let ask = |user: &'static str| {
        let (app, admin, id) = (&app, admin.clone(), id.clone());
        async move {
            json(
                app.call(
                    Some(&admin),
                    "/api/plan/explain",
                    &[("kind", "offer"), ("id", &id), ("query[user]", user)],
                )
                .await,
            )
            .await
        }
    };
    let (status, blocked) = ask("u-no-ads").await;
    assert_eq!(status, 200, "{blocked}");
    assert_eq!(
        blocked["answer"]["verdict"],
        "Blocked by: marketing exclusion."
    );
    assert_eq!(blocked["answer"]["outcome"], "Blocked");
    let (_, shown) = ask("u-fan").await;
    assert_eq!(shown["answer"]["outcome"], "Shows", "{shown}");
    let lines = shown["answer"]["lines"].to_string();
    assert!(
        lines.contains("GLOBAL") && lines.contains("cannot be known here"),
        "{lines}"
    );
    // No user: a message for the field, not a failed page.
    let (status, invalid) = ask(" ").await;
    assert_eq!(status, 422, "{invalid}");
    assert!(invalid.to_string().contains("user"), "{invalid}");
}

/// The "Room status" line of an answer.
fn room_line(explained: &Value) -> &Value {
    explained["answer"]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["check"] == "Room status")
        .unwrap_or_else(|| panic!("a room status line: {explained}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_room_the_registry_does_not_know_is_asked_of_watchers_before_it_is_judged() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let sandbox = app.sandbox.clone().unwrap();
    // The seeded GLOBAL offer, running now: only the room can decide it.
    let ask = |room: &'static str, now: bool| {
        let (app, admin) = (&app, admin.clone());
        async move {
            let mut form = vec![
                ("kind", "offer"),
                ("id", SEEDED_OFFER),
                ("query[user]", "u-fan"),
                ("query[room]", room),
                ("query[at]", "2000-01-01T00:00"),
            ];
            if now {
                form.push(("query[now]", "true"));
            }
            json(app.call(Some(&admin), "/api/plan/explain", &form).await).await
        }
    };

    // Watchers cannot be asked (the offer's GET answers; the room's and its one retry get a
    // 503): not known, not blocked. The registry is empty, so the room is the second request.
    sandbox.set_faults(FaultSettings {
        error_percent: 67,
        ..Default::default()
    });
    let (status, unknown) = ask("tomorrow-preview", true).await;
    sandbox.set_faults(FaultSettings::default());
    assert_eq!(status, 200, "{unknown}");
    assert_eq!(unknown["answer"]["outcome"], "Unknown", "{unknown}");
    let line = room_line(&unknown);
    assert_eq!(line["mark"], "Unknown");
    assert_eq!(
        line["detail"],
        "Whether tomorrow-preview is LIVE then cannot be known: Watchers is not answering right now."
    );
    assert!(
        unknown["answer"]["verdict"]
            .as_str()
            .unwrap()
            .starts_with("Not known: room status"),
        "{unknown}"
    );

    // Watchers answers: the room is judged by its schedule (it starts tomorrow), and the
    // registry keeps it from then on. "Now" wins over the moment typed.
    let (status, soon) = ask("tomorrow-preview", true).await;
    assert_eq!(status, 200, "{soon}");
    assert_eq!(
        room_line(&soon)["detail"],
        "tomorrow-preview is SOON then: nobody is chatting there."
    );
    assert_eq!(soon["answer"]["verdict"], "Blocked by: room status.");
    let (_, list) = json(app.call(Some(&admin), "/api/rooms/list", &[]).await).await;
    assert!(
        list["rooms"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["roomId"] == "tomorrow-preview"),
        "{list}"
    );
    // Without "Now", the moment typed (in 2000, before the offer starts) is the one asked.
    let (_, then) = ask("tomorrow-preview", false).await;
    assert!(
        then["answer"]["verdict"]
            .as_str()
            .unwrap()
            .contains("time window"),
        "{then}"
    );

    // A room Watchers does not have: blocked, and said so.
    let (status, missing) = ask("no-such-room", true).await;
    assert_eq!(status, 200, "{missing}");
    let line = room_line(&missing);
    assert_eq!(line["mark"], "Block");
    assert_eq!(
        line["detail"],
        "Room no-such-room does not exist in Watchers."
    );
    // A room id that cannot be part of an address is refused next to its field.
    let (status, invalid) = ask("a/b", true).await;
    assert_eq!(status, 422, "{invalid}");
}

/// The id of the sandbox's seeded GLOBAL offer ("Double odds tonight").
const SEEDED_OFFER: &str = "8";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_draft_is_checked_before_publishing_and_pages_show_it_without_javascript() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let (status, clashes) = check(
        &app,
        &admin,
        false,
        &[
            ("candidate[start]", "2030-01-02T10:00:00.000Z"),
            ("candidate[end]", "2030-01-01T10:00:00.000Z"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{clashes}");
    assert_eq!(clashes[0]["rule"], "DeleteBeforeSend");
    assert!(
        clashes[0]["sentence"]
            .as_str()
            .unwrap()
            .starts_with("This advertisement is deleted")
    );
    // Editing the GLOBAL offer: checked in place of its published self, never against it.
    let id = global_offer(&app, &admin).await;
    let target = id.to_string();
    let (_, clashes) = check(
        &app,
        &admin,
        true,
        &[
            ("candidate[target]", &target),
            ("candidate[start]", "2020-01-01T00:00:00.000Z"),
            ("candidate[audience_type]", "GLOBAL"),
        ],
    )
    .await;
    let list = clashes.as_array().unwrap();
    assert!(
        list.iter().any(|c| c["rule"] == "OverlappingOffers"),
        "{clashes}"
    );
    assert!(
        list.iter().all(|c| c["keys"][0] != c["keys"][1]),
        "{clashes}"
    );
    // The calendar and an offer's page are complete HTML.
    let page = app
        .get_as(&admin, "/calendar?view=day")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(r#"href="/calendar""#),
        "the navigation links the calendar"
    );
    assert!(page.contains(r#"data-testid="calendar-timeline""#));
    // Today's date is not written into the filter form: after a change of zone (UTC to Tokyo
    // late in a UTC day) the form must show today in Tokyo, not the UTC date's week.
    assert!(
        page.contains(r#"type="date" name="date" value="""#)
            || !page.contains(r#"name="date" value="2"#),
        "an empty date (today) in the form"
    );
    let page = app
        .get_as(&admin, "/calendar?view=day&date=2031-01-02")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(r#"name="date" value="2031-01-02""#),
        "a chosen date stays"
    );
    let page = app
        .get_as(&admin, &format!("/offers/{id}?user=u-fan"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("overlapping-offers"),
        "the offer's page names its clash"
    );
    let item = page
        .split(r#"data-rule="overlapping-offers""#)
        .nth(1)
        .and_then(|rest| rest.split("</li>").next())
        .expect("the clash's item");
    let sentence = item.find("chat users may see both at once.");
    let rule = item.find(r#"class="rule-name""#);
    assert!(
        matches!((sentence, rule), (Some(s), Some(r)) if s < r),
        "the sentence comes first, the rule's name after it: {item}"
    );
    assert!(page.contains(r#"data-testid="verdict""#) && page.contains("Would show"));
}
