//! Starts the dashboard (or a bare sandbox and client) on ephemeral loopback ports for one test.

use leptos::prelude::LeptosOptions;
use secrecy::SecretString;
use std::collections::HashMap;
use std::sync::Arc;
use watchers_dashboard::host::application::Application;
use watchers_dashboard::model::loose::Listed;
use watchers_dashboard::model::staff::Role;
use watchers_dashboard::sandbox::{Sandbox, SandboxConfig};
use watchers_dashboard::server::auth::{password, staff};
use watchers_dashboard::server::clock::Clock;
use watchers_dashboard::server::config::{Config, Credentials};
use watchers_dashboard::server::state::{AppState, WeakState};
use watchers_dashboard::server::upstream::{ClientSettings, WatchersClient};

pub struct TestApp {
    pub base_url: String,
    pub client: reqwest::Client,
    pub sandbox: Option<Arc<Sandbox>>,
    pub db: watchers_dashboard::server::db::Db,
    /// The clock the server judges sessions by; a test moves it on.
    pub clock: Arc<Clock>,
    /// `/metrics` on its own address, when the app was started with `DASHBOARD_METRICS_ADDR`.
    pub metrics_url: Option<String>,
    /// The app's state while it serves (held weakly: a stopped app lets it go).
    state: WeakState,
    _dir: tempfile::TempDir,
}

/// The first admin's password in every test app.
pub const ADMIN_PASSWORD: &str = "admin-password-for-tests";

