//! A server you can leave running: page loads its clients give up on, a worker that stops
//! ticking, a publish whose client leaves or that a stop meets half-way.

use crate::marketing::{OFFER, audit, drafts, json, with};
use crate::support::{ADMIN_PASSWORD, TestApp, spawn_app, spawn_stoppable_app};
use serde_json::Value;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;
use watchers_dashboard::model::draft::new_draft_key;
use watchers_dashboard::sandbox::{FaultSettings, Sandbox};
use watchers_dashboard::server::metrics::PANICS;

/// Pages a signed-in person loads, each with data of its own to read. Not TagMango's: every
/// load of them spends one of TagMango's 120 calls in 10 s (the bench's row covers them).
const PAGES: &[&str] = &[
    "/",
    "/badges",
    "/badges/new",
    "/offers",
    "/offers/new",
    "/advertisements",
    "/advertisements/new",
    "/results",
    "/rooms",
    "/rooms/agenda",
    "/calendar",
    "/approvals",
    "/audit",
    "/staff",
    "/exclusions",
    "/account",
    "/badges/1",
    "/rooms/main-stage",
];

/// `GET /healthz` as JSON, with its status.
async fn health(app: &TestApp) -> (u16, Value) {
    let response = app.client.get(app.url("/healthz")).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

/// Opens a connection, asks for `path` and goes away after `after` without reading, closing
/// with a reset (`reset`) or a plain close, as impatient browsers and proxies do.
async fn cancelled_load(address: &str, cookie: &str, path: &str, after: Duration, reset: bool) {
    let Ok(mut stream) = tokio::net::TcpStream::connect(address).await else {
        return;
    };
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n"
    );
    let _ = stream.write_all(request.as_bytes()).await;
    tokio::time::sleep(after).await;
    if reset {
        let _ = stream.set_zero_linger();
    }
    drop(stream);
}

/// The reproduction kept from issue 27: page loads cancelled by their clients after 0–30 ms,
/// half with a TCP reset, over every page, in bursts. No panic, no worker stuck, nothing left
/// running, every page still answering, and the server stops at once when asked.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn page_loads_cancelled_by_their_clients_leave_the_server_whole() {
    let (app, stop, serving) = spawn_stoppable_app(&[]).await;
    let cookie = app.sign_in("admin", ADMIN_PASSWORD).await;
    let address = app.base_url.trim_start_matches("http://").to_owned();
    let panics_before = PANICS.load(Ordering::Relaxed);
    let loads = 2000;
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..loads {
        let (address, cookie) = (address.clone(), cookie.clone());
        let path = PAGES[n % PAGES.len()];
        // A spread of 0–30 ms without a random source: the primes keep it from lining up
        // with the page list.
        let after = Duration::from_millis(((n * 7) % 31) as u64);
        tasks
            .spawn(async move { cancelled_load(&address, &cookie, path, after, n % 2 == 0).await });
        if tasks.len() >= 24 {
            tasks.join_next().await;
        }
    }
    while tasks.join_next().await.is_some() {}

    // Every render the clients left finishes on its own (only this health check is left).
    let deadline = Instant::now() + Duration::from_secs(20);
    let body = loop {
        let (_, body) = health(&app).await;
        if body["requests_in_flight"] == 1 || Instant::now() > deadline {
            break body;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(
        body["requests_in_flight"], 1,
        "requests left running: {body}"
    );
    assert!(
        body["workers"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| w["stuck"] == false),
        "{body}"
    );
    assert_eq!(
        PANICS.load(Ordering::Relaxed),
        panics_before,
        "a worker panicked under cancelled loads (see the test's output)"
    );
    for path in PAGES {
        let status = app.get_as(&cookie, path).await.status();
        assert_eq!(status, 200, "{path} after the cancelled loads");
    }
    let asked = Instant::now();
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), serving)
        .await
        .expect("the server stops within 5 s of being asked")
        .unwrap();
    assert!(asked.elapsed() < Duration::from_secs(5));
}

