//! Two dashboard processes on one PostgreSQL database behind no sticky sessions, and one standalone
//! sandbox (`watchers-dashboard sandbox`) they both call: whatever replica a request reaches, it is
//! the same dashboard. Runs in the PostgreSQL run of `make test` (`TEST_DATABASE=postgres`).

use crate::marketing::{OFFER, audit, drafts, json, with};
use crate::support::{
    TestApp, client_from, credentials, fast_settings, free_port, fresh_postgres, postgres_run,
    postgres_url,
};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use watchers_dashboard::model::draft::new_draft_key;
use watchers_dashboard::server::upstream::WatchersClient;

const KEY: &str = "replica-test-key";
const TOKEN: &str = "replica-test-token";
const TAGMANGO_TOKEN: &str = "replica-test-tagmango";
const ADMIN_PASSWORD: &str = "replica-admin-password-1";

/// A child process, stopped when the test ends however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_watchers-dashboard"));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "info")
        .stdout(Stdio::null());
    command
}

/// `watchers-dashboard sandbox` on `port`, empty, with the test's credentials.
fn sandbox(port: u16, log: &Path) -> Running {
    let child = binary()
        .args(["sandbox", "--addr", &format!("127.0.0.1:{port}")])
        .args(["--data-file", ":memory:", "--no-seed"])
        .env("SANDBOX_API_KEY", KEY)
        .env("SANDBOX_BEARER_TOKEN", TOKEN)
        .env("SANDBOX_TAGMANGO_TOKEN", TAGMANGO_TOKEN)
        .stderr(Stdio::from(std::fs::File::create(log).unwrap()))
        .spawn()
        .expect("start the sandbox");
    Running(child)
}