impl TestApp {
    /// A dashboard started elsewhere (another process) at `base_url`, keeping its data in `db`.
    pub fn remote(base_url: String, db: watchers_dashboard::server::db::Db) -> TestApp {
        TestApp {
            base_url,
            client: client_from([127, 0, 0, 1]),
            sandbox: None,
            db,
            clock: Arc::default(),
            metrics_url: None,
            state: WeakState::default(),
            _dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    /// The running app's state, for a test that calls an area directly (not over HTTP).
    pub fn state(&self) -> AppState {
        self.state
            .upgrade()
            .expect("the app is running in this process")
    }

    /// Moves the in-process sandbox's clock `seconds` on: its scheduled items, room statuses and
    /// advertisement counters then answer as they will then. (The dashboard's own clock,
    /// [`TestApp::clock`], is another.) Panics for an app without an in-process sandbox.
    pub fn advance_sandbox_clock(&self, seconds: i64) {
        self.sandbox
            .as_ref()
            .expect("an app on its in-process sandbox (no Watchers credentials)")
            .advance_clock(seconds);
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// GET without signing in.
    pub async fn get_text(&self, path: &str) -> (reqwest::StatusCode, String) {
        let response = self.client.get(self.url(path)).send().await.expect("GET");
        let status = response.status();
        (status, response.text().await.expect("body"))
    }
}

/// The release build's list of hashed file names (`cargo leptos build` writes it beside the
/// server binary), when there is a build: pages then name the files the built site holds, as in
/// production.
pub fn hash_file() -> Option<std::path::PathBuf> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/hash.txt");
    path.exists().then_some(path)
}

/// Starts the app with the given `WATCHERS_*` variables and nothing else from the environment;
/// the sandbox keeps its data in memory unless the variables say otherwise.
pub async fn spawn_app(vars: &[(&str, &str)]) -> TestApp {
    let (app, _) = start_app(vars, std::future::pending()).await;
    app
}

/// [`spawn_app`] that stops when `stop` is sent; answers the app and its serving task, which
/// ends once the requests under way have finished (or the grace has passed).
pub async fn spawn_stoppable_app(
    vars: &[(&str, &str)],
) -> (
    TestApp,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
) {
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let (app, serving) = start_app(vars, async move {
        let _ = stopped.await;
    })
    .await;
    (app, stop, serving)
}

async fn start_app(
    vars: &[(&str, &str)],
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> (TestApp, tokio::task::JoinHandle<()>) {
    let mut vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    vars.entry("WATCHERS_SANDBOX_FILE".into())
        .or_insert_with(|| ":memory:".into());
    if loose_run() {
        vars.entry("WATCHERS_SANDBOX_LOOSE".into())
            .or_insert_with(|| "1".into());
    }
    let dir = tempfile::tempdir().expect("tempdir");
    if !vars.contains_key("DATABASE_URL") {
        vars.insert("DATABASE_URL".into(), database_url(dir.path()).await);
    }
    vars.entry("DASHBOARD_BOOTSTRAP_ADMIN_PASSWORD".into())
        .or_insert_with(|| ADMIN_PASSWORD.into());
    // No sampler in the background: a test reads the advertisements' counters when it says.
    vars.entry("DASHBOARD_AD_SAMPLE_SECONDS".into())
        .or_insert_with(|| "0".into());
    // Nor a test send remover: a test removes them when it says (`test_sends::remove_due`).
    vars.entry("DASHBOARD_TEST_SEND_SWEEP_SECONDS".into())
        .or_insert_with(|| "0".into());
    // Nor a copy of the platforms' answers: many tests change the sandbox directly (faults, loose
    // mode, its clock) between two reads and must see it (`read_cache` turns it on).
    vars.entry("DASHBOARD_READ_CACHE_MS".into())
        .or_insert_with(|| "0".into());
    let config = Config::from_lookup(|name| vars.get(name).cloned()).expect("config");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let hashes = hash_file();
    let options = LeptosOptions::builder()
        .output_name("watchers-dashboard")
        .site_root("target/site")
        .hash_files(hashes.is_some())
        .hash_file(hashes.map_or("hash.txt".into(), |p| p.display().to_string().into()))
        .build();
    let app = Application::build(config, options, listener)
        .await
        .expect("start");
    let addr = app.address();
    let metrics_url = app.metrics_address().map(|a| format!("http://{a}/metrics"));
    let db = app.state().db.clone();
    let clock = app.state().clock.clone();
    let state = app.state().downgrade();
    let sandbox = app.sandbox().cloned();
    let serving =
        tokio::spawn(async move { app.run_until_stopped(shutdown).await.expect("serve") });
    let app = TestApp {
        base_url: format!("http://{addr}"),
        client: client_from([127, 0, 0, 1]),
        sandbox,
        db,
        clock,
        metrics_url,
        state,
        _dir: dir,
    };
    (app, serving)
}

/// Whether this run keeps the apps' data in PostgreSQL (`TEST_DATABASE=postgres`, on the cluster
/// at `TEST_POSTGRES_URL` that `make test` starts).
pub fn postgres_run() -> bool {
    std::env::var("TEST_DATABASE").is_ok_and(|v| v == "postgres")
}

/// The test PostgreSQL cluster's URL (its `postgres` database), when there is one.
pub fn postgres_url() -> Option<String> {
    std::env::var("TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
}

/// A new, empty database on the test cluster at `cluster`: its URL.
pub async fn fresh_postgres(cluster: &str) -> String {
    use sqlx::Connection;
    let mut admin = sqlx::PgConnection::connect(cluster)
        .await
        .expect("the test PostgreSQL cluster (TEST_POSTGRES_URL)");
    let token = watchers_dashboard::host::application::random_token().expect("random");
    let name = format!("test_{}", &token[..16]);
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("create a test database");
    let _ = admin.close().await;
    let (server, _) = cluster.rsplit_once('/').expect("a database URL");
    format!("{server}/{name}")
}

/// Where a test app keeps its data: a fresh PostgreSQL database in a PostgreSQL run, else a new
/// SQLite file in `dir`.
pub async fn database_url(dir: &std::path::Path) -> String {
    if postgres_run() {
        let cluster = postgres_url().expect("TEST_DATABASE=postgres needs TEST_POSTGRES_URL");
        fresh_postgres(&cluster).await
    } else {
        format!("sqlite://{}", dir.join("dashboard.db").display())
    }
}

/// A loopback port free at the moment (for a process the test starts).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A client that follows no redirects and sends from `ip` (any 127.x address is loopback).
pub fn client_from(ip: [u8; 4]) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .local_address(std::net::IpAddr::from(ip))
        .build()
        .expect("client")
}

/// A page's HTML as a browser asks for it (`accept: text/html`, which a landed note needs), signed
/// in with `cookie` (which may carry others: the browser's `tz`, the landed note); the page must
/// answer 200.
pub async fn page(app: &TestApp, cookie: &str, path: &str) -> String {
    let response = app
        .client
        .get(app.url(path))
        .header("accept", "text/html")
        .header("cookie", cookie)
        .send()
        .await
        .expect("GET");
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.expect("body")
}

/// The `name=value` part of a response's session cookie.
pub fn session_cookie(response: &reqwest::Response) -> Option<String> {
    set_cookie(response, "watchers_session")
}

/// The `name=value` part of the cookie `name` that `response` sets.
pub fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    let prefix = format!("{name}=");
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.contains(&prefix))
        .and_then(|c| c.split(';').next())
        .map(str::to_owned)
}

impl TestApp {
    /// Posts the sign-in form from `client`.
    pub async fn post_login(
        &self,
        client: &reqwest::Client,
        username: &str,
        password: &str,
        next: &str,
    ) -> reqwest::Response {
        client
            .post(self.url("/auth/login"))
            .form(&[
                ("username", username),
                ("password", password),
                ("next", next),
            ])
            .send()
            .await
            .expect("POST /auth/login")
    }

