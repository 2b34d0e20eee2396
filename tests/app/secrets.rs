//! The dashboard binary, run live with canary credentials (Watchers' two and TagMango's token)
//! against a local sandbox: no credential may appear in a page, a server-function response, a `/pkg` asset or a log line;
//! the first admin's password is printed once and nowhere else.

use crate::support::{free_port, session_cookie};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;
use watchers_dashboard::sandbox::{Sandbox, SandboxConfig};

const KEY: &str = "canary-key-5d1e0c7a";
const TOKEN: &str = "canary-token-b83f92aa";
const TAGMANGO_TOKEN: &str = "canary-tagmango-41c6d0e9";

fn site_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/site")
}

fn assets(dir: &Path) -> Vec<String> {
    let mut names = vec![];
    if let Ok(entries) = std::fs::read_dir(dir.join("pkg")) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            // The build's brotli and gzip copies hold the same bytes, compressed.
            if !name.ends_with(".br") && !name.ends_with(".gz") {
                names.push(name);
            }
        }
    }
    names
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn credentials_never_leave_the_server() {
    let sandbox = Sandbox::open(SandboxConfig {
        api_key: KEY.into(),
        bearer_token: TOKEN.into(),
        tagmango_token: TAGMANGO_TOKEN.into(),
        data_file: None,
        seed: true,
    })
    .unwrap();
    let upstream = sandbox.spawn(([127, 0, 0, 1], 0).into()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let (stdout, stderr) = (dir.path().join("stdout.log"), dir.path().join("stderr.log"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_watchers-dashboard"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("LEPTOS_OUTPUT_NAME", "watchers-dashboard")
        .env("LEPTOS_SITE_ROOT", site_root())
        .env("LEPTOS_SITE_PKG_DIR", "pkg")
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("RUST_LOG", "debug")
        .env("WATCHERS_API_KEY", KEY)
        .env("WATCHERS_BEARER_TOKEN", TOKEN)
        .env("WATCHERS_BASE_URL", format!("http://{upstream}"))
        .env("TAGMANGO_TOKEN", TAGMANGO_TOKEN)
        .env("TAGMANGO_HOST", "canary.tagmango.com")
        .env("TAGMANGO_BASE_URL", format!("http://{upstream}"))
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("db.sqlite").display()),
        )
        .stdout(Stdio::from(std::fs::File::create(&stdout).unwrap()))
        .stderr(Stdio::from(std::fs::File::create(&stderr).unwrap()))
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();

    // Up, and the upstream probe (which carries both credentials) has been answered.
    let mut up = false;
    for _ in 0..100 {
        if let Ok(r) = client.get(format!("{base}/healthz")).send().await
            && let Ok(body) = r.json::<serde_json::Value>().await
            && body["upstream"]["answered_recently"] == true
        {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        up,
        "the dashboard did not come up: {}",
        std::fs::read_to_string(&stderr).unwrap_or_default()
    );
    assert!(sandbox.hits() >= 1);

    let printed = std::fs::read_to_string(&stdout).unwrap();
    let password = printed
        .lines()
        .skip_while(|l| !l.contains("First start"))
        .nth(1)
        .map(|l| {
            l.trim_matches(|c: char| c.is_whitespace() || c == '│')
                .to_owned()
        })
        .expect("the first admin's password is printed");
    let login = client
        .post(format!("{base}/auth/login"))
        .form(&[
            ("username", "admin"),
            ("password", password.as_str()),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 303);
    let cookie = session_cookie(&login).unwrap();

    let mut seen = String::new();
    for path in [
        "/",
        "/badges",
        "/badges/tagmango",
        "/badges/tagmango/6659ca9e5f2acb7abfdcd8fd",
        "/badges/tagmango/new",
        "/offers",
        "/advertisements",
        "/rooms",
        "/audit",
        "/staff",
        "/account",
        "/login",
        "/healthz",
        "/nope",
        "/audit.csv",
    ] {
        let r = client
            .get(format!("{base}{path}"))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert!(r.status().as_u16() < 500, "{path}: {}", r.status());
        seen.push_str(&format!("{:?}", r.headers()));
        seen.push_str(&r.text().await.unwrap());
    }
    for (path, form) in [
        ("/api/system/shell-info", vec![]),
        ("/api/auth/me", vec![]),
        ("/api/tagmango/list", vec![]),
        ("/api/staff/list", vec![]),
        ("/api/audit/list", vec![("filter[area]", ""), ("page", "0")]),
    ] {
        let r = client
            .post(format!("{base}{path}"))
            .header("cookie", &cookie)
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{path}");
        seen.push_str(&r.text().await.unwrap());
    }
    let files = assets(&site_root());
    if std::env::var("REQUIRE_SITE").is_ok() {
        assert!(
            files.iter().any(|f| f.ends_with(".wasm")),
            "no built site under target/site/pkg"
        );
    }
    for file in &files {
        let bytes = client
            .get(format!("{base}/pkg/{file}"))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        assert!(!bytes.is_empty(), "{file}");
        seen.push_str(&String::from_utf8_lossy(&bytes));
    }

    child.kill().unwrap();
    let _ = child.wait();
    let logs =
        std::fs::read_to_string(&stdout).unwrap() + &std::fs::read_to_string(&stderr).unwrap();
    assert!(logs.lines().count() > 5, "debug logging produced lines");
    assert!(
        seen.contains("Hall Of Fame"),
        "TagMango answered with the canary token"
    );
    for canary in [KEY, TOKEN, TAGMANGO_TOKEN] {
        assert!(!seen.contains(canary), "{canary} reached a browser");
        assert!(!logs.contains(canary), "{canary} is in the log");
    }
    assert_eq!(
        logs.matches(password.as_str()).count(),
        1,
        "the admin password is printed once"
    );
    assert!(!seen.contains(password.as_str()));
}