/// A worker that stops ticking (here: a task that blocks its thread for 12 s) turns `/healthz`
/// to 503 "worker stuck" after 10 s, served by the other worker; once it ticks again, 200.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stuck_worker_turns_healthz_to_503_until_it_ticks_again() {
    let app = spawn_app(&[]).await;
    let (status, body) = health(&app).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["workers"].as_array().unwrap().len(), 2, "{body}");
    let started = Instant::now();
    tokio::spawn(async { std::thread::sleep(Duration::from_secs(13)) });
    let mut seen = None;
    while started.elapsed() < Duration::from_secs(13) {
        let (status, body) = health(&app).await;
        if status == 503 {
            seen = Some((started.elapsed(), body));
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let (after, body) = seen.expect("/healthz never said 503 while a worker was blocked");
    assert_eq!(body["status"], "worker stuck", "{body}");
    assert!(
        after >= Duration::from_secs(9),
        "503 after {after:?}: too soon"
    );
    let stuck: Vec<_> = body["workers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["stuck"] == true)
        .collect();
    assert_eq!(stuck.len(), 1, "{body}");
    let deadline = Instant::now() + Duration::from_secs(8);
    loop {
        let (status, body) = health(&app).await;
        if status == 200 {
            assert_eq!(body["status"], "ok");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "still 503 after the worker ticked: {body}"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Signs admin in, saves an offer's draft, then slows every upstream answer by `latency_ms`:
/// answers admin's cookie, the draft's key, the sandbox and its hits so far.
async fn saved_draft_before_a_slow_upstream(
    app: &TestApp,
    latency_ms: u64,
) -> (String, String, std::sync::Arc<Sandbox>, u64) {
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let sandbox = app.sandbox.clone().unwrap();
    let key = new_draft_key();
    let saved = with(OFFER, &[("draft_key", key.as_str()), ("intent", "draft")]);
    let (status, _) = json(app.call(Some(&admin), "/api/offers/submit", &saved).await).await;
    assert_eq!(status, 200);
    sandbox.set_faults(FaultSettings {
        latency_ms,
        ..Default::default()
    });
    let hits = sandbox.hits();
    (admin, key, sandbox, hits)
}

/// A publish whose client gives up while the upstream is slow is still sent once, audited,
/// and its draft cleared: the request runs to its end without its client.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_publish_whose_client_leaves_is_still_sent_once_and_audited() {
    let app = spawn_app(&[]).await;
    let (admin, key, sandbox, hits) = saved_draft_before_a_slow_upstream(&app, 800).await;
    let form = with(OFFER, &[("draft_key", key.as_str())]);
    let impatient = app
        .client
        .post(app.url("/api/offers/submit"))
        .form(&form)
        .header("accept", "application/json")
        .header("cookie", &admin)
        .timeout(Duration::from_millis(200))
        .send()
        .await;
    assert!(impatient.is_err(), "the client gave up before the answer");
    // The request goes on without its client: wait (up to 10 s) for its draft to go.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !drafts(&app, &admin, "offer").await.is_empty() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    sandbox.set_faults(FaultSettings::default());
    assert_eq!(sandbox.hits(), hits + 1, "sent exactly once");
    let created: Vec<_> = audit(&app, &admin, "offers")
        .await
        .into_iter()
        .filter(|e| e["action"] == "create")
        .collect();
    assert_eq!(created.len(), 1, "{created:?}");
    assert_ne!(created[0]["outcome"], "failed", "{created:?}");
    assert!(
        drafts(&app, &admin, "offer").await.is_empty(),
        "the published draft is gone"
    );
}

/// A stop that meets a publish half-way lets it finish: the answer arrives, the offer is sent
/// once and audited, the draft is gone; new connections are refused, and the server is gone
/// soon after.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_lets_the_publish_under_way_finish_once() {
    let (app, stop, serving) = spawn_stoppable_app(&[("DASHBOARD_SHUTDOWN_SECONDS", "5")]).await;
    let (admin, key, sandbox, hits) = saved_draft_before_a_slow_upstream(&app, 1200).await;
    let form: Vec<(String, String)> = with(OFFER, &[("draft_key", key.as_str())])
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let publish = {
        let (client, url, admin) = (
            app.client.clone(),
            app.url("/api/offers/submit"),
            admin.clone(),
        );
        tokio::spawn(async move {
            client
                .post(url)
                .form(&form)
                .header("accept", "application/json")
                .header("cookie", admin)
                .send()
                .await
        })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    let asked = Instant::now();
    stop.send(()).unwrap();
    let answer = publish.await.unwrap().expect("the publish is answered");
    assert_eq!(answer.status(), 200);
    let body: Value = answer.json().await.unwrap();
    assert!(body["Published"]["id"].is_number(), "{body}");
    tokio::time::timeout(Duration::from_secs(5), serving)
        .await
        .expect("stopped within the grace")
        .unwrap();
    assert!(asked.elapsed() < Duration::from_secs(5));
    assert!(
        tokio::net::TcpStream::connect(app.base_url.trim_start_matches("http://"))
            .await
            .is_err(),
        "no connection is taken after the stop"
    );
    assert_eq!(sandbox.hits(), hits + 1, "sent exactly once");
    // What the stopped server wrote: the audit entry and the draft's removal, in its database.
    let created: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE area = 'offers' AND action = 'create' AND outcome <> 'failed'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(created, 1);
    let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM drafts WHERE key = $1")
        .bind(&key)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(kept, 0, "the published draft is gone");
}
