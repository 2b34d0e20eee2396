//! The audit log: changes are recorded with who, what and how it ended; filtered; exported.

use crate::support::{ADMIN_PASSWORD, client_from, spawn_app};
use serde_json::Value;
use watchers_dashboard::model::staff::Role;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_are_recorded_filtered_and_exported_for_admins_only() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let added = app
        .call(
            Some(&admin),
            "/api/staff/add",
            &[
                ("username", "Zoe"),
                ("role", "marketing"),
                ("password", "zoe-password-12345"),
            ],
        )
        .await;
    assert_eq!(added.status(), 200);
    let refused = app
        .call(
            Some(&admin),
            "/api/staff/add",
            &[
                ("username", "zoe"),
                ("role", "marketing"),
                ("password", "short"),
            ],
        )
        .await;
    let error: Value = refused.json().await.unwrap();
    assert_eq!(
        error["Invalid"]["field"], "password",
        "the error names its field: {error}"
    );
    // The names the dashboard signs its own entries with are no one else's.
    let reserved = app
        .call(
            Some(&admin),
            "/api/staff/add",
            &[
                ("username", "Dashboard"),
                ("role", "marketing"),
                ("password", "dash-password-12345"),
            ],
        )
        .await;
    assert_eq!(reserved.status(), 422);
    let error: Value = reserved.json().await.unwrap();
    assert_eq!(error["Invalid"]["field"], "username", "{error}");

    let list = |filter: &'static [(&'static str, &'static str)]| {
        let mut form = vec![("page", "0"), ("filter[to]", "")];
        form.extend_from_slice(filter);
        let app = &app;
        let admin = admin.clone();
        async move {
            let r = app.call(Some(&admin), "/api/audit/list", &form).await;
            assert_eq!(r.status(), 200);
            r.json::<Value>().await.unwrap()
        }
    };
    let staff = list(&[("filter[area]", "staff")]).await;
    let entries = staff["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{staff}");
    let e = &entries[0];
    assert_eq!(
        (
            e["actor"].as_str(),
            e["action"].as_str(),
            e["target"].as_str(),
            e["outcome"].as_str()
        ),
        (Some("admin"), Some("add"), Some("zoe"), Some("ok"))
    );
    assert_eq!(e["summary"], "added zoe as marketing");
    assert!(
        !staff.to_string().contains("zoe-password"),
        "no secret in the log"
    );

    let auth = list(&[("filter[area]", "auth"), ("filter[person]", "admin")]).await;
    assert!(
        auth["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "sign_in")
    );
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let everything = list(&[]).await;
    assert!(everything["entries"].as_array().unwrap().len() >= 2);
    assert!(
        everything["entries"][0]["at"]
            .as_str()
            .unwrap()
            .starts_with(&today)
    );
    let future = list(&[("filter[from]", "2999-01-01")]).await;
    assert_eq!(future["entries"].as_array().unwrap().len(), 0);

    let csv = app.get_as(&admin, "/audit.csv?area=staff").await;
    assert_eq!(csv.status(), 200);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = csv.text().await.unwrap();
    assert!(
        text.starts_with("id,at,actor,action,area,target,outcome,summary\n"),
        "{text}"
    );
    assert!(
        text.contains(",admin,add,staff,zoe,ok,added zoe as marketing"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 2);

    app.add_staff("mia", Role::Marketing, "mia-password-1234")
        .await;
    let mia = app.sign_in("mia", "mia-password-1234").await;
    assert_eq!(app.get_as(&mia, "/audit.csv").await.status(), 403);
    let anonymous = app.client.get(app.url("/audit.csv")).send().await.unwrap();
    assert_eq!(
        anonymous.status(),
        303,
        "anonymous visitors are sent to sign in"
    );
    assert_eq!(anonymous.headers()["location"], "/login?next=%2Faudit.csv");
}

/// A username typed into the sign-in form reaches the audit log as it was typed; in the CSV
/// export a cell that a spreadsheet would run as a formula is defused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_formula_typed_as_a_username_is_defused_in_the_csv() {
    let app = spawn_app(&[]).await;
    for attack in [
        "=hyperlink(\"http://x\")",
        "+1+1",
        "-2",
        "@sum(a1)",
        "=cmd|' /c calc'!a0",
    ] {
        let response = app
            .post_login(&client_from([127, 0, 0, 7]), attack, "wrong-password!", "/")
            .await;
        assert_eq!(response.status(), 401, "{attack:?}");
    }
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let text = app
        .get_as(&admin, "/audit.csv?area=auth")
        .await
        .text()
        .await
        .unwrap();
    for line in text
        .lines()
        .skip(1)
        .filter(|l| l.contains("wrong username"))
    {
        let actor = line.split(',').nth(2).unwrap_or("");
        let actor = actor.trim_start_matches('"');
        assert!(actor.starts_with('\''), "a formula cell is defused: {line}");
    }
    assert_eq!(
        text.lines()
            .filter(|l| l.contains("wrong username"))
            .count(),
        5
    );
}
