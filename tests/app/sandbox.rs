//! The sandbox on its own: data that survives a restart, the standalone command, and what
//! rehearsals need of it (its clock, growing counters, user offers, deletes).

mod rehearsal;

use crate::support::{KEY, TOKEN, credentials, readable};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use watchers_dashboard::model::badge::{BadgeInput, BadgeOrder};
use watchers_dashboard::sandbox::{Sandbox, SandboxConfig};
use watchers_dashboard::server::door::Pass;
use watchers_dashboard::server::upstream::{ClientSettings, WatchersClient};

async fn client_for(sandbox: &std::sync::Arc<Sandbox>) -> WatchersClient {
    let addr = sandbox.spawn(([127, 0, 0, 1], 0).into()).await.unwrap();
    WatchersClient::new(
        &format!("http://{addr}"),
        &credentials(KEY, TOKEN),
        ClientSettings::default(),
    )
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_users_create_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let config = SandboxConfig {
        api_key: KEY.into(),
        bearer_token: TOKEN.into(),
        tagmango_token: "tagmango-token".into(),
        data_file: Some(dir.path().join("sandbox.json")),
        seed: true,
    };
    let first = Sandbox::open(config.clone()).unwrap();
    let client = client_for(&first).await;
    let seeded = readable(
        client
            .list_badges(100, 0, BadgeOrder::IdDesc)
            .await
            .unwrap(),
    )
    .len();
    assert!(seeded >= 3, "the demo set has badges");
    let badge = client
        .create_badge(
            Pass::outside_the_door(),
            &BadgeInput {
                text: "kept".into(),
                background_color: "#000".into(),
                text_color: "#fff".into(),
                tooltip: "t".into(),
                communication_title: "t".into(),
                communication_text: "t".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    client
        .add_badge_users(
            Pass::outside_the_door(),
            badge.id,
            &["u1".into(), "u2".into()],
        )
        .await
        .unwrap();

    let second = Sandbox::open(config).unwrap();
    let client = client_for(&second).await;
    let badges = readable(
        client
            .list_badges(100, 0, BadgeOrder::IdDesc)
            .await
            .unwrap(),
    );
    assert_eq!(badges.len(), seeded + 1, "restored, not re-seeded");
    assert_eq!((badges[0].text.as_str(), badges[0].user_count), ("kept", 2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sandbox_command_serves_alone() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_watchers-dashboard"))
        .args([
            "sandbox",
            "--addr",
            "127.0.0.1:0",
            "--data-file",
            ":memory:",
            "--api-key",
            KEY,
            "--bearer-token",
            TOKEN,
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .trim_end_matches('/')
        .to_owned();
    let client =
        WatchersClient::new(&url, &credentials(KEY, TOKEN), ClientSettings::default()).unwrap();
    let result = client.get_room("main-stage").await;
    child.kill().unwrap();
    let _ = child.wait();
    assert_eq!(result.unwrap().name.as_deref(), Some("Main stage"));
}
