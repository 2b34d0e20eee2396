//! A test's removal upstream once its time is up: exactly once with two replicas on one
//! database (each with its own state and job, one upstream), after a restart from the database
//! and the sandbox's file, tried again after an upstream 5xx once its wait is over, and "Remove
//! now".

use super::{UP, audited, offer, sender, sent};
use crate::support::{
    database_url, replica_of, sandbox_on_loopback, spawn_app, spawn_stoppable_app,
};

use watchers_dashboard::error::AppError;
use watchers_dashboard::model::test_send::TestSendState;
use watchers_dashboard::sandbox::FaultSettings;
use watchers_dashboard::server::test_sends;
use watchers_dashboard::server::upstream::UpstreamError;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_remove_each_test_exactly_once() {
    let (sandbox, upstream) = sandbox_on_loopback(false).await;
    let dir = tempfile::tempdir().unwrap();
    let database = database_url(dir.path()).await;
    let vars = replica_of(&database, &upstream);
    let a = spawn_app(&vars).await;
    let b = spawn_app(&vars).await;
    let (state_a, state_b) = (a.state(), b.state());
    let who = sender(&a, "fan-1\nfan-2", "r-test").await;
    let mut ids = Vec::new();
    for title in ["First", "Second", "Third"] {
        ids.push(sent(&state_a, &who, title).await.1);
    }
    // Not yet: nothing is due.
    assert_eq!(test_sends::remove_due(&state_b).await, 0);
    assert!(sandbox.stored_offer(ids[0]).is_some());

    a.clock.advance(UP + 1);
    b.clock.advance(UP + 1);
    let (by_a, by_b) = tokio::join!(
        test_sends::remove_due(&state_a),
        test_sends::remove_due(&state_b)
    );
    // Each test is claimed by one replica alone (the apps' own jobs are off in tests).
    assert_eq!(by_a + by_b, 3, "{by_a} + {by_b}");
    let removed = audited(&a, "remove test send", "ok").await;
    assert_eq!(removed.len(), 3, "one removal each: {removed:?}");
    let on_behalf = "sent by admin: its time was up (by the dashboard, on admin's behalf)";
    for (actor, summary) in &removed {
        assert_eq!(actor, "dashboard");
        assert!(summary.contains(on_behalf), "{summary}");
    }
    for id in &ids {
        assert!(sandbox.stored_offer(*id).is_none(), "offer {id} is gone");
        assert!(matches!(
            state_b.upstream.get_offer(*id).await,
            Err(UpstreamError::NotFound)
        ));
    }
    let listed = test_sends::list(&state_b, &who, None).await.unwrap();
    assert_eq!(listed.len(), 3);
    for test in &listed {
        assert!(test.state.is_removed(), "{test:?}");
        assert_eq!(test.attempts, 0);
    }
    // Nothing more to do, on either.
    assert_eq!(test_sends::remove_due(&state_a).await, 0);
    assert_eq!(test_sends::remove_due(&state_b).await, 0);
    assert_eq!(audited(&a, "remove test send", "ok").await.len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_test_is_removed_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let database = database_url(dir.path()).await;
    let sandbox_file = dir.path().join("sandbox.json").display().to_string();
    let vars = [
        ("DATABASE_URL", database.as_str()),
        ("WATCHERS_SANDBOX_FILE", sandbox_file.as_str()),
    ];
    let (first, stop, serving) = spawn_stoppable_app(&vars).await;
    let who = sender(&first, "fan-1", "r-test").await;
    let (_, id) = sent(&first.state(), &who, "Across a restart").await;
    stop.send(()).unwrap();
    serving.await.unwrap();
    drop(first);

    // A new process on the same database and the same sandbox file.
    let second = spawn_app(&vars).await;
    let sandbox = second.sandbox.as_ref().unwrap();
    assert!(
        sandbox.stored_offer(id).is_some(),
        "still up after the restart"
    );
    let state = second.state();
    assert_eq!(test_sends::remove_due(&state).await, 0, "not yet due");
    second.clock.advance(UP + 1);
    assert_eq!(test_sends::remove_due(&state).await, 1);
    assert!(sandbox.stored_offer(id).is_none());
    let listed = test_sends::list(&state, &who, None).await.unwrap();
    assert!(listed[0].state.is_removed(), "{:?}", listed[0]);
    assert_eq!(audited(&second, "remove test send", "ok").await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_removal_that_meets_an_upstream_5xx_is_tried_again_after_its_wait() {
    let app = spawn_app(&[]).await;
    let state = app.state();
    let sandbox = app.sandbox.as_ref().unwrap();
    let who = sender(&app, "fan-1", "r-test").await;
    let (_, id) = sent(&state, &who, "Flaky").await;
    app.clock.advance(UP + 1);

    sandbox.set_faults(FaultSettings {
        error_percent: 100,
        ..Default::default()
    });
    assert_eq!(test_sends::remove_due(&state).await, 1);
    sandbox.set_faults(FaultSettings::default());
    let failed = test_sends::list(&state, &who, None)
        .await
        .unwrap()
        .remove(0);
    assert_eq!(failed.attempts, 1);
    match &failed.state {
        TestSendState::Failed { why, next_try } => {
            assert_eq!(why, "Watchers answered with an error (status 503).");
            let next = super::seconds(next_try.as_deref().expect("when it is tried again"));
            super::about(next, app.clock.now() + 30, "the first wait is 30 s");
        }
        other => panic!("a failed removal: {other:?}"),
    }
    assert!(sandbox.stored_offer(id).is_some(), "still up");
    assert_eq!(audited(&app, "remove test send", "failed").await.len(), 1);

    // Before its wait is over, nothing is tried, though Watchers answers again.
    assert_eq!(test_sends::remove_due(&state).await, 0);
    assert!(sandbox.stored_offer(id).is_some());
    app.clock.advance(31);
    assert_eq!(test_sends::remove_due(&state).await, 1);
    assert!(sandbox.stored_offer(id).is_none());
    let removed = test_sends::list(&state, &who, None)
        .await
        .unwrap()
        .remove(0);
    assert!(removed.state.is_removed(), "{removed:?}");
    assert_eq!(audited(&app, "remove test send", "ok").await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn remove_now_removes_a_test_before_its_time_and_only_its_senders() {
    let app = spawn_app(&[]).await;
    let state = app.state();
    let sandbox = app.sandbox.as_ref().unwrap();
    let who = sender(&app, "fan-1", "r-test").await;
    let (test, id) = sent(&state, &who, "Early").await;

    // Someone else's is not theirs to remove.
    let mut other = who.clone();
    other.username = "zoe".into();
    assert!(matches!(
        test_sends::remove_now(&state, &other, test.id).await,
        Err(AppError::NotFound { .. })
    ));

    let removed = test_sends::remove_now(&state, &who, test.id).await.unwrap();
    assert!(removed.state.is_removed(), "{removed:?}");
    assert!(sandbox.stored_offer(id).is_none());
    // Again: answered as it is, nothing sent.
    let again = test_sends::remove_now(&state, &who, test.id).await.unwrap();
    assert_eq!(again, removed);
    let entries = audited(&app, "remove test send", "ok").await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].0, "admin");
    // The job finds nothing left, even once its time is up.
    app.clock.advance(UP + 1);
    assert_eq!(test_sends::remove_due(&state).await, 0);
    // Removed, the same test may be sent anew.
    assert!(
        test_sends::send(&state, &who, &offer("Early"))
            .await
            .is_ok()
    );
}
