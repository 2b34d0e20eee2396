//! Real undo over HTTP: a delete keeps a snapshot, "Restore" recreates the item once (a second
//! press sends nothing), a badge's known users come back in chunks, a room keeps its id only
//! while it is free, and the audit log says "restored #old as #new".

use crate::marketing::{OFFER, audit, json, with};
use crate::support::{ADMIN_PASSWORD, TestApp, spawn_app};
use watchers_dashboard::model::draft::new_draft_key;
use watchers_dashboard::model::staff::Role;

/// Publishes the test offer; answers its id.
pub async fn publish_offer(app: &TestApp, cookie: &str) -> i64 {
    let key = new_draft_key();
    let form = with(OFFER, &[("draft_key", key.as_str())]);
    let (status, body) = json(app.call(Some(cookie), "/api/offers/submit", &form).await).await;
    assert_eq!(status, 200, "{body}");
    body["Published"]["id"].as_i64().expect("published id")
}

/// Deletes offer `id`; answers the snapshot kept.
async fn delete_offer(app: &TestApp, cookie: &str, id: i64) -> String {
    let id = id.to_string();
    let form = [("id", id.as_str()), ("name", "x")];
    let (status, kept) = json(app.call(Some(cookie), "/api/offers/delete", &form).await).await;
    assert_eq!(status, 200, "{kept}");
    kept.as_i64().expect("a snapshot").to_string()
}