    /// Signs in and answers the session cookie.
    pub async fn sign_in(&self, username: &str, password: &str) -> String {
        let response = self.post_login(&self.client, username, password, "/").await;
        assert_eq!(response.status(), 303, "sign-in of {username} failed");
        session_cookie(&response).expect("a session cookie")
    }

    /// Signs in from `client` (another address) and answers the session cookie.
    pub async fn sign_in_from(
        &self,
        client: &reqwest::Client,
        username: &str,
        password: &str,
    ) -> String {
        let response = self.post_login(client, username, password, "/").await;
        assert_eq!(response.status(), 303, "sign-in of {username} failed");
        session_cookie(&response).expect("a session cookie")
    }

    /// Creates a member of staff directly in the database.
    pub async fn add_staff(&self, username: &str, role: Role, password: &str) {
        let hash = password::hash(password.to_owned()).await.expect("hash");
        assert!(
            staff::insert(&self.db, username, role, &hash)
                .await
                .expect("insert")
        );
    }

    /// Creates a member of staff `username` with `role` (their password `{username}-password-1234`)
    /// and signs them in; answers the session cookie.
    pub async fn staff_signed_in(&self, username: &str, role: Role) -> String {
        let password = format!("{username}-password-1234");
        self.add_staff(username, role, &password).await;
        self.sign_in(username, &password).await
    }

    /// Signs out the session of `cookie` (the form's POST); answers the response.
    pub async fn sign_out(&self, cookie: &str) -> reqwest::Response {
        self.client
            .post(self.url("/auth/logout"))
            .header("cookie", cookie)
            .send()
            .await
            .expect("POST /auth/logout")
    }

    /// GET with a session cookie.
    pub async fn get_as(&self, cookie: &str, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header("cookie", cookie)
            .send()
            .await
            .expect("GET")
    }

    /// Calls a server function (`/api/...`) with a form body, signed in or not.
    pub async fn call(
        &self,
        cookie: Option<&str>,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut request = self
            .client
            .post(self.url(path))
            .form(form)
            .header("accept", "application/json");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send().await.expect("server function call")
    }
}

pub const KEY: &str = "test-key";
pub const TOKEN: &str = "test-token";

pub fn credentials(key: &str, token: &str) -> Credentials {
    Credentials {
        api_key: SecretString::from(key.to_owned()),
        bearer_token: SecretString::from(token.to_owned()),
    }
}

/// The settings of an app on `database` that talks to the Watchers at `upstream` with [`KEY`] and
/// [`TOKEN`]: two apps started with the same are two replicas.
pub fn replica_of<'a>(database: &'a str, upstream: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("DATABASE_URL", database),
        ("WATCHERS_API_KEY", KEY),
        ("WATCHERS_BEARER_TOKEN", TOKEN),
        ("WATCHERS_BASE_URL", upstream),
    ]
}

/// A badge form as the editor posts it, valid.
pub const BADGE_FORM: &[(&str, &str)] = &[
    ("form[text]", "⭐ Star"),
    ("form[background_color]", "#123456"),
    ("form[text_color]", "#ffffff"),
    ("form[tooltip]", "A star"),
    ("form[communication_title]", "Hello"),
    ("form[communication_text]", "Welcome, star"),
    ("form[trigger]", "message_count"),
    ("form[message_count]", "10"),
];

/// A TagMango badge form as the editor posts it, valid: points.
pub const MANGO_BADGE_FORM: &[(&str, &str)] = &[
    ("form[name]", "Thousand club"),
    ("form[description]", "1,000 lifetime points"),
    ("form[image_url]", ""),
    ("form[automation]", "points"),
    ("form[points_threshold]", "1000"),
    ("form[point_category]", ""),
    ("form[mangoes]", ""),
];

