//! The Results page's readings, thinned by the database: a long run of readings comes back as
//! about `OVERVIEW_POINTS` of them, the newest always among them, a short run whole.

use crate::support::spawn_app;
use watchers_dashboard::server::db::samples::{Reading, insert};
use watchers_dashboard::server::results::{self, OVERVIEW_POINTS};

fn reading(ad_id: i64, views: Option<i64>) -> Reading {
    Reading {
        ad_id,
        views,
        messages: Some(1),
        label: format!("Thinned {ad_id}"),
        sent_at: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_run_of_readings_is_thinned_and_keeps_the_newest() {
    let app = spawn_app(&[]).await;
    let state = app.state();
    let now = app.clock.now();
    let start = now - 600 * 300;
    // Advertisement 7001: 600 readings, 5 minutes apart, the last one unreadable;
    // advertisement 7002: 3 readings.
    for n in 0..600 {
        let views = (n < 599).then_some(n);
        let mut batch = vec![reading(7001, views)];
        if n >= 597 {
            batch.push(reading(7002, Some(n)));
        }
        insert(&state.db, start + n * 300, &batch).await.unwrap();
    }
    let rows = results::overview(&state, None, None).await.unwrap();
    let long = rows.iter().find(|r| r.id == 7001).expect("listed");
    let short = rows.iter().find(|r| r.id == 7002).expect("listed");
    let n = long.samples.len() as i64;
    assert!(
        (OVERVIEW_POINTS / 2..=OVERVIEW_POINTS + 1).contains(&n),
        "about {OVERVIEW_POINTS} readings, not 600: {n}"
    );
    let newest = long.samples.last().unwrap();
    assert_eq!(newest.at, start + 599 * 300, "the newest reading is kept");
    assert_eq!(newest.views, None, "and shown unreadable as it was");
    assert!(
        long.samples.windows(2).all(|w| w[0].at < w[1].at),
        "oldest first"
    );
    assert_eq!(long.label, "Thinned 7001");
    assert_eq!(
        short.samples.len(),
        3,
        "a short run whole: {:?}",
        short.samples
    );
    // An advertisement's own page still gets every reading.
    assert_eq!(results::samples(&state, 7001).await.unwrap().len(), 600);
}