/// Waits for the sandbox to be quiet (the app's own start-up reads), then answers its count.
pub async fn quiet_hits(app: &TestApp) -> u64 {
    let sandbox = app.sandbox.as_ref().unwrap();
    let mut last = sandbox.hits();
    loop {
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        let now = sandbox.hits();
        if now == last {
            return now;
        }
        last = now;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_offer_is_restored_once_and_the_audit_says_so() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let old = publish_offer(&app, &admin).await;
    let (status, kept) = json(
        app.call(
            Some(&admin),
            "/api/offers/delete",
            &[("id", &old.to_string()), ("name", "Double odds tonight")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{kept}");
    let snapshot = kept.as_i64().expect("a snapshot was kept");
    let (status, _) = json(
        app.call(Some(&admin), "/api/offers/get", &[("id", &old.to_string())])
            .await,
    )
    .await;
    assert_eq!(status, 404, "the offer is gone upstream");

    let (status, deleted) = json(
        app.call(Some(&admin), "/api/undo/list", &[("area", "offers")])
            .await,
    )
    .await;
    assert_eq!(status, 200, "{deleted}");
    assert_eq!(deleted[0]["id"], snapshot);
    assert_eq!(deleted[0]["item_id"], old.to_string());
    assert_eq!(deleted[0]["restore"], "Ready");
    assert_eq!(deleted[0]["record"]["item"]["title"], "Double odds tonight");
    assert_eq!(
        deleted[0]["record"]["report"]["sent_room_ids"],
        serde_json::json!(["main-stage", "no-such-room"]),
        "the ids it was sent to are kept with it"
    );

    let before = quiet_hits(&app).await;
    let id = snapshot.to_string();
    let (status, restored) = json(
        app.call(Some(&admin), "/api/undo/restore", &[("id", &id)])
            .await,
    )
    .await;
    assert_eq!(status, 200, "{restored}");
    let new_id = restored["restore"]["Done"]["as_id"]
        .as_str()
        .expect("the new id")
        .to_owned();
    assert_ne!(new_id, old.to_string(), "a restored offer gets a new id");
    let after_first = quiet_hits(&app).await;
    assert_eq!(after_first - before, 1, "exactly one create was sent");
    let (status, offer) = json(
        app.call(Some(&admin), "/api/offers/get", &[("id", &new_id)])
            .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(offer["item"]["title"], "Double odds tonight");
    assert_eq!(offer["item"]["startTime"], "2030-05-22T12:00:00.000Z");
    assert_eq!(
        offer["report"]["sent_room_ids"],
        serde_json::json!(["main-stage", "no-such-room"])
    );

    let before_second = quiet_hits(&app).await;
    let (status, again) = json(
        app.call(Some(&admin), "/api/undo/restore", &[("id", &id)])
            .await,
    )
    .await;
    assert_eq!(status, 200, "{again}");
    assert_eq!(again["restore"]["Done"]["as_id"], new_id.as_str());
    assert_eq!(
        quiet_hits(&app).await,
        before_second,
        "a second restore sends nothing"
    );

    let entries = audit(&app, &admin, "offers").await;
    let restore = entries
        .iter()
        .find(|e| e["action"] == "restore")
        .expect("a restore entry");
    assert_eq!(
        restore["summary"],
        format!("restored offer #{old} as #{new_id} (“Double odds tonight”)")
    );
    assert_eq!(restore["link"], format!("/offers/{new_id}"));
    let delete = entries.iter().find(|e| e["action"] == "delete").unwrap();
    assert_eq!(delete["link"], format!("/deleted/{snapshot}"));
    assert_eq!(
        entries.iter().filter(|e| e["action"] == "restore").count(),
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_restores_of_one_snapshot_create_one_item() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let old = publish_offer(&app, &admin).await;
    let snapshot = delete_offer(&app, &admin, old).await;
    let before = quiet_hits(&app).await;
    let mut presses = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let request = app
            .client
            .post(app.url("/api/undo/restore"))
            .form(&[("id", snapshot.as_str())])
            .header("accept", "application/json")
            .header("cookie", admin.as_str());
        presses.spawn(async move { request.send().await.expect("restore") });
    }
    let mut ids = Vec::new();
    while let Some(r) = presses.join_next().await {
        let (status, body) = json(r.unwrap()).await;
        assert_eq!(status, 200, "{body}");
        // The first press restores; the others say it is done or under way.
        let restore = &body["restore"];
        assert!(
            restore.get("Done").is_some() || restore.get("InProgress").is_some(),
            "{body}"
        );
        if let Some(id) = restore["Done"]["as_id"].as_str() {
            ids.push(id.to_owned());
        }
    }
    assert_eq!(
        quiet_hits(&app).await - before,
        1,
        "one create for eight presses"
    );
    assert!(
        !ids.is_empty() && ids.iter().all(|id| *id == ids[0]),
        "{ids:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restored_badge_gets_its_known_users_back_in_chunks() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let form = [
        ("form[text]", "VIP"),
        ("form[background_color]", "#123456"),
        ("form[text_color]", "#ffffff"),
        ("form[tooltip]", "Top fan"),
        ("form[communication_title]", "Hello"),
        ("form[communication_text]", "Welcome"),
        ("form[trigger]", "none"),
    ];
    let old: i64 = app
        .call(Some(&admin), "/api/badges/create", &form)
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<String> = (0..600).map(|n| format!("fan-{n:03}")).collect();
    for (chunk, part) in ids.chunks(500).enumerate() {
        let r = app
            .call(
                Some(&admin),
                "/api/badges/users",
                &[
                    ("id", &old.to_string()),
                    ("mode", "replace"),
                    ("ids", &part.join("\n")),
                    ("chunk", &chunk.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status(), 200);
    }
    let (status, kept) = json(
        app.call(
            Some(&admin),
            "/api/badges/delete",
            &[("id", &old.to_string()), ("name", "VIP")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{kept}");
    let snapshot = kept.as_i64().unwrap().to_string();

    let early = app
        .call(Some(&admin), "/api/undo/badge-users", &[("id", &snapshot)])
        .await;
    assert_eq!(early.status(), 422, "users wait for the badge's restore");

    let (status, restored) = json(
        app.call(Some(&admin), "/api/undo/restore", &[("id", &snapshot)])
            .await,
    )
    .await;
    assert_eq!(status, 200, "{restored}");
    assert_eq!(restored["users"]["total"], 600);
    assert_eq!(restored["users"]["sent"], 0);
    let new_id = restored["restore"]["Done"]["as_id"]
        .as_str()
        .unwrap()
        .to_owned();

    // The page: a plain form a chunk a press, which the live island carries on with for "Give
    // back all" (shown once it runs); its live answer draws the same progress.
    let page = app
        .get_as(&admin, &format!("/deleted/{snapshot}"))
        .await
        .text()
        .await
        .unwrap();
    for part in [
        r#"<form id="give-back-users" method="post" action="/api/undo/badge-users""#,
        "0 of 600 known users given back",
        "Give back the next 500 users",
        r#"data-repeat="" data-live-only="" hidden"#,
        "Give back all 600 users",
        "data-more",
        r#"data-repeat-failed="" hidden"#,
        "/api/undo/live-users",
        // The island, and the scripts that run it.
        "<leptos-island",
        ".wasm",
    ] {
        assert!(page.contains(part), "{part} in {page}");
    }
    let live = || async {
        let (status, html) = json(
            app.call(Some(&admin), "/api/undo/live-users", &[("id", &snapshot)])
                .await,
        )
        .await;
        assert_eq!(status, 200, "{html}");
        html.as_str().unwrap().to_owned()
    };
    let answer = live().await;
    assert!(answer.contains(r#"data-live="users""#), "{answer}");
    assert!(answer.contains("0 of 600 known users given back") && answer.contains("data-more"));

    let mut progress = Vec::new();
    for _ in 0..2 {
        let (status, body) = json(
            app.call(Some(&admin), "/api/undo/badge-users", &[("id", &snapshot)])
                .await,
        )
        .await;
        assert_eq!(status, 200, "{body}");
        progress.push(body["sent"].as_u64().unwrap());
    }
    assert_eq!(progress, [500, 600]);
    let answer = live().await;
    assert!(
        answer.contains("600 of 600 known users given back"),
        "{answer}"
    );
    assert!(
        !answer.contains("data-more") && !answer.contains("<button"),
        "nothing left to give back: {answer}"
    );
    let before = quiet_hits(&app).await;
    let (_, done) = json(
        app.call(Some(&admin), "/api/undo/badge-users", &[("id", &snapshot)])
            .await,
    )
    .await;
    assert_eq!(done["sent"], 600);
    assert_eq!(quiet_hits(&app).await, before, "nothing left to send");

    let (_, list) = json(
        app.call(
            Some(&admin),
            "/api/badges/list",
            &[("page", "0"), ("order", "id_desc")],
        )
        .await,
    )
    .await;
    let badge = list
        .as_array()
        .unwrap()
        .iter()
        .map(|record| &record["Read"])
        .find(|b| b["id"].as_i64() == new_id.parse::<i64>().ok())
        .expect("the restored badge is listed");
    assert_eq!(badge["text"], "VIP");
    assert_eq!(badge["userCount"], 600, "{badge}");
    let entries = audit(&app, &admin, "badges").await;
    assert!(entries.iter().any(|e| e["action"] == "restore users"
        && e["summary"].as_str().unwrap().contains("(600 of 600)")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_room_comes_back_under_its_id_only_while_it_is_free() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    assert_eq!(create_room(&app, &admin, "late-show").await, 200);
    let (status, kept) = json(
        app.call(
            Some(&admin),
            "/api/rooms/delete",
            &[("room_id", "late-show"), ("name", "Late show")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{kept}");
    let snapshot = kept["Deleted"]["kept"].as_i64().unwrap().to_string();
    assert_eq!(
        create_room(&app, &admin, "late-show").await,
        200,
        "someone took the id"
    );

    let (status, taken) = json(
        app.call(Some(&admin), "/api/undo/restore", &[("id", &snapshot)])
            .await,
    )
    .await;
    assert_eq!(status, 422, "{taken}");
    assert_eq!(taken["Invalid"]["field"], "room_id");
    let (status, restored) = json(
        app.call(
            Some(&admin),
            "/api/undo/restore",
            &[("id", &snapshot), ("room_id", "late-show-2")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{restored}");
    assert_eq!(restored["restore"]["Done"]["as_id"], "late-show-2");
    let (status, room) = json(
        app.call(
            Some(&admin),
            "/api/rooms/look-up",
            &[("room_id", "late-show-2")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{room}");
    assert_eq!(room["name"], "Late show");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_roles_that_delete_an_area_see_or_restore_its_deleted_items() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    app.add_staff("mod", Role::Moderator, "moderator-password-1")
        .await;
    let moderator = app.sign_in("mod", "moderator-password-1").await;
    let old = publish_offer(&app, &admin).await;
    let snapshot = delete_offer(&app, &admin, old).await;
    for (path, form) in [
        ("/api/undo/list", vec![("area", "offers")]),
        ("/api/undo/get", vec![("id", snapshot.as_str())]),
        ("/api/undo/restore", vec![("id", snapshot.as_str())]),
    ] {
        let r = app.call(Some(&moderator), path, &form).await;
        assert_eq!(r.status(), 403, "{path}");
    }
    let (status, page) = {
        let r = app
            .get_as(&admin, &format!("/offers?deleted={snapshot}"))
            .await;
        (r.status(), r.text().await.unwrap())
    };
    assert_eq!(status, 200);
    assert!(page.contains("data-testid=\"deleted-notice\""), "{page}");
    assert!(page.contains("Restore offer"));
}

async fn create_room(app: &TestApp, cookie: &str, room_id: &str) -> u16 {
    let form = [
        ("form[room_id]", room_id),
        ("form[name]", "Late show"),
        ("form[about]", "Talk after the match"),
        ("form[tz_offset_minutes]", "0"),
    ];
    app.call(Some(cookie), "/api/rooms/create", &form)
        .await
        .status()
        .as_u16()
}
