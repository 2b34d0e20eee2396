//! The results pages over HTTP, as a browser without JavaScript gets them: an offer's page says
//! offers have no counters; an advertisement's page has its Results section (the promise of a
//! first reading, or the chart) with the CSV link; the Results page keeps a day it could not read
//! as it was typed, with the problem beside it, and marks the column it is in order by.

use crate::support::{ADMIN_PASSWORD, page, spawn_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_results_pages_render_complete_without_javascript() {
    let app = spawn_app(&[]).await;
    let cookie = app.sign_in("admin", ADMIN_PASSWORD).await;

    let offer = page(&app, &cookie, "/offers/8").await;
    assert!(offer.contains("data-testid=\"no-counters\""), "{offer}");

    let ad = page(&app, &cookie, "/advertisements/10").await;
    assert!(ad.contains("data-testid=\"ad-results\""), "{ad}");
    assert!(ad.contains("href=\"/advertisements/10/results.csv\""));
    assert!(
        ad.contains("data-testid=\"no-readings\"")
            || ad.contains("aria-labelledby=\"results-chart-title results-chart-desc\""),
        "either the first reading is promised or the chart is drawn"
    );

    let results = page(&app, &cookie, "/results?from=banana&to=&sort=views&dir=asc").await;
    assert!(results.contains("value=\"banana\""), "what was typed stays");
    assert!(results.contains("“banana” is not a date"), "{results}");
    assert!(results.contains("aria-sort=\"ascending\""));
    // The sorted column's link turns the order round, keeping the range.
    let flip = results.replace("&amp;", "&");
    assert!(flip.contains("href=\"/results?from=banana&to=&sort=views&dir=desc\""));
    assert!(
        results.contains("href=\"/results\""),
        "the navigation leads here"
    );
}
