//! Offers, advertisements, drafts and exclusions through their server functions over HTTP:
//! publishing with the targeting report, drafts that survive a failed publish, nothing sent
//! when the form is invalid, and the audit log.

use crate::support::{ADMIN_PASSWORD, TestApp, spawn_app};
use serde_json::Value;
use watchers_dashboard::model::draft::new_draft_key;
use watchers_dashboard::sandbox::FaultSettings;

pub const OFFER: &[(&str, &str)] = &[
    ("intent", "publish"),
    ("form[template]", "10"),
    ("form[title]", "Double odds tonight"),
    ("form[text]", "Only in the chat"),
    ("form[link]", "https://www.watchers.io/"),
    ("form[link_text]", "Claim"),
    ("form[alignment]", "center"),
    ("form[bg_color]", "#736969"),
    ("form[btn_color]", "#1890bf"),
    ("form[btn_text_color]", "#fff"),
    ("form[text_color]", "#000"),
    ("form[gradient]", "on"),
    ("form[gradient_from]", "#60e753"),
    ("form[gradient_to]", "#e4efe7"),
    ("form[gradient_direction]", "135deg"),
    ("form[start][local]", "2030-05-22T14:00"),
    ("form[start][offset]", "-120"),
    ("form[tz_offset_minutes]", "-60"),
    ("form[show_frequency]", "DAILY"),
    ("form[show_delay_ms]", "0"),
    ("form[audience]", "ROOM"),
    ("form[room_ids]", "main-stage\nno-such-room"),
];

/// An advertisement for room main-stage, in English, published at once.
pub const AD: &[(&str, &str)] = &[
    ("intent", "publish"),
    ("form[template]", "2"),
    ("form[open_type]", "NEW_WINDOW"),
    ("form[room_ids]", "main-stage"),
    ("form[langs][0][lang]", "en"),
    ("form[langs][0][title]", "Big match"),
    ("form[langs][0][text]", "Watch with us"),
    ("form[langs][0][link]", "https://watchers.io"),
    ("form[langs][0][link_text]", "More"),
];

pub fn with<'a>(
    base: &[(&'a str, &'a str)],
    changes: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut form: Vec<_> = base
        .iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .copied()
        .collect();
    form.extend_from_slice(changes);
    form
}

