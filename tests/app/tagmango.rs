//! TagMango: the client against the sandbox (every route, both error envelopes, the pace under
//! the rate limit), then the server functions a member of staff calls.

use crate::support::{
    ADMIN_PASSWORD, MANGO_BADGE_FORM, fast_settings, fresh_postgres, postgres_run, postgres_url,
    spawn_app,
};
use secrecy::SecretString;
use serde_json::Value;
use std::sync::Arc;
use watchers_dashboard::model::staff::Role;
use watchers_dashboard::model::tagmango::{MangoBadgeInput, RATE_LIMIT, RATE_WINDOW, is_object_id};
use watchers_dashboard::sandbox::{Sandbox, SandboxConfig};
use watchers_dashboard::server::db::{self, Typed};
use watchers_dashboard::server::door::Pass;
use watchers_dashboard::server::upstream::tagmango::{TagMangoClient, TagMangoCredentials};
use watchers_dashboard::server::upstream::{SharedPace, UpstreamError};

const TAGMANGO_TOKEN: &str = "tagmango-test-token";
const MANGO: &str = "6659ca9e5f2acb7abfdcd8fd";

async fn sandbox() -> (Arc<Sandbox>, String) {
    let sandbox = Sandbox::open(SandboxConfig {
        api_key: "k".into(),
        bearer_token: "t".into(),
        tagmango_token: TAGMANGO_TOKEN.into(),
        data_file: None,
        seed: true,
    })
    .expect("sandbox");
    let addr = sandbox.spawn(([127, 0, 0, 1], 0).into()).await.unwrap();
    (sandbox, format!("http://{addr}"))
}

fn client(base: &str, token: &str) -> TagMangoClient {
    let credentials = TagMangoCredentials {
        token: SecretString::from(token.to_owned()),
        host: "tests.tagmango.com".into(),
    };
    TagMangoClient::new(base, &credentials, fast_settings()).expect("client")
}

/// Lists badges `times` times, taking the clients in turn: how many were refused as over the
/// rate limit (each with a wait of a second or more).
async fn refused_of(clients: &[&TagMangoClient], times: usize) -> usize {
    let mut refused = 0;
    for i in 0..times {
        match clients[i % clients.len()].list_badges().await {
            Ok(_) => {}
            Err(UpstreamError::RateLimited { retry_after }) => {
                assert!(retry_after.is_some_and(|d| d.as_secs() >= 1));
                refused += 1;
            }
            Err(other) => panic!("{other:?}"),
        }
    }
    refused
}

