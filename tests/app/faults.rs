//! The retry rules, the timeouts and garbage answers, proven against the sandbox's fault injection.

use crate::support::{KEY, TOKEN, credentials, fast_settings, readable, sandbox_and_client};
use axum::Router;
use axum::response::Redirect;
use axum::routing::get;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use watchers_dashboard::model::badge::{BadgeInput, BadgeOrder};
use watchers_dashboard::sandbox::FaultSettings;
use watchers_dashboard::server::door::Pass;
use watchers_dashboard::server::upstream::{Unavailable, UpstreamError, WatchersClient};

fn badge() -> BadgeInput {
    BadgeInput {
        text: "best".into(),
        background_color: "#ea00fc".into(),
        text_color: "#000000".into(),
        tooltip: "t".into(),
        communication_title: "t".into(),
        communication_text: "t".into(),
        ..Default::default()
    }
}

fn unavailable(result: Result<impl std::fmt::Debug, UpstreamError>) -> bool {
    matches!(result, Err(UpstreamError::Unavailable { .. }))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_that_meets_a_503_reaches_the_upstream_exactly_once() {
    let (sandbox, client) = sandbox_and_client(false, fast_settings()).await;
    sandbox.set_faults(FaultSettings {
        error_percent: 100,
        ..Default::default()
    });
    assert!(unavailable(
        client
            .create_badge(Pass::outside_the_door(), &badge())
            .await
    ));
    assert_eq!(sandbox.hits(), 1);
    assert!(unavailable(
        client
            .add_badge_users(Pass::outside_the_door(), 1, &["a".into()])
            .await
    ));
    assert_eq!(sandbox.hits(), 2);
    assert!(unavailable(
        client.delete_badge(Pass::outside_the_door(), 1).await
    ));
    assert!(unavailable(
        client
            .update_badge(Pass::outside_the_door(), 1, &badge())
            .await
    ));
    assert_eq!(sandbox.hits(), 4, "PATCH and DELETE are not retried either");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_get_that_meets_a_503_is_retried_once() {
    let (sandbox, client) = sandbox_and_client(false, fast_settings()).await;
    sandbox.set_faults(FaultSettings {
        error_percent: 100,
        ..Default::default()
    });
    assert!(unavailable(
        client.list_badges(5, 0, BadgeOrder::IdDesc).await
    ));
    assert_eq!(sandbox.hits(), 2);

    // Half the requests fail, evenly: ok, fail, ok. The failed GET succeeds on its retry.
    sandbox.set_faults(FaultSettings {
        error_percent: 50,
        ..Default::default()
    });
    readable(client.list_badges(5, 0, BadgeOrder::IdDesc).await.unwrap());
    readable(client.list_badges(5, 0, BadgeOrder::IdDesc).await.unwrap());
    assert_eq!(sandbox.hits(), 2 + 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limits_carry_retry_after_and_are_not_retried() {
    let (sandbox, client) = sandbox_and_client(false, fast_settings()).await;
    sandbox.set_faults(FaultSettings {
        rate_limit_secs: Some(7),
        ..Default::default()
    });
    let expected = UpstreamError::RateLimited {
        retry_after: Some(Duration::from_secs(7)),
    };
    assert_eq!(
        client
            .list_badges(5, 0, BadgeOrder::IdDesc)
            .await
            .unwrap_err(),
        expected
    );
    assert_eq!(
        client
            .create_badge(Pass::outside_the_door(), &badge())
            .await
            .unwrap_err(),
        expected
    );
    assert_eq!(sandbox.hits(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hang_ends_in_the_timeout_and_the_health_says_so() {
    let (sandbox, client) = sandbox_and_client(false, fast_settings()).await;
    readable(client.list_badges(1, 0, BadgeOrder::IdDesc).await.unwrap());
    assert!(client.health().answered_recently);
    sandbox.set_faults(FaultSettings {
        hang: true,
        ..Default::default()
    });
    let started = Instant::now();
    let err = client
        .create_badge(Pass::outside_the_door(), &badge())
        .await
        .unwrap_err();
    assert_eq!(
        err,
        UpstreamError::Unavailable {
            cause: Unavailable::Timeout
        }
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(sandbox.hits(), 2);
    assert!(unavailable(client.get_badge(1).await));
    assert_eq!(sandbox.hits(), 4, "the GET was tried twice");
    assert_eq!(client.health().last_failure, Some("timeout"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn added_latency_within_the_timeout_still_succeeds() {
    let (sandbox, client) = sandbox_and_client(true, fast_settings()).await;
    sandbox.set_faults(FaultSettings {
        latency_ms: 100,
        ..Default::default()
    });
    let started = Instant::now();
    let badges = readable(client.list_badges(3, 0, BadgeOrder::IdDesc).await.unwrap());
    assert_eq!(badges.len(), 3);
    assert!(started.elapsed() >= Duration::from_millis(100));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_bodies_are_protocol_errors_not_panics() {
    let (sandbox, client) = sandbox_and_client(true, fast_settings()).await;
    sandbox.set_faults(FaultSettings {
        garbage: true,
        ..Default::default()
    });
    for result in [
        client
            .list_badges(3, 0, BadgeOrder::IdDesc)
            .await
            .map(|_| ()),
        client.get_badge(1).await.map(|_| ()),
        client
            .create_badge(Pass::outside_the_door(), &badge())
            .await
            .map(|_| ()),
        client.list_offers(3, 0).await.map(|_| ()),
        client.get_advertisement(1).await.map(|_| ()),
        client.get_room("main-stage").await.map(|_| ()),
    ] {
        assert!(
            matches!(result, Err(UpstreamError::Protocol { .. })),
            "{result:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_connection_is_unavailable() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let client = WatchersClient::new(
        &format!("http://{addr}"),
        &credentials(KEY, TOKEN),
        fast_settings(),
    )
    .unwrap();
    assert!(unavailable(client.list_offers(1, 0).await));
    assert_eq!(client.health().last_failure, Some("connect"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redirects_are_not_followed_so_credentials_stay_put() {
    let target_hits = Arc::new(AtomicU64::new(0));
    let counter = target_hits.clone();
    let target = Router::new().fallback(move || {
        counter.fetch_add(1, Ordering::SeqCst);
        async { "[]" }
    });
    let target_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let target_addr = target_listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(target_listener, target).await.unwrap() });
    let location = format!("http://{target_addr}/steal");
    let redirector = Router::new().route(
        "/external/offer",
        get(move || {
            let location = location.clone();
            async move { Redirect::temporary(&location) }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, redirector).await.unwrap() });
    let client = WatchersClient::new(
        &format!("http://{addr}"),
        &credentials(KEY, TOKEN),
        fast_settings(),
    )
    .unwrap();
    assert!(matches!(
        client.list_offers(1, 0).await,
        Err(UpstreamError::Protocol { .. })
    ));
    assert_eq!(target_hits.load(Ordering::SeqCst), 0);
}
