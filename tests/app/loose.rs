//! The dashboard against a sandbox in loose mode (a live API that drifted from its documents):
//! every list page shows the records it can read, marks the one it cannot, and shows the raw
//! record to administrators only; the health probe still calls the API answering.

use crate::support::{ADMIN_PASSWORD, TestApp, spawn_app};
use serde_json::Value;
use watchers_dashboard::model::staff::Role;

const LOOSE: &[(&str, &str)] = &[("WATCHERS_SANDBOX_LOOSE", "1")];

async fn page(app: &TestApp, cookie: &str, path: &str) -> String {
    let response = app.get_as(cookie, path).await;
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_pages_show_every_readable_record_and_mark_the_unreadable_one() {
    let app = spawn_app(LOOSE).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    for (path, good, odd) in [
        ("/badges", "⭐ VIP", "Drifted"),
        ("/offers", "Double odds tonight", "Drifted offer"),
        ("/advertisements", "Season pass", "/advertisements/900001"),
    ] {
        let html = page(&app, &admin, path).await;
        assert!(html.contains(good), "{path}: a documented record is shown");
        assert!(
            html.contains(odd),
            "{path}: the odd but readable record is shown"
        );
        assert_eq!(
            html.matches("data-testid=\"unreadable-row\"").count(),
            1,
            "{path}: one record is marked unreadable"
        );
        assert!(
            html.contains("data-record-id=\"900002\""),
            "{path}: with its id"
        );
        assert!(
            html.contains("could not be read"),
            "{path}: says what happened"
        );
        assert!(
            html.contains("As it came from the API"),
            "{path}: administrators see the raw record"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_administrators_are_sent_the_raw_record() {
    let app = spawn_app(LOOSE).await;
    app.add_staff("mia", Role::Marketing, "mia-password-1234")
        .await;
    let marketing = app.sign_in("mia", "mia-password-1234").await;
    let html = page(&app, &marketing, "/badges").await;
    assert!(html.contains("data-record-id=\"900002\""));
    assert!(!html.contains("As it came from the API"));
    // `"userCount":"many"` is only in the raw record.
    for raw in ["\"many\"", "&quot;many&quot;", "\\\"many\\\""] {
        assert!(!html.contains(raw), "no raw JSON in the page: {raw}");
    }

    let answer = |cookie: String| {
        let app = &app;
        async move {
            let response = app
                .call(
                    Some(&cookie),
                    "/api/badges/list",
                    &[("page", "0"), ("order", "id_desc")],
                )
                .await;
            assert_eq!(response.status(), 200);
            let list: Vec<Value> = response.json().await.unwrap();
            list.into_iter()
                .find_map(|record| record.get("Unreadable").cloned())
                .expect("an unreadable record")
        }
    };
    let seen_by_marketing = answer(marketing).await;
    assert_eq!(seen_by_marketing["id"], "900002");
    assert_eq!(seen_by_marketing["raw"], Value::Null);
    let seen_by_admin = answer(app.sign_in("admin", ADMIN_PASSWORD).await).await;
    assert!(
        seen_by_admin["raw"]
            .as_str()
            .is_some_and(|raw| raw.contains("\"many\"")),
        "{seen_by_admin}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_health_probe_judges_the_answer_not_the_shape_of_a_record() {
    let app = spawn_app(LOOSE).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let (status, body) = app.get_text("/healthz").await;
        assert_eq!(status, 200);
        let body: Value = serde_json::from_str(&body).unwrap();
        if body["upstream"]["answered_recently"] == true {
            assert_eq!(body["upstream"]["last_failure"], Value::Null, "{body}");
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{body}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn detail_pages_and_edits_read_the_loose_shapes() {
    let app = spawn_app(LOOSE).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    // GET advertisement by id answers the object, not the documented array.
    let response = app
        .call(Some(&admin), "/api/advertisements/get", &[("id", "10")])
        .await;
    assert_eq!(response.status(), 200);
    // The odd offer: its look is kept and shown as it came, its older frequency too.
    let html = page(&app, &admin, "/offers/900001").await;
    assert!(html.contains("data-testid=\"look-as-sent\""), "{html}");
    assert!(html.contains("{not json"));
    assert!(html.contains(">GLOBAL"), "the older value, as it came");
    // Editing it does not replace the look it could not read without being asked.
    let edit = page(&app, &admin, "/offers/900001/edit").await;
    assert!(edit.contains("Replace it with the look below"), "{edit}");
    assert!(
        edit.contains("GLOBAL (as Watchers holds it"),
        "the value kept in the form"
    );

    // The odd advertisement: its `data` is not JSON, kept and shown; editing asks before
    // replacing it.
    let html = page(&app, &admin, "/advertisements/900001").await;
    assert!(html.contains("data-testid=\"data-as-sent\""), "{html}");
    assert!(html.contains("not json"));
    let edit = page(&app, &admin, "/advertisements/900001/edit").await;
    assert!(
        edit.contains("Replace them with the languages below"),
        "{edit}"
    );

    // The odd badge has no text colour: its editor says so at once and keeps the value empty.
    let edit = page(&app, &admin, "/badges/900001/edit").await;
    assert!(edit.contains("data-testid=\"as-held\""), "{edit}");
    assert!(edit.contains("Text colour"), "names what to correct");

    // An edit of a published offer answered with the older PATCH wrapper (no id) is done.
    let key = watchers_dashboard::model::draft::new_draft_key();
    let form = [
        ("draft_key", key.as_str()),
        ("offer_id", "8"),
        ("intent", "publish"),
        ("form[template]", "11"),
        ("form[pic]", "https://watchers.io/pic.png"),
        ("form[link]", "https://watchers.io/"),
        ("form[start][local]", "2030-05-22T14:00"),
        ("form[start][offset]", "0"),
        ("form[show_frequency]", "DAILY"),
        ("form[show_delay_ms]", "0"),
        ("form[audience]", "GLOBAL"),
    ];
    let response = app.call(Some(&admin), "/api/offers/submit", &form).await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["Published"]["id"], 8, "{body}");
}

/// Hostile values from upstream reach no style, no `src` and no markup: the odd badge's colour
/// `red;position:fixed;inset:0`, picture `javascript:alert(1)` and tooltip `</style><script>…`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_values_from_upstream_are_shown_as_text_with_a_warning() {
    let app = spawn_app(LOOSE).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    for path in ["/badges", "/badges/900001"] {
        let html = page(&app, &admin, path).await;
        let styles: Vec<&str> = html
            .match_indices("style=\"")
            .map(|(i, m)| html[i + m.len()..].split('"').next().unwrap_or(""))
            .collect();
        assert!(
            styles.iter().all(|style| !style.contains("position")),
            "{path}: no style from upstream text: {styles:?}"
        );
        assert!(
            !html.contains("src=\"javascript:"),
            "{path}: no javascript: picture"
        );
        assert!(!html.contains("<script>alert"), "{path}: markup is escaped");
        assert!(
            html.contains("data-testid=\"unsafe-value\""),
            "{path}: a warning"
        );
        assert!(html.contains("is not a hex colour"), "{path}");
    }
}
