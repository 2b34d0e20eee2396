//! The badge server functions over HTTP: validation before anything is sent, the audit log, user
//! chunks (each noted with its audit entry, in one transaction), and an upstream failure that is
//! reported, audited and not retried.

use crate::support::{ADMIN_PASSWORD, BADGE_FORM, TestApp, spawn_app};
use serde_json::Value;
use watchers_dashboard::sandbox::FaultSettings;

async fn settled(app: &TestApp) -> u64 {
    let sandbox = app.sandbox.as_ref().unwrap();
    for _ in 0..50 {
        if sandbox.hits() > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    sandbox.hits()
}

async fn audit(app: &TestApp, cookie: &str) -> Vec<Value> {
    let r = app
        .call(
            Some(cookie),
            "/api/audit/list",
            &[("page", "0"), ("filter[area]", "badges")],
        )
        .await;
    r.json::<Value>().await.unwrap()["entries"]
        .as_array()
        .unwrap()
        .clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_forms_are_refused_before_anything_is_sent() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let before = settled(&app).await;
    let mut form = BADGE_FORM.to_vec();
    let long = "x".repeat(141);
    form[3] = ("form[tooltip]", long.as_str());
    let r = app.call(Some(&admin), "/api/badges/create", &form).await;
    assert_eq!(r.status(), 422);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["Invalid"]["field"], "tooltip");
    assert_eq!(
        body["Invalid"]["message"],
        "Tooltip is limited to 140 characters (141 now)."
    );
    assert_eq!(
        app.sandbox.as_ref().unwrap().hits(),
        before,
        "nothing reached Watchers"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_badge_is_created_listed_audited_and_given_to_users_in_chunks() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let r = app
        .call(Some(&admin), "/api/badges/create", BADGE_FORM)
        .await;
    assert_eq!(r.status(), 200);
    let id: i64 = r.json().await.unwrap();

    let ids: Vec<String> = (0..600).map(|n| format!("user-{n}")).collect();
    let too_many = app
        .call(
            Some(&admin),
            "/api/badges/users",
            &[
                ("id", &id.to_string()),
                ("mode", "add"),
                ("ids", &ids.join("\n")),
            ],
        )
        .await;
    assert_eq!(too_many.status(), 422, "{:?}", too_many.text().await);
    for (chunk, part) in ids.chunks(500).enumerate() {
        let r = app
            .call(
                Some(&admin),
                "/api/badges/users",
                &[
                    ("id", &id.to_string()),
                    ("mode", "replace"),
                    ("ids", &part.join(",")),
                    ("chunk", &chunk.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status(), 200);
        let changed: Value = r.json().await.unwrap();
        assert_eq!(changed["added"], part.len());
    }
    let list = app
        .call(
            Some(&admin),
            "/api/badges/list",
            &[("page", "0"), ("order", "id_desc")],
        )
        .await;
    let list: Value = list.json().await.unwrap();
    let created = list
        .as_array()
        .unwrap()
        .iter()
        .map(|record| &record["Read"])
        .find(|b| b["id"] == id)
        .expect("listed");
    assert_eq!(created["userCount"], 600);
    // Each chunk's users were noted with its audit entry (what a deleted badge's restore gives
    // back).
    let mut known = watchers_dashboard::server::badges::assigned::known(&app.db, id)
        .await
        .unwrap();
    known.sort();
    let mut given = ids.clone();
    given.sort();
    assert_eq!(known, given);
    assert_eq!(created["trigger"]["messageCount"], 10);
    assert_eq!(created["text"], "⭐ Star");

    let entries = audit(&app, &admin).await;
    let actions: Vec<&str> = entries
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        vec!["add_users", "replace_users", "create"],
        "newest first"
    );
    assert_eq!(entries[2]["summary"], "created badge “⭐ Star”");
    assert!(entries.iter().all(|e| e["outcome"] == "ok"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upstream_failure_is_reported_audited_and_not_retried() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let sandbox = app.sandbox.clone().unwrap();
    let before = settled(&app).await;
    sandbox.set_faults(FaultSettings {
        error_percent: 100,
        ..Default::default()
    });
    let r = app
        .call(Some(&admin), "/api/badges/create", BADGE_FORM)
        .await;
    assert_eq!(r.status(), 503);
    let body: Value = r.json().await.unwrap();
    assert_eq!(
        body,
        serde_json::json!({"Unavailable": {"platform": "watchers"}})
    );
    assert_eq!(
        sandbox.hits(),
        before + 1,
        "the POST reached Watchers exactly once"
    );
    let entries = audit(&app, &admin).await;
    assert_eq!(entries[0]["outcome"], "failed");
    assert!(
        entries[0]["summary"]
            .as_str()
            .unwrap()
            .starts_with("created badge “⭐ Star” (failed:")
    );

    sandbox.set_faults(FaultSettings::default());
    let gone = app
        .call(
            Some(&admin),
            "/api/badges/delete",
            &[("id", "99999"), ("name", "ghost")],
        )
        .await;
    assert_eq!(gone.status(), 404);
    let body: Value = gone.json().await.unwrap();
    assert_eq!(body["NotFound"]["what"], "Badge 99999");
}

/// The users the dashboard gives or takes are recorded, a chunk sent as one JSON list, on either
/// database: more than a chunk, a repeat, a removal, a new list, and ids that JSON must escape.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_users_given_a_badge_are_recorded() {
    use watchers_dashboard::model::badge::UsersMode;
    use watchers_dashboard::server::badges::assigned;
    let app = spawn_app(&[]).await;
    let ids: Vec<String> = (0..1200).map(|i| format!("user-{i:04}")).collect();
    let note = |mode, chunk, ids: &[String]| {
        let (db, ids) = (app.db.clone(), ids.to_vec());
        async move { assigned::note(&db, 7, mode, chunk, &ids).await.unwrap() }
    };
    note(UsersMode::Replace, 0, &ids[..600]).await;
    note(UsersMode::Replace, 1, &ids[600..]).await;
    note(UsersMode::Add, 0, &ids[..10]).await;
    assert_eq!(assigned::known(&app.db, 7).await.unwrap(), ids, "each once");
    note(UsersMode::Remove, 0, &ids[..700]).await;
    assert_eq!(assigned::known(&app.db, 7).await.unwrap(), &ids[700..]);
    note(UsersMode::Replace, 0, &ids[..3]).await;
    assert_eq!(assigned::known(&app.db, 7).await.unwrap(), &ids[..3]);
    assert!(assigned::known(&app.db, 8).await.unwrap().is_empty());
    let odd: Vec<String> = ["a\"quote", "back\\slash", "ünïcode-名前", "tab\tin", "[1]"]
        .map(String::from)
        .into();
    note(UsersMode::Add, 1, &odd).await;
    // As sets: how a database sorts such ids is its own collation's.
    let known = || async {
        let mut known = assigned::known(&app.db, 7).await.unwrap();
        known.sort();
        known
    };
    let mut expected: Vec<String> = ids[..3].iter().chain(&odd).cloned().collect();
    expected.sort();
    assert_eq!(known().await, expected);
    note(UsersMode::Remove, 0, &odd[..2]).await;
    expected.retain(|id| !odd[..2].contains(id));
    assert_eq!(known().await, expected);
    note(UsersMode::Add, 2, &[]).await;
}

/// The writes that follow a change (its audit entry, the version that tells other replicas, the
/// users a badge was given) go in one transaction; when one of them cannot be made, the others
/// are made on their own, so the audit entry is not lost with it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_that_cannot_be_made_takes_no_other_with_it() {
    use watchers_dashboard::model::badge::UsersMode;
    use watchers_dashboard::server::db::audit::Entry;
    use watchers_dashboard::server::db::batch::{self, Write};
    use watchers_dashboard::server::versions::Topic;
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let ids = vec!["user-1".to_owned(), "user-2".to_owned()];
    let entry = |summary| Entry {
        actor: "admin",
        action: "add_users",
        area: "badges",
        target: Some("7"),
        outcome: "ok",
        summary,
        link: None,
    };
    let users = Write::BadgeUsers {
        badge: 7,
        mode: UsersMode::Add,
        chunk: 0,
        ids: &ids,
    };
    let together = [
        Write::Audit(entry("together")),
        Write::Bump(Topic::Upstream),
        users,
    ];
    batch::commit(&app.db, &together).await.unwrap();
    assert_eq!(
        watchers_dashboard::server::badges::assigned::known(&app.db, 7)
            .await
            .unwrap(),
        ids
    );

    sqlx::query("DROP TABLE badge_assignments")
        .execute(&app.db)
        .await
        .unwrap();
    let apart = [
        Write::Audit(entry("apart")),
        Write::Bump(Topic::Upstream),
        users,
    ];
    assert!(
        batch::commit(&app.db, &apart).await.is_err(),
        "the users could not be noted, and that is answered"
    );
    let summaries: Vec<Value> = audit(&app, &admin)
        .await
        .iter()
        .map(|e| e["summary"].clone())
        .collect();
    assert_eq!(summaries, vec!["apart", "together"], "newest first");
}