/// A dashboard replica on `port`, live against the sandbox at `upstream`, storing in `database`.
fn replica(port: u16, upstream: &str, database: &str, log: &Path) -> Running {
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/site");
    let child = binary()
        .env("LEPTOS_OUTPUT_NAME", "watchers-dashboard")
        .env("LEPTOS_SITE_ROOT", site)
        .env("LEPTOS_SITE_PKG_DIR", "pkg")
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("DATABASE_URL", database)
        .env("DASHBOARD_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD)
        .env("WATCHERS_API_KEY", KEY)
        .env("WATCHERS_BEARER_TOKEN", TOKEN)
        .env("WATCHERS_BASE_URL", upstream)
        .env("TAGMANGO_TOKEN", TAGMANGO_TOKEN)
        .env("TAGMANGO_HOST", "replicas.tagmango.com")
        .env("TAGMANGO_BASE_URL", upstream)
        .stderr(Stdio::from(std::fs::File::create(log).unwrap()))
        .spawn()
        .expect("start a replica");
    Running(child)
}

/// Waits until `url` answers 200 (20 s at most), else fails with `log`.
async fn wait_for(url: &str, log: &Path) {
    let client = reqwest::Client::new();
    for _ in 0..200 {
        if let Ok(response) = client.get(url).send().await
            && response.status() == 200
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "{url} did not come up: {}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
}

/// Polls until `done` holds, answering how long it took; fails after `limit`.
async fn within<F, Fut>(limit: Duration, what: &str, mut done: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    loop {
        if done().await {
            return start.elapsed();
        }
        assert!(start.elapsed() < limit, "{what}: not within {limit:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_on_one_postgres_are_one_dashboard() {
    if !postgres_run() {
        eprintln!("skipped: runs in the PostgreSQL run (TEST_DATABASE=postgres)");
        return;
    }
    let cluster = postgres_url().expect("TEST_POSTGRES_URL");
    let database = fresh_postgres(&cluster).await;
    let dir = tempfile::tempdir().unwrap();
    let log = |name: &str| dir.path().join(name);

    let sandbox_port = free_port();
    let _sandbox = sandbox(sandbox_port, &log("sandbox.log"));
    let upstream = format!("http://127.0.0.1:{sandbox_port}");
    // Both replicas start at the same moment on the one empty database (migrations, the first
    // admin and the session table are each made once).
    let (port_a, port_b) = (free_port(), free_port());
    let _a = replica(port_a, &upstream, &database, &log("a.log"));
    let _b = replica(port_b, &upstream, &database, &log("b.log"));
    wait_for(&format!("http://127.0.0.1:{port_a}/healthz"), &log("a.log")).await;
    wait_for(&format!("http://127.0.0.1:{port_b}/healthz"), &log("b.log")).await;
    let db = watchers_dashboard::server::db::connect(&database)
        .await
        .unwrap()
        .db;
    let a = TestApp::remote(format!("http://127.0.0.1:{port_a}"), db.clone());
    let b = TestApp::remote(format!("http://127.0.0.1:{port_b}"), db.clone());
    let staff: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM staff")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(staff, 1, "one first admin, made by one of the two");

    // Signed in on A, the cookie works on B.
    let admin = a.sign_in("admin", ADMIN_PASSWORD).await;
    let page = b.get_as(&admin, "/account").await;
    assert_eq!(page.status(), 200, "A's session on B");
    assert!(page.text().await.unwrap().contains("admin"));

    // A draft saved on A is published from B, and sent once.
    let watchers =
        WatchersClient::new(&upstream, &credentials(KEY, TOKEN), fast_settings()).unwrap();
    assert!(watchers.list_offers(100, 0).await.unwrap().is_empty());
    let key = new_draft_key();
    let saved = with(OFFER, &[("draft_key", key.as_str()), ("intent", "draft")]);
    let (status, body) = json(a.call(Some(&admin), "/api/offers/submit", &saved).await).await;
    assert_eq!(status, 200, "{body}");
    let on_b = drafts(&b, &admin, "offer").await;
    assert_eq!(on_b.len(), 1, "B lists A's draft: {on_b:?}");
    let publish = with(OFFER, &[("draft_key", key.as_str())]);
    let (status, body) = json(b.call(Some(&admin), "/api/offers/submit", &publish).await).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        watchers.list_offers(100, 0).await.unwrap().len(),
        1,
        "published exactly once"
    );
    assert!(
        drafts(&a, &admin, "offer").await.is_empty(),
        "gone on A too"
    );

    // Wrong passwords spread over A and B count together: five, then both refuse unchecked.
    let elsewhere = client_from([127, 0, 0, 77]);
    for (i, replica) in [&a, &b, &a, &b, &a].into_iter().enumerate() {
        let response = replica
            .post_login(&elsewhere, "admin", "not-the-password", "/")
            .await;
        assert_eq!(response.status(), 401, "attempt {}", i + 1);
    }
    for replica in [&b, &a] {
        let response = replica
            .post_login(&elsewhere, "admin", ADMIN_PASSWORD, "/")
            .await;
        assert_eq!(response.status(), 429, "the sixth, on either replica");
    }

    // Audit entries made on both replicas are in one list, read on either.
    let entries = audit(&a, &admin, "offers").await;
    assert!(
        entries.iter().any(|e| e["action"] == "save draft"),
        "{entries:?}"
    );
    assert!(
        entries.iter().any(|e| e["action"] == "create"),
        "{entries:?}"
    );
    let refused: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in' AND outcome = 'refused'",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(refused, 5, "the wrong passwords on both, in one log");

    // A role change on A reaches a session held on B within a second.
    a.add_staff(
        "mia",
        watchers_dashboard::model::staff::Role::Marketing,
        "mia-password-123456",
    )
    .await;
    let mia = b.sign_in("mia", "mia-password-123456").await;
    let mia_drafts = || async {
        b.call(Some(&mia), "/api/drafts/list", &[("kind", "offer")])
            .await
            .status()
            .as_u16()
    };
    assert_eq!(
        mia_drafts().await,
        200,
        "marketing may list drafts (B caches mia)"
    );
    let set_role = [("username", "mia"), ("role", "moderator")];
    let answer = a.call(Some(&admin), "/api/staff/set-role", &set_role).await;
    assert_eq!(answer.status(), 200, "{}", answer.text().await.unwrap());
    let took = within(Duration::from_secs(1), "the role change on B", || async {
        mia_drafts().await == 403
    })
    .await;
    eprintln!("role change reached B after {took:?}");

    // A password reset on A ends mia's session on B within a second.
    assert_eq!(b.get_as(&mia, "/account").await.status(), 200);
    let reset = [("username", "mia"), ("password", "mia-reset-password-1")];
    let answer = a
        .call(Some(&admin), "/api/staff/reset-password", &reset)
        .await;
    assert_eq!(answer.status(), 200);
    let took = within(
        Duration::from_secs(1),
        "the password reset on B",
        || async { b.get_as(&mia, "/account").await.status() == 303 },
    )
    .await;
    eprintln!("password reset reached B after {took:?}");

    // Sign-out on A ends the session on B within a second (B had it in memory).
    assert_eq!(b.get_as(&admin, "/account").await.status(), 200);
    assert_eq!(a.sign_out(&admin).await.status(), 303);
    let took = within(Duration::from_secs(1), "the sign-out on B", || async {
        b.get_as(&admin, "/account").await.status() == 303
    })
    .await;
    eprintln!("sign-out reached B after {took:?}");
}
