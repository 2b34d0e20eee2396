//! The marketing composers drawn on the server with the live island (`components/offer_composer`,
//! `components/ad_composer`): their pages are plain forms, their live answers draw the preview,
//! payload, times, zone, clashes and problems from the form as typed and change nothing, and a
//! refused publish lands on the draft with every problem by its field.

use crate::forms::post_plain;
use crate::live_forms::{live, problem_of};
use crate::marketing::{AD, OFFER, with};
use crate::support::{ADMIN_PASSWORD, page, spawn_app};
use watchers_dashboard::model::draft::new_draft_key;
use watchers_dashboard::model::staff::Role;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_offer_page_is_a_plain_form_that_the_live_island_brings_to_life() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let html = page(&app, &admin, "/offers/new").await;
    assert!(
        html.contains(r#"<form id="offer-form" method="post" action="/api/offers/submit""#),
        "{html}"
    );
    assert!(html.contains(r#"data-component="LiveForm_"#), "{html}");
    assert!(!html.contains("OfferComposer"), "{html}");
    // Sections that hide by template and audience once the island runs; every one shows without.
    assert!(
        html.contains(r#"data-shown-when="form[audience]=ROOM""#),
        "{html}"
    );
    assert!(!html.contains("hidden=\"\" data-shown-when"), "{html}");
    // No zone is known yet: the times are UTC, and the island fills in the browser's zone.
    assert!(html.contains("Times are UTC."), "{html}");
    assert!(
        html.contains(r#"name="form[zone]" value="" data-browser-zone"#),
        "{html}"
    );
    // "Save draft" goes whatever the form's problems.
    assert!(html.contains(r#"value="draft" formnovalidate"#), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_offer_composers_answer_draws_its_live_parts_and_changes_nothing() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let typed = with(
        OFFER,
        &[
            ("draft_key", "0123456789abcdef0123456789abcdef"),
            ("form[title]", "Kept title"),
            ("form[bg_color]", "javascript:alert(1)"),
            ("form[zone]", "Asia/Tokyo"),
            ("form[start][local]", "2030-05-22T21:00:00"),
        ],
    );
    let html = live(&app, &admin, "/api/offers/live", &typed).await;
    let preview = html
        .split(r#"<div data-live="preview">"#)
        .nth(1)
        .and_then(|rest| rest.split(r#"data-live="payload""#).next())
        .expect("the preview");
    assert!(preview.contains("Kept title"), "{html}");
    // Only a valid colour reaches the card's style.
    assert!(!preview.contains("javascript:"), "{html}");
    assert!(
        html.contains(r#"<p data-problem="templateData.bgColor">"#),
        "{html}"
    );
    assert!(html.contains(r#"<div data-live="payload">"#), "{html}");
    // The start read in the zone the form names, with UTC beside it; the sentence names it.
    assert!(html.contains("= 2030-05-22 12:00:00 UTC"), "{html}");
    assert!(html.contains("Asia/Tokyo (UTC+09:00)"), "{html}");
    assert!(html.contains(r#"<div data-live="clashes">"#), "{html}");
    assert!(html.contains("1 thing(s) to fix first."), "{html}");
    // Nothing was saved or published.
    let offers = page(&app, &admin, "/offers").await;
    assert!(!offers.contains("Kept title"), "{offers}");

    // Only for those whose role may compose offers, and only signed in.
    let moderator = app.staff_signed_in("mo", Role::Moderator).await;
    let refused = app.call(Some(&moderator), "/api/offers/live", &typed).await;
    assert_eq!(refused.status(), 403);
    let nobody = app.call(None, "/api/offers/live", &typed).await;
    assert_eq!(nobody.status(), 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_publish_lands_on_the_draft_with_every_problem_by_its_field() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let key = new_draft_key();
    let typed = with(
        OFFER,
        &[
            ("draft_key", key.as_str()),
            ("form[link]", "javascript:alert(1)"),
            ("form[show_delay_ms]", "soon"),
        ],
    );
    let (status, location, landed) =
        post_plain(&app, &admin, "/api/offers/submit", "/offers/new", &typed).await;
    assert_eq!(status, 302);
    assert!(
        location.ends_with(&format!("/offers/drafts/{key}")),
        "{location}"
    );
    let landed = landed.expect("the refusal goes with the redirect");
    let draft = format!("/offers/drafts/{key}");
    let html = page(&app, &format!("{admin}; {landed}"), &draft).await;
    assert!(html.contains(r#"value="javascript:alert(1)""#), "{html}");
    assert!(problem_of(&html, "link").contains("http"), "{html}");
    for field in ["link", "showDelayMS"] {
        let shown = problem_of(&html, field);
        assert!(shown.starts_with(r#" data-landed="""#), "{field}: {shown}");
        let message = shown.rsplit('>').next().unwrap_or_default();
        assert!(!message.trim().is_empty(), "{field}: {shown}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_advertisement_composers_page_and_answer_draw_each_language() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let html = page(&app, &admin, "/advertisements/new").await;
    assert!(
        html.contains(
            r#"<form id="advertisement-form" method="post" action="/api/advertisements/submit""#
        ),
        "{html}"
    );
    // Without JavaScript a spare blank row adds a language per save; the island takes it away
    // and adds rows from the template, whose index it fills in.
    assert!(html.contains(r#"name="form[langs][1][lang]""#), "{html}");
    assert!(html.contains(r#"data-row="" data-spare="""#), "{html}");
    assert!(
        html.contains(r#"name="form[langs][__row__][title]""#),
        "{html}"
    );
    assert!(
        html.contains(r#"data-shown-when="form[template]=12""#),
        "{html}"
    );

    // Two languages, the second with a link that is not one; deleted before it is sent.
    let typed = with(
        AD,
        &[
            ("form[langs][1][lang]", "de"),
            ("form[langs][1][title]", "Großes Spiel"),
            ("form[langs][1][link]", "javascript:alert(1)"),
            ("form[zone]", "Asia/Tokyo"),
            ("form[send][local]", "2031-01-02T19:00"),
            ("form[delete][local]", "2031-01-01T19:00"),
        ],
    );
    let html = live(&app, &admin, "/api/advertisements/live", &typed).await;
    assert!(html.contains(r#"data-lang="de""#), "{html}");
    assert!(html.contains("Großes Spiel"), "{html}");
    assert!(html.contains(r#"<p data-problem="data.1.link">"#), "{html}");
    assert!(html.contains("= 2031-01-02 10:00:00 UTC"), "{html}");
    assert!(html.contains(r#"data-rule="delete-before-send""#), "{html}");
    let ads = page(&app, &admin, "/advertisements").await;
    assert!(!ads.contains("Großes Spiel"), "{ads}");

    let moderator = app.staff_signed_in("mo", Role::Moderator).await;
    let refused = app
        .call(Some(&moderator), "/api/advertisements/live", &typed)
        .await;
    assert_eq!(refused.status(), 403);
}
