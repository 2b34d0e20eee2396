//! Advertisement results: passes of the sampler (called here by hand; the test apps run none in
//! the background) keep one reading of each advertisement a period, read once across replicas,
//! forgotten after the days kept, and downloaded as CSV over HTTP. In the loose run, the record
//! that cannot be read is kept by its id with both counters unreadable, and a `null` counter
//! stays unreadable (never 0).

use crate::marketing::publish_ad;
use crate::support::{ADMIN_PASSWORD, TestApp, count, database_url, loose_run, spawn_app};
use watchers_dashboard::model::results::{CSV_HEADER, DEFAULT_SAMPLE_SECONDS, csv, iso_utc};
use watchers_dashboard::model::staff::Role;
use watchers_dashboard::sandbox::loose::{BROKEN_ID, ODD_ID};
use watchers_dashboard::server::results;
use watchers_dashboard::server::state::AppState;

/// A period, as the test apps count them (their sampler is off, so the default).
const PERIOD: i64 = DEFAULT_SAMPLE_SECONDS;

/// A started app where the admin published an advertisement titled `title` to one room: answers
/// the app, the admin's cookie and the advertisement's id.
async fn app_with_ad(title: &str) -> (TestApp, String, i64) {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let id = publish_ad(&app, &admin, &[("form[langs][0][title]", title)]).await;
    (app, admin, id)
}

/// A pass of the sampler that reads the present period (`period` says which, if it does not):
/// answers how many advertisements it read.
async fn pass(state: &AppState, period: &str) -> usize {
    results::sample_now(state)
        .await
        .expect("a pass")
        .expect(period)
}