/// A sandbox in memory (seeded or empty) on a loopback port, loose in a loose run, guarded by
/// [`KEY`] and [`TOKEN`]: answers it and its address (`http://…`).
pub async fn sandbox_on_loopback(seed: bool) -> (Arc<Sandbox>, String) {
    let sandbox = Sandbox::open(SandboxConfig {
        api_key: KEY.into(),
        bearer_token: TOKEN.into(),
        tagmango_token: "tagmango-token".into(),
        data_file: None,
        seed,
    })
    .expect("sandbox");
    sandbox.set_loose(loose_run());
    let addr = sandbox
        .spawn(([127, 0, 0, 1], 0).into())
        .await
        .expect("spawn");
    (sandbox, format!("http://{addr}"))
}

/// A sandbox in memory (seeded or empty) and a client that holds its credentials.
pub async fn sandbox_and_client(
    seed: bool,
    settings: ClientSettings,
) -> (Arc<Sandbox>, WatchersClient) {
    let (sandbox, base_url) = sandbox_on_loopback(seed).await;
    let client =
        WatchersClient::new(&base_url, &credentials(KEY, TOKEN), settings).expect("client");
    (sandbox, client)
}

/// The one number `sql` (a `SELECT COUNT(*) …`) answers on `app`'s database.
pub async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.db).await.unwrap()
}

/// Quick timeouts so fault tests finish fast.
pub fn fast_settings() -> ClientSettings {
    ClientSettings {
        connect_timeout: std::time::Duration::from_millis(500),
        timeout: std::time::Duration::from_millis(400),
        get_retry_backoff: std::time::Duration::from_millis(20),
    }
}

/// An item of a list, by its id.
pub trait Identified {
    fn id(&self) -> i64;
}

impl Identified for watchers_dashboard::model::badge::Badge {
    fn id(&self) -> i64 {
        self.id
    }
}

impl Identified for watchers_dashboard::model::offer::Offer {
    fn id(&self) -> i64 {
        self.id
    }
}

impl Identified for watchers_dashboard::model::advertisement::Advertisement {
    fn id(&self) -> i64 {
        self.id
    }
}

/// The records of a list, all of which must be readable; in a loose run, without the two odd
/// records loose mode adds to every first page (one readable, one not).
pub fn readable<T: Identified>(records: Vec<Listed<T>>) -> Vec<T> {
    use watchers_dashboard::sandbox::loose::{BROKEN_ID, ODD_ID};
    records
        .into_iter()
        .filter_map(|record| match record {
            Listed::Read(item) if loose_run() && item.id() == ODD_ID => None,
            Listed::Read(item) => Some(item),
            Listed::Unreadable(u) if loose_run() && u.id.as_deref() == Some(BROKEN_ID) => None,
            Listed::Unreadable(u) => panic!("an unreadable record: {u:?}"),
        })
        .collect()
}

/// `TEST_SANDBOX_LOOSE=1` runs every test against the sandbox in loose mode (`make test-rust`
/// runs the integration tests once in each mode).
pub fn loose_run() -> bool {
    std::env::var("TEST_SANDBOX_LOOSE").is_ok_and(|v| v == "1")
}

/// `watchers-dashboard db …` with `DATABASE_URL`: its exit code and what it printed.
pub fn db_command(database_url: &str, args: &[&str]) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_watchers-dashboard"))
        .arg("db")
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

/// An app on a fresh database of the test PostgreSQL cluster, and the switch that cuts that
/// database off (no connections allowed, the open ones ended) and lets it back.
pub async fn postgres_app_with_a_switch() -> (TestApp, DatabaseSwitch) {
    let cluster = postgres_url().expect("TEST_POSTGRES_URL");
    let database = fresh_postgres(&cluster).await;
    let app = spawn_app(&[("DATABASE_URL", database.as_str())]).await;
    let name = database.rsplit_once('/').unwrap().1.to_owned();
    let admin = sqlx::PgPool::connect(&cluster).await.unwrap();
    (app, DatabaseSwitch { admin, name })
}

/// See [`postgres_app_with_a_switch`].
pub struct DatabaseSwitch {
    admin: sqlx::PgPool,
    name: String,
}

impl DatabaseSwitch {
    pub async fn allow(&self, allow: bool) {
        let name = &self.name;
        sqlx::query(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS {allow}"))
            .execute(&self.admin)
            .await
            .unwrap();
        if !allow {
            sqlx::query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
            )
            .bind(name)
            .execute(&self.admin)
            .await
            .unwrap();
        }
    }
}
