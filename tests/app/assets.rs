//! The built site as a browser gets it: `/pkg` precompressed and negotiated, hashed names kept for
//! a year, pages compressed and never stored (a server function's small answer not compressed), no
//! script at all on a page without islands, and the sandbox's pictures served here.

use crate::support::{ADMIN_PASSWORD, TestApp, hash_file, spawn_app};
use std::path::Path;
use watchers_dashboard::host::router::MIN_COMPRESSED_BYTES;

/// The `/pkg/...` addresses a page's HTML names.
fn pkg_links(html: &str) -> Vec<String> {
    html.split("\"/pkg/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|name| format!("/pkg/{name}"))
        .collect()
}

async fn get(app: &TestApp, path: &str, encoding: Option<&str>) -> reqwest::Response {
    let mut request = app.client.get(app.url(path));
    if let Some(encoding) = encoding {
        request = request.header("accept-encoding", encoding);
    }
    request.send().await.expect("GET")
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .map_or("", |v| v.to_str().unwrap_or(""))
}

/// Whether there is no release build to test (allowed only while `REQUIRE_SITE` is unset).
fn no_site() -> bool {
    let missing = hash_file().is_none();
    assert!(
        !missing || std::env::var("REQUIRE_SITE").is_err(),
        "no release build (target/release/hash.txt)"
    );
    missing
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn assets_are_precompressed_hashed_and_kept_pages_are_compressed() {
    if no_site() {
        return;
    }
    let app = spawn_app(&[]).await;
    let cookie = app.sign_in("admin", ADMIN_PASSWORD).await;

    // A page without islands names the stylesheet and no script.
    let login = app.get_text("/login").await.1;
    let links = pkg_links(&login);
    assert_eq!(links.len(), 1, "{links:?}");
    assert!(links[0].ends_with(".css"), "{links:?}");
    // A page with an island names the loader and the WASM too, each with a hash in its name.
    let page = app
        .get_as(&cookie, "/badges/new")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("<leptos-island"), "the editor is an island");
    let links = pkg_links(&page);
    for ending in [".css", ".js", ".wasm"] {
        let named: Vec<_> = links.iter().filter(|l| l.ends_with(ending)).collect();
        assert!(!named.is_empty(), "no {ending} in {links:?}");
        for link in named {
            // watchers-dashboard.<hash>.<ending>
            assert_eq!(link.matches('.').count(), 2, "{link} has no hash");
        }
    }

    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/site");
    for link in &links {
        let on_disk = std::fs::read(site.join(&link[1..])).expect("built file");
        for (accept, encoding, suffix) in [
            (Some("gzip, deflate, br"), "br", ".br"),
            (Some("gzip"), "gzip", ".gz"),
            (None, "", ""),
        ] {
            let response = get(&app, link, accept).await;
            assert_eq!(response.status(), 200, "{link}");
            assert_eq!(
                header(&response, "content-encoding"),
                encoding,
                "{link} {accept:?}"
            );
            assert_eq!(
                header(&response, "cache-control"),
                "public, max-age=31536000, immutable",
                "{link}"
            );
            assert!(
                header(&response, "vary").contains("accept-encoding"),
                "{link}"
            );
            let body = response.bytes().await.unwrap();
            let expected = match suffix {
                "" => on_disk.clone(),
                _ => std::fs::read(site.join(format!("{}{suffix}", &link[1..]))).unwrap(),
            };
            assert!(body == expected, "{link} {accept:?}: not the built file");
            if !suffix.is_empty() {
                assert!(
                    body.len() < on_disk.len() / 2,
                    "{link} {encoding} barely smaller"
                );
            }
        }
    }

    // A file that is not there is not kept.
    let missing = get(&app, "/pkg/watchers-dashboard.nope.js", Some("br")).await;
    assert_eq!(missing.status(), 404);
    assert_ne!(
        header(&missing, "cache-control"),
        "public, max-age=31536000, immutable"
    );

    // Pages are compressed for the browser that asks, and still never stored.
    for (accept, encoding) in [("br", "br"), ("gzip", "gzip")] {
        let response = get(&app, "/login", Some(accept)).await;
        assert_eq!(response.status(), 200);
        assert_eq!(header(&response, "content-encoding"), encoding);
        assert_eq!(header(&response, "cache-control"), "no-store");
        let compressed = response.bytes().await.unwrap().len();
        assert!(
            compressed * 2 < login.len(),
            "{encoding}: {compressed} of {}",
            login.len()
        );
    }
    let plain = get(&app, "/login", None).await;
    assert_eq!(header(&plain, "content-encoding"), "");
}

/// A server function's small answer goes as it is, whatever the browser accepts: setting up a
/// brotli or gzip encoder costs more than it saves on a few hundred bytes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_small_answer_goes_uncompressed() {
    let app = spawn_app(&[]).await;
    let cookie = app.sign_in("admin", ADMIN_PASSWORD).await;
    let no_arguments: [(&str, &str); 0] = [];
    for accept in ["br", "gzip"] {
        let response = app
            .client
            .post(app.url("/api/auth/me"))
            .header("cookie", &cookie)
            .header("accept", "application/json")
            .header("accept-encoding", accept)
            .form(&no_arguments)
            .send()
            .await
            .expect("auth/me");
        assert_eq!(response.status(), 200);
        assert_eq!(header(&response, "content-encoding"), "", "{accept}");
        assert_eq!(header(&response, "cache-control"), "no-store");
        let body = response.text().await.unwrap();
        assert!(
            body.len() < usize::from(MIN_COMPRESSED_BYTES) && body.contains("\"admin\""),
            "{body}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sandboxs_pictures_are_the_dashboards_own() {
    if no_site() {
        return;
    }
    let app = spawn_app(&[]).await;
    let cookie = app.sign_in("admin", ADMIN_PASSWORD).await;
    let page = app
        .get_as(&cookie, "/badges?order=id_asc")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(r#"src="/sandbox/badge-vip.svg""#),
        "the VIP badge's picture is served here"
    );
    for name in ["badge-vip", "offer-pitch", "ad-season-pass", "mango-trophy"] {
        let response = app.get_as(&cookie, &format!("/sandbox/{name}.svg")).await;
        assert_eq!(response.status(), 200, "{name}");
        assert_eq!(header(&response, "content-type"), "image/svg+xml", "{name}");
    }
}