fn points(name: &str, threshold: i64) -> MangoBadgeInput {
    MangoBadgeInput {
        name: name.into(),
        enable_automation: true,
        points_threshold: Some(threshold),
        point_category_for_automation: Some("lifetime".into()),
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_creates_lists_and_updates_as_documented() {
    let (_sandbox, base) = sandbox().await;
    let client = client(&base, TAGMANGO_TOKEN);
    let created = client
        .create_badge(Pass::outside_the_door(), &points("Top fan", 500))
        .await
        .unwrap();
    let id = created.id.expect("an _id");
    assert!(is_object_id(&id), "{id}");
    let listed = client.list_badges().await.unwrap();
    let badge = listed
        .iter()
        .filter_map(|b| b.read())
        .find(|b| b.id == id)
        .expect("listed");
    assert_eq!(badge.points_threshold, Some(500));
    assert!(badge.created_at.is_some() && badge.updated_at.is_some());
    assert!(
        listed
            .iter()
            .filter_map(|b| b.read())
            .any(|b| b.has_both_automations()),
        "the documents' own example is read, not refused"
    );

    let to_mangoes = MangoBadgeInput {
        name: "Top fan".into(),
        enable_automation: true,
        automation_enabled_mangoes: Some(vec![MANGO.into()]),
        ..Default::default()
    };
    client
        .update_badge(Pass::outside_the_door(), &id, &to_mangoes)
        .await
        .unwrap();
    let badge = client
        .list_badges()
        .await
        .unwrap()
        .into_iter()
        .filter_map(|b| b.into_read())
        .find(|b| b.id == id)
        .unwrap();
    assert_eq!(badge.automation_enabled_mangoes, vec![MANGO.to_owned()]);
    assert_eq!(
        badge.points_threshold, None,
        "switching type clears the other"
    );
    assert_eq!(
        client
            .update_badge(Pass::outside_the_door(), "not-an-id", &to_mangoes)
            .await,
        Err(UpstreamError::NotFound),
        "nothing but an object id goes into the path"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_error_envelopes_become_typed_errors() {
    let (_sandbox, base) = sandbox().await;
    let both = MangoBadgeInput {
        automation_enabled_mangoes: Some(vec![MANGO.into()]),
        ..points("Both", 10)
    };
    match client(&base, TAGMANGO_TOKEN)
        .create_badge(Pass::outside_the_door(), &both)
        .await
    {
        Err(UpstreamError::Validation { status, message }) => {
            assert_eq!(status, 400);
            assert!(message.starts_with("Invalid request"), "{message}");
        }
        other => panic!("expected a 400, got {other:?}"),
    }
    assert_eq!(
        client(&base, "wrong").list_badges().await.unwrap_err(),
        UpstreamError::Unauthorized { status: 401 }
    );
    // The envelopes themselves, and the host header they require.
    let http = reqwest::Client::new();
    let url = format!("{base}/api/v1/external/gamification/badges");
    let unauthorized: Value = http
        .get(&url)
        .header("x-whitelabel-host", "x")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        unauthorized,
        serde_json::json!({"code": 401, "type": "Unauthorized", "statusMessage": "UNAUTHORIZED",
            "message": "Invalid token", "success": false})
    );
    let no_host = http
        .get(&url)
        .bearer_auth(TAGMANGO_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(no_host.status(), 400);
    let body: Value = no_host.json().await.unwrap();
    assert_eq!(body["statusMessage"], "BAD_REQUEST");
    assert_eq!(body["success"], false);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_keeps_under_the_rate_limit_itself() {
    let (_sandbox, base) = sandbox().await;
    let client = client(&base, TAGMANGO_TOKEN);
    let refused_here = refused_of(&[&client], RATE_LIMIT + 5).await;
    assert_eq!(refused_here, 5, "the 121st to 125th are not sent");
    // The sandbox, asked directly past the limit, answers TagMango's 429.
    let http = reqwest::Client::new();
    let over = http
        .get(format!("{base}/api/v1/external/gamification/badges"))
        .bearer_auth(TAGMANGO_TOKEN)
        .header("x-whitelabel-host", "x")
        .send()
        .await
        .unwrap();
    assert_eq!(over.status(), 429);
    assert!(over.headers().contains_key("retry-after"));
}

/// Two replicas' clients on one PostgreSQL count in one window: together they send the limit and
/// no more (in the PostgreSQL run of `make test`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_keep_under_the_rate_limit_together() {
    if !postgres_run() {
        eprintln!("skipped: runs in the PostgreSQL run (TEST_DATABASE=postgres)");
        return;
    }
    let database = fresh_postgres(&postgres_url().unwrap()).await;
    let Typed::Postgres(pool) = db::connect(&database).await.unwrap().typed else {
        panic!("a PostgreSQL URL opens PostgreSQL");
    };
    let (sandbox, base) = sandbox().await;
    let credentials = TagMangoCredentials {
        token: SecretString::from(TAGMANGO_TOKEN.to_owned()),
        host: "tests.tagmango.com".into(),
    };
    let replica = || {
        let shared = SharedPace::new(pool.clone(), "tagmango", RATE_LIMIT, RATE_WINDOW);
        TagMangoClient::pacing_with(&base, &credentials, fast_settings(), Some(shared)).unwrap()
    };
    let (a, b) = (replica(), replica());
    let before = sandbox.hits();
    let refused_here = refused_of(&[&a, &b], RATE_LIMIT + 5).await;
    assert_eq!(
        refused_here, 5,
        "the 121st to 125th, from either, are not sent"
    );
    assert_eq!(
        sandbox.hits() - before,
        RATE_LIMIT as u64,
        "the sandbox saw exactly the limit"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_create_and_edit_tagmango_badges_through_server_functions() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let create = MANGO_BADGE_FORM;
    let r = app.call(Some(&admin), "/api/tagmango/create", create).await;
    assert_eq!(r.status(), 200);
    let id: String = r.json::<Option<String>>().await.unwrap().expect("an id");

    // Both types at once: refused next to the field, before anything is sent.
    let mut both = create.to_vec();
    both[6] = ("form[mangoes]", MANGO);
    both[3] = ("form[automation]", "mangoes");
    let refused = app
        .call(
            Some(&admin),
            "/api/tagmango/update",
            &[&[("id", id.as_str())][..], &both[..]].concat(),
        )
        .await;
    assert_eq!(refused.status(), 422);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["Invalid"]["field"], "pointsThreshold");

    let mut mangoes = both.clone();
    mangoes[4] = ("form[points_threshold]", "");
    let saved = app
        .call(
            Some(&admin),
            "/api/tagmango/update",
            &[&[("id", id.as_str())][..], &mangoes[..]].concat(),
        )
        .await;
    assert_eq!(saved.status(), 200, "{:?}", saved.text().await);
    let badge: Value = app
        .call(Some(&admin), "/api/tagmango/get", &[("id", id.as_str())])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(badge["automationEnabledMangoes"][0], MANGO);

    // Moderators look, they do not edit; every change is in the log under TagMango.
    app.add_staff("max", Role::Moderator, "max-password-1234")
        .await;
    let max = app.sign_in("max", "max-password-1234").await;
    assert_eq!(
        app.call(Some(&max), "/api/tagmango/list", &[])
            .await
            .status(),
        200
    );
    let denied = app.call(Some(&max), "/api/tagmango/create", create).await;
    assert_eq!(denied.status(), 403);
    let log: Value = app
        .call(
            Some(&admin),
            "/api/audit/list",
            &[("page", "0"), ("filter[area]", "tagmango")],
        )
        .await
        .json()
        .await
        .unwrap();
    let summaries: Vec<&str> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["summary"].as_str().unwrap())
        .collect();
    assert!(
        summaries
            .iter()
            .any(|s| s.starts_with("created TagMango badge")),
        "{summaries:?}"
    );
    assert!(
        summaries
            .iter()
            .any(|s| s.starts_with("updated TagMango badge"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tagmango_pages_render_without_javascript() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let list = app
        .get_as(&admin, "/badges/tagmango")
        .await
        .text()
        .await
        .unwrap();
    assert!(list.contains("Hall Of Fame"), "the seeded badges");
    let detail = app
        .get_as(&admin, "/badges/tagmango/6659ca9e5f2acb7abfdcd8fd")
        .await
        .text()
        .await
        .unwrap();
    assert!(detail.contains("data-testid=\"both-automations\""));
    assert!(detail.contains("no way to delete"));
    let missing = app
        .get_as(&admin, "/badges/tagmango/000000000000000000000000")
        .await;
    assert!(missing.text().await.unwrap().contains("was not found"));
}