/// Moves `apps`' clocks (all at the same time) on to the start of the next period when the
/// present one is nearly over, so that passes a moment apart fall in one period.
fn early_in_a_period(apps: &[&TestApp]) {
    let into = apps[0].clock.now().rem_euclid(PERIOD);
    if into > PERIOD - 60 {
        for app in apps {
            app.clock.advance(PERIOD - into);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_passes_a_period_apart_keep_two_readings_of_each_advertisement() {
    let (app, _, id) = app_with_ad("Season finale").await;
    let state = app.state();
    early_in_a_period(&[&app]);
    let first = pass(&state, "the period is this app's").await;
    assert!(first >= 1);
    assert_eq!(
        results::sample_now(&state).await.expect("a pass"),
        None,
        "a period is read once"
    );
    app.clock.advance(PERIOD);
    app.advance_sandbox_clock(PERIOD);
    let second = pass(&state, "the next period").await;
    assert_eq!(second, first, "the same advertisements");

    let samples = results::samples(&state, id).await.unwrap();
    assert_eq!(samples.len(), 2, "{samples:?}");
    assert!(
        samples[1].at - samples[0].at >= PERIOD,
        "oldest first, a period apart: {samples:?}"
    );
    for sample in &samples {
        assert!(
            sample.views.is_some() && sample.messages.is_some(),
            "{sample:?}"
        );
    }

    if !loose_run() {
        // The sandbox's counters grow with its clock: the second reading is higher.
        assert!(
            samples[1].views > samples[0].views && samples[1].messages >= samples[0].messages,
            "counters grow: {samples:?}"
        );
    }

    let everything = results::overview(&state, None, None).await.unwrap();
    assert_eq!(everything.len(), first, "every advertisement read");
    let ad = everything.iter().find(|a| a.id == id).expect("listed");
    assert_eq!(ad.label, "Season finale");
    assert_eq!(ad.sent_at, None, "sent at once: no send time");
    assert_eq!(ad.samples, samples);
    // A range keeps the readings in it, and the advertisements with one.
    let later = results::overview(&state, Some(samples[1].at), None)
        .await
        .unwrap();
    let ad = later.iter().find(|a| a.id == id).expect("listed");
    assert_eq!(ad.samples, samples[1..].to_vec());
    let before = results::overview(&state, None, Some(samples[0].at - 1))
        .await
        .unwrap();
    assert!(before.is_empty(), "{before:?}");

    if loose_run() {
        // The record that cannot be read, known by its id: both counters unreadable.
        let broken_id: i64 = BROKEN_ID.parse().unwrap();
        let broken = results::samples(&state, broken_id).await.unwrap();
        assert_eq!(broken.len(), 2, "{broken:?}");
        assert!(
            broken
                .iter()
                .all(|s| s.views.is_none() && s.messages.is_none()),
            "{broken:?}"
        );
        let named = everything.iter().find(|a| a.id == broken_id).unwrap();
        assert_eq!(named.label, format!("Advertisement {broken_id}"));
        // The odd one sends `"messagesLength": "1", "viewsLength": null`.
        let odd = results::samples(&state, ODD_ID).await.unwrap();
        assert_eq!(odd.len(), 2, "{odd:?}");
        assert!(
            odd.iter()
                .all(|s| s.views.is_none() && s.messages == Some(1)),
            "{odd:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passes_at_the_same_time_read_the_period_once_even_on_two_replicas() {
    let dir = tempfile::tempdir().unwrap();
    let url = database_url(dir.path()).await;
    let one = spawn_app(&[("DATABASE_URL", url.as_str())]).await;
    let two = spawn_app(&[("DATABASE_URL", url.as_str())]).await;
    early_in_a_period(&[&one, &two]);
    let (first, second) = (one.state(), two.state());

    let (a, b) = tokio::join!(results::sample_now(&first), results::sample_now(&first));
    let (a, b) = (a.expect("a pass"), b.expect("a pass"));
    assert!(a.is_some() != b.is_some(), "exactly one read: {a:?}, {b:?}");

    one.clock.advance(PERIOD);
    two.clock.advance(PERIOD);
    let (a, b) = tokio::join!(results::sample_now(&first), results::sample_now(&second));
    let (a, b) = (a.expect("a pass"), b.expect("a pass"));
    assert!(
        a.is_some() != b.is_some(),
        "exactly one replica read: {a:?}, {b:?}"
    );
    assert_eq!(count(&one, "SELECT COUNT(*) FROM sample_runs").await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readings_older_than_the_days_kept_are_forgotten() {
    let (app, _, id) = app_with_ad("Kept a while").await;
    let state = app.state();
    let first = pass(&state, "a period").await;
    app.clock.advance(91 * 86_400);
    pass(&state, "a period 91 days on").await;
    let stored = format!("SELECT COUNT(*) FROM ad_samples WHERE ad_id = {id}");
    assert_eq!(count(&app, &stored).await, 2);
    // Past the 90 days, the old reading is not shown even before it is forgotten.
    assert_eq!(results::samples(&state, id).await.unwrap().len(), 1);

    assert_eq!(results::forget_old(&state).await.unwrap(), first as u64);
    assert_eq!(count(&app, &stored).await, 1);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM sample_runs").await,
        1,
        "the old period is forgotten with its readings"
    );
    assert_eq!(results::forget_old(&state).await.unwrap(), 0);
    assert_eq!(results::samples(&state, id).await.unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_advertisements_readings_download_as_csv() {
    let (app, admin, id) = app_with_ad("Downloaded").await;
    let state = app.state();
    early_in_a_period(&[&app]);
    pass(&state, "a period").await;
    app.clock.advance(PERIOD);
    pass(&state, "the next period").await;
    let samples = results::samples(&state, id).await.unwrap();
    assert_eq!(samples.len(), 2);

    let path = format!("/advertisements/{id}/results.csv");
    let response = app.get_as(&admin, &path).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    assert_eq!(
        response.headers()["content-disposition"],
        format!("attachment; filename=\"advertisement-{id}-results.csv\"").as_str()
    );
    let text = response.text().await.unwrap();
    assert_eq!(text, csv(id, &samples));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(lines[0], CSV_HEADER);
    assert!(
        lines[1].starts_with(&format!("{id},{},", iso_utc(samples[0].at))),
        "{text}"
    );

    // Every signed-in role may read advertisements; no one else.
    let moderator = app.staff_signed_in("mod", Role::Moderator).await;
    assert_eq!(app.get_as(&moderator, &path).await.status(), 200);
    let anonymous = app.client.get(app.url(&path)).send().await.unwrap();
    assert_eq!(anonymous.status(), 303, "sent to sign in");
    assert!(
        anonymous.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login?next="),
    );
    // An advertisement never read: the header alone.
    let none = app
        .get_as(&admin, "/advertisements/424242/results.csv")
        .await;
    assert_eq!(none.status(), 200);
    assert_eq!(none.text().await.unwrap(), format!("{CSV_HEADER}\n"));
}

mod thinning;