pub async fn json(r: reqwest::Response) -> (u16, Value) {
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// Publishes [`AD`] with `changes` as `cookie`; answers the new advertisement's id.
pub async fn publish_ad(app: &TestApp, cookie: &str, changes: &[(&str, &str)]) -> i64 {
    let key = new_draft_key();
    let form = with(&with(AD, &[("draft_key", key.as_str())]), changes);
    let (status, body) = json(
        app.call(Some(cookie), "/api/advertisements/submit", &form)
            .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body["Published"]["id"].as_i64().expect("published id")
}

pub async fn audit(app: &TestApp, cookie: &str, area: &str) -> Vec<Value> {
    let r = app
        .call(
            Some(cookie),
            "/api/audit/list",
            &[("page", "0"), ("filter[area]", area)],
        )
        .await;
    r.json::<Value>().await.unwrap()["entries"]
        .as_array()
        .unwrap()
        .clone()
}

pub async fn drafts(app: &TestApp, cookie: &str, kind: &str) -> Vec<Value> {
    let (_, body) = json(
        app.call(Some(cookie), "/api/drafts/list", &[("kind", kind)])
            .await,
    )
    .await;
    body.as_array().cloned().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_room_offer_is_published_and_the_unknown_room_reported_unavailable() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let key = new_draft_key();
    let form = with(OFFER, &[("draft_key", key.as_str())]);
    let (status, body) = json(app.call(Some(&admin), "/api/offers/submit", &form).await).await;
    assert_eq!(status, 200, "{body}");
    let id = body["Published"]["id"].as_i64().expect("published id");

    let (status, offer) = json(
        app.call(Some(&admin), "/api/offers/get", &[("id", &id.to_string())])
            .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(offer["item"]["title"], "Double odds tonight");
    assert_eq!(
        offer["item"]["startTime"], "2030-05-22T12:00:00.000Z",
        "local time sent as UTC"
    );
    assert_eq!(offer["item"]["templateData"]["gradientDirection"], "135deg");
    let targeting = &offer["report"]["targeting"];
    assert_eq!(
        targeting["availableExternalRoomIds"],
        serde_json::json!(["main-stage"])
    );
    assert_eq!(
        targeting["unavailableExternalRoomIds"],
        serde_json::json!(["no-such-room"])
    );
    assert_eq!(offer["report"]["published_by"], "admin");

    assert!(
        drafts(&app, &admin, "offer").await.is_empty(),
        "a published draft is gone"
    );
    let entries = audit(&app, &admin, "offers").await;
    assert!(entries.iter().any(|e| {
        e["action"] == "create"
            && e["outcome"] == "ok"
            && e["summary"]
                .as_str()
                .unwrap()
                .contains("Double odds tonight")
    }));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_publish_sends_nothing_and_keeps_the_draft() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let sandbox = app.sandbox.clone().unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let before = sandbox.hits();
    let key = new_draft_key();
    let form = with(
        OFFER,
        &[
            ("draft_key", key.as_str()),
            ("form[link]", "javascript:alert(1)"),
        ],
    );
    let (status, body) = json(app.call(Some(&admin), "/api/offers/submit", &form).await).await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"]["field"], "link");
    assert_eq!(sandbox.hits(), before, "nothing reached Watchers");

    let (status, draft) = json(
        app.call(Some(&admin), "/api/offers/get-draft", &[("key", &key)])
            .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        draft["form"]["link"], "javascript:alert(1)",
        "what was typed is kept"
    );
    assert!(
        draft["summary"]["last_error"]
            .as_str()
            .unwrap()
            .contains("http")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_publish_is_sent_once_and_keeps_the_draft_with_the_reason() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let sandbox = app.sandbox.clone().unwrap();
    let key = new_draft_key();
    let saved = with(OFFER, &[("draft_key", key.as_str()), ("intent", "draft")]);
    let (status, body) = json(app.call(Some(&admin), "/api/offers/submit", &saved).await).await;
    assert_eq!(status, 200);
    assert_eq!(body["DraftSaved"]["key"], key.as_str());

    sandbox.set_faults(FaultSettings {
        error_percent: 100,
        ..Default::default()
    });
    let before = sandbox.hits();
    let form = with(OFFER, &[("draft_key", key.as_str())]);
    let (status, body) = json(app.call(Some(&admin), "/api/offers/submit", &form).await).await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(sandbox.hits(), before + 1, "a POST is never retried");
    sandbox.set_faults(FaultSettings::default());

    let list = drafts(&app, &admin, "offer").await;
    assert_eq!(list.len(), 1, "one draft, saved then failed: {list:?}");
    assert_eq!(list[0]["key"], key.as_str());
    assert!(
        list[0]["last_error"]
            .as_str()
            .unwrap()
            .contains("not answering")
    );
    let entries = audit(&app, &admin, "offers").await;
    assert!(
        entries
            .iter()
            .any(|e| e["action"] == "create" && e["outcome"] == "failed")
    );
    assert!(entries.iter().any(|e| e["action"] == "save draft"));

    // Publishing the kept draft later works and removes it.
    let (status, _) = json(app.call(Some(&admin), "/api/offers/submit", &form).await).await;
    assert_eq!(status, 200);
    assert!(drafts(&app, &admin, "offer").await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_two_language_advertisement_and_a_winshare() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let second_language = [
        ("form[langs][1][lang]", "de"),
        ("form[langs][1][title]", "Großes Spiel"),
        ("form[langs][1][text]", "Schau mit uns"),
        ("form[langs][1][link]", "https://watchers.io/de"),
        ("form[langs][1][link_text]", "Mehr"),
    ];
    let id = publish_ad(&app, &admin, &second_language).await.to_string();
    let (_, ad) = json(
        app.call(Some(&admin), "/api/advertisements/get", &[("id", &id)])
            .await,
    )
    .await;
    let langs: Vec<&str> = ad["item"]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["en", "de"]);
    assert_eq!(ad["item"]["data"][1]["title"], "Großes Spiel");
    assert_eq!(
        ad["report"]["targeting"]["availableExternalRoomIds"],
        serde_json::json!(["main-stage"])
    );

    let winshare = [
        ("form[template]", "12"),
        ("form[user_id]", "123"),
        ("form[langs][0][title]", "Release the kraken"),
        ("form[langs][0][text]", "multiplier"),
        ("form[langs][0][link]", "https://watchers.io/"),
        ("form[langs][0][link_text]", "won 234$"),
    ];
    let id = publish_ad(&app, &admin, &winshare).await.to_string();
    let (_, ad) = json(
        app.call(Some(&admin), "/api/advertisements/get", &[("id", &id)])
            .await,
    )
    .await;
    assert_eq!(ad["item"]["template"], 12);
    assert_eq!(ad["report"]["sent_user_ids"], serde_json::json!(["123"]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_excluded_user_is_reported_unavailable_until_included_again() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let set = |excluded: &'static str| {
        let app = &app;
        let admin = admin.clone();
        async move {
            app.call(
                Some(&admin),
                "/api/exclusions/set",
                &[("user_id", " fan-42 "), ("excluded", excluded)],
            )
            .await
            .status()
            .as_u16()
        }
    };
    assert_eq!(set("true").await, 200);
    let publish_to_fan = || async {
        let key = new_draft_key();
        let form = with(
            OFFER,
            &[
                ("draft_key", key.as_str()),
                ("form[audience]", "USER"),
                ("form[user_ids]", "fan-42"),
            ],
        );
        let (_, body) = json(app.call(Some(&admin), "/api/offers/submit", &form).await).await;
        let id = body["Published"]["id"].as_i64().unwrap().to_string();
        let (_, offer) = json(
            app.call(Some(&admin), "/api/offers/get", &[("id", &id)])
                .await,
        )
        .await;
        offer["report"]["targeting"]["unavailableExternalUserIds"].clone()
    };
    assert_eq!(publish_to_fan().await, serde_json::json!(["fan-42"]));
    assert_eq!(set("false").await, 200);
    assert_eq!(publish_to_fan().await, serde_json::json!([]));

    let (_, list) = json(app.call(Some(&admin), "/api/exclusions/list", &[]).await).await;
    let first = &list["entries"][0];
    assert_eq!(first["user_id"], "fan-42");
    assert_eq!(first["excluded"], false);
    // No zone known yet: UTC, readable, and the page asks the browser for its zone.
    let changed = first["changed"].as_str().unwrap();
    assert!(
        changed.ends_with(" UTC") && !changed.contains('Z'),
        "{changed}"
    );
    assert_eq!(list["zone_label"], "UTC");
    assert_eq!(list["detect_zone"], true);
    let entries = audit(&app, &admin, "exclusions").await;
    assert_eq!(entries.len(), 2);
    let (status, body) = json(
        app.call(
            Some(&admin),
            "/api/exclusions/set",
            &[("user_id", " "), ("excluded", "true")],
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, body["Invalid"]["field"].as_str()),
        (422, Some("user_id"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_draft_key_is_checked_and_kept_to_its_kind() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let bad = with(OFFER, &[("draft_key", "../../etc"), ("intent", "draft")]);
    let (status, body) = json(app.call(Some(&admin), "/api/offers/submit", &bad).await).await;
    assert_eq!(
        (status, body["Invalid"]["field"].as_str()),
        (422, Some("draft_key"))
    );

    let key = new_draft_key();
    let offer = with(OFFER, &[("draft_key", key.as_str()), ("intent", "draft")]);
    assert_eq!(
        app.call(Some(&admin), "/api/offers/submit", &offer)
            .await
            .status(),
        200
    );
    let ad = [
        ("draft_key", key.as_str()),
        ("intent", "draft"),
        ("form[template]", "2"),
    ];
    let (status, _) = json(
        app.call(Some(&admin), "/api/advertisements/submit", &ad)
            .await,
    )
    .await;
    assert_eq!(
        status, 422,
        "an offer's draft cannot be overwritten as an advertisement"
    );

    let (status, _) = json(
        app.call(
            Some(&admin),
            "/api/drafts/delete",
            &[("kind", "offer"), ("key", &key)],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    assert!(drafts(&app, &admin, "offer").await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn published_items_are_edited_in_place() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    // The seeded offer 8 becomes an image offer (template 11), sent as a PATCH.
    let key = new_draft_key();
    let image = [
        ("draft_key", key.as_str()),
        ("offer_id", "8"),
        ("intent", "publish"),
        ("form[template]", "11"),
        ("form[pic]", "https://watchers.io/hand.webp"),
        ("form[link]", "https://www.watchers.io/"),
        ("form[start][local]", "2030-01-10T09:00"),
        // PATCH merges: the seeded end would stay, so the edit sends its own.
        ("form[end][local]", "2030-01-20T09:00"),
        ("form[show_frequency]", "ON_ENTRY"),
        ("form[show_delay_ms]", "1500"),
        ("form[audience]", "GLOBAL"),
    ];
    let (status, body) = json(app.call(Some(&admin), "/api/offers/submit", &image).await).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["Published"]["id"], 8);
    let (_, offer) = json(
        app.call(Some(&admin), "/api/offers/get", &[("id", "8")])
            .await,
    )
    .await;
    assert_eq!(offer["item"]["template"], 11);
    assert_eq!(offer["item"]["pic"], "https://watchers.io/hand.webp");
    assert_eq!(offer["item"]["showDelayMS"], 1500);
    assert_eq!(offer["item"]["showFrerquency"]["text"], "ON_ENTRY");

    // The seeded advertisement 10 gets a second language.
    let key = new_draft_key();
    let ad = [
        ("draft_key", key.as_str()),
        ("advertisement_id", "10"),
        ("intent", "publish"),
        ("form[template]", "2"),
        ("form[langs][0][lang]", "en"),
        ("form[langs][0][title]", "Edited"),
        ("form[langs][1][lang]", "es"),
        ("form[langs][1][title]", "Editado"),
    ];
    let (status, body) = json(
        app.call(Some(&admin), "/api/advertisements/submit", &ad)
            .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (_, ad) = json(
        app.call(Some(&admin), "/api/advertisements/get", &[("id", "10")])
            .await,
    )
    .await;
    assert_eq!(ad["item"]["data"][1]["title"], "Editado");
    let entries = audit(&app, &admin, "advertisements").await;
    assert!(
        entries
            .iter()
            .any(|e| e["action"] == "update" && e["target"] == "10")
    );
}

/// Accepted upstream (2xx) with an answer that cannot be read: reported and audited as done, the
/// draft kept and marked published, sent exactly once, and a second publish refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_publish_whose_answer_cannot_be_read_is_done_and_never_sent_twice() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let sandbox = app.sandbox.clone().unwrap();
    let listed = || async {
        let (_, list) = json(
            app.call(Some(&admin), "/api/offers/list", &[("page", "0")])
                .await,
        )
        .await;
        list.as_array().unwrap().len()
    };
    let offers_before = listed().await;
    let key = new_draft_key();
    let form = with(OFFER, &[("draft_key", key.as_str())]);
    sandbox.set_faults(FaultSettings {
        garbage: true,
        ..Default::default()
    });
    let before = sandbox.hits();
    let (status, body) = json(app.call(Some(&admin), "/api/offers/submit", &form).await).await;
    assert_eq!(sandbox.hits(), before + 1, "one POST");
    sandbox.set_faults(FaultSettings::default());
    assert_eq!(status, 200, "a 2xx is a success: {body}");
    assert_eq!(body["PublishedUnread"]["key"], key.as_str(), "{body}");
    assert!(
        body["PublishedUnread"]["note"]
            .as_str()
            .unwrap()
            .contains("not JSON")
    );
    assert_eq!(listed().await, offers_before + 1, "it was created, once");

    let list = drafts(&app, &admin, "offer").await;
    assert_eq!(list.len(), 1, "the draft is kept: {list:?}");
    assert!(list[0]["published_note"].is_string(), "{list:?}");
    let entries = audit(&app, &admin, "offers").await;
    let created = entries
        .iter()
        .find(|e| e["action"] == "create")
        .expect("audited");
    assert_eq!(created["outcome"], "ok");
    assert!(
        created["summary"]
            .as_str()
            .unwrap()
            .contains("the answer could not be read"),
        "{created}"
    );

    let html = app
        .get_as(&admin, &format!("/offers/drafts/{key}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("data-testid=\"published-unread\""),
        "the draft says so"
    );

    let before = sandbox.hits();
    let (status, body) = json(app.call(Some(&admin), "/api/offers/submit", &form).await).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("already published"), "{body}");
    assert_eq!(sandbox.hits(), before, "nothing sent again");
}

/// A badge created with an answer that cannot be read goes to the list, which says so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_badge_created_with_an_unreadable_answer_is_done() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let sandbox = app.sandbox.clone().unwrap();
    sandbox.set_faults(FaultSettings {
        garbage: true,
        ..Default::default()
    });
    let form = [
        ("form[text]", "Answerless"),
        ("form[background_color]", "#000000"),
        ("form[text_color]", "#ffffff"),
        ("form[tooltip]", "t"),
        ("form[communication_title]", "t"),
        ("form[communication_text]", "t"),
        ("form[trigger]", "none"),
    ];
    let before = sandbox.hits();
    let response = app.call(Some(&admin), "/api/badges/create", &form).await;
    assert_eq!(sandbox.hits(), before + 1, "one POST");
    sandbox.set_faults(FaultSettings::default());
    assert_eq!(response.status(), 200);
    let (_, body) = json(response).await;
    assert_eq!(body, Value::Null, "no id known");
    let html = app
        .get_as(&admin, "/badges?notice=created-unread")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("data-testid=\"created-unread\""));
    assert!(html.contains("Answerless"), "it was created");
    let entries = audit(&app, &admin, "badges").await;
    assert_eq!(entries[0]["outcome"], "ok", "{entries:?}");
}
