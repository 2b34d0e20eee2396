//! Forms drawn on the server and brought to life by the live island (`components/live`): the
//! form's answer draws its live parts from the form as typed, for those whose role may use the
//! form only; a refused plain post lands on the form again as typed, with every problem by its
//! field. The new-room form and the TagMango editor.

use crate::forms::post_plain;
use crate::support::{ADMIN_PASSWORD, TestApp, page, spawn_app};
use watchers_dashboard::model::staff::Role;

/// What server function `path` (a form's live answer) answers to `form`: it must answer 200, with
/// the HTML as a JSON string.
pub async fn live(app: &TestApp, cookie: &str, path: &str, form: &[(&str, &str)]) -> String {
    let response = app.call(Some(cookie), path, form).await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("the answer is a JSON string")
}

/// Posts `form` to server function `path` as a plain form on page `from`, which must refuse it
/// and send the browser back there; answers that page as the browser then gets it.
async fn refused_page(
    app: &TestApp,
    cookie: &str,
    path: &str,
    from: &str,
    form: &[(&str, &str)],
) -> String {
    let (status, location, landed) = post_plain(app, cookie, path, from, form).await;
    assert_eq!(status, 302);
    assert!(location.ends_with(from), "{location}");
    let landed = landed.expect("the refusal goes with the redirect");
    page(app, &format!("{cookie}; {landed}"), from).await
}

/// The problem span of `field` in a page, from after its `data-problem-for` to its end.
pub fn problem_of<'a>(html: &'a str, field: &str) -> &'a str {
    let rest = html
        .split(&format!(r#"data-problem-for="{field}""#))
        .nth(1)
        .expect("the field's problem");
    rest.split("</span>").next().unwrap_or_default()
}

/// The new-room form as typed: a room id the rules refuse, a start in Tokyo's time.
const TYPED: &[(&str, &str)] = &[
    ("form[room_id]", "no/such/room"),
    ("form[name]", "Kept name"),
    ("form[about]", "Kept about"),
    ("form[zone]", "Asia/Tokyo"),
    ("form[start][local]", "2030-07-01T21:00:00"),
    ("form[start][offset]", "0"),
    ("form[end][local]", "not a time"),
    ("form[end][offset]", "0"),
    ("form[tz_offset_minutes]", "0"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_room_forms_answer_draws_its_live_parts_from_the_form_as_typed() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let html = live(&app, &admin, "/api/rooms/live", TYPED).await;
    // Each problem of the form as typed, by its field, in the model's own words.
    assert!(
        html.contains(r#"<p data-problem="roomId">A room id is"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<p data-problem="endTime">End must be a date and time."#),
        "{html}"
    );
    assert!(!html.contains(r#"data-problem="name""#), "{html}");
    // The start read in the form's zone, with UTC beside it; the zone's sentence names it.
    assert!(html.contains(r#"<div data-live="startTime">"#), "{html}");
    assert!(html.contains("= 2030-07-01 12:00:00 UTC"), "{html}");
    assert!(html.contains("Asia/Tokyo (UTC+09:00)"), "{html}");
    // Nothing was made.
    let rooms = page(&app, &admin, "/rooms").await;
    assert!(!rooms.contains("Kept name"));

    // Only for those whose role may make rooms, and only signed in.
    let marketing = app.staff_signed_in("mia", Role::Marketing).await;
    let refused = app.call(Some(&marketing), "/api/rooms/live", TYPED).await;
    assert_eq!(refused.status(), 403);
    let nobody = app.call(None, "/api/rooms/live", TYPED).await;
    assert_eq!(nobody.status(), 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_room_lands_on_its_form_as_typed_with_the_refusal_by_its_field() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let html = refused_page(&app, &admin, "/api/rooms/create", "/rooms/new", TYPED).await;
    assert!(
        html.contains(r#"role="alert" data-testid="landed""#),
        "{html}"
    );
    assert!(html.contains(r#"value="no/such/room""#), "{html}");
    assert!(html.contains(r#"value="Kept name""#), "{html}");
    assert!(html.contains(">Kept about</textarea>"), "{html}");
    assert!(html.contains(r#"value="2030-07-01T21:00:00""#), "{html}");
    // Every problem of the form as typed by its field, not only the one that refused it, shown
    // from the start (the island leaves each until its field is typed in).
    for (field, message) in [
        ("roomId", "A room id is"),
        ("endTime", "End must be a date and time."),
    ] {
        let shown = problem_of(&html, field);
        assert!(shown.starts_with(r#" data-landed="""#), "{shown}");
        assert!(shown.contains(message), "{field}: {shown}");
    }

    // Without the cookie the form is empty again.
    let again = page(&app, &admin, "/rooms/new").await;
    assert!(!again.contains("Kept name"));
}

/// The TagMango editor as typed: points picked, mango ids typed as well (refused), an image that
/// is not an http(s) address.
const MANGO_TYPED: &[(&str, &str)] = &[
    ("form[name]", "Kept fan"),
    ("form[description]", "For the keenest"),
    ("form[image_url]", "javascript:alert(1)"),
    ("form[automation]", "points"),
    ("form[points_threshold]", "250"),
    ("form[point_category]", "lifetime"),
    (
        "form[mangoes]",
        "6659ca9e5f2acb7abfdcd8fd 6659CA9E5F2ACB7ABFDCD8FD",
    ),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tagmango_editors_answer_draws_the_card_counts_and_problems_as_typed() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let html = live(&app, &admin, "/api/tagmango/live", MANGO_TYPED).await;
    assert!(
        html.contains(r#"class="mango-card__name">Kept fan</h3>"#),
        "{html}"
    );
    assert!(html.contains(r#"data-testid="unsafe-value""#), "{html}");
    assert!(html.contains("1 mango (1 repeat dropped)"), "{html}");
    assert!(
        html.contains(r#"data-testid="count-name" class="counter">8/"#),
        "{html}"
    );
    assert!(html.contains("thing(s) to fix first."), "{html}");
    assert!(
        html.contains(r#"<p data-problem="automationEnabledMangoes">Only one automation type"#),
        "{html}"
    );

    let moderator = app.staff_signed_in("mo", Role::Moderator).await;
    let refused = app
        .call(Some(&moderator), "/api/tagmango/live", MANGO_TYPED)
        .await;
    assert_eq!(refused.status(), 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_tagmango_badge_lands_on_its_editor_as_typed() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let from = "/badges/tagmango/new";
    let html = refused_page(&app, &admin, "/api/tagmango/create", from, MANGO_TYPED).await;
    assert!(
        html.contains(r#"role="alert" data-testid="landed""#),
        "{html}"
    );
    assert!(html.contains(r#"value="Kept fan""#), "{html}");
    assert!(html.contains(r#"value="250""#), "{html}");
    assert!(
        html.contains("6659CA9E5F2ACB7ABFDCD8FD</textarea>"),
        "{html}"
    );
    assert!(
        html.contains(r#"value="points" id="mango-automation-points" checked"#),
        "{html}"
    );
    let shown = problem_of(&html, "automationEnabledMangoes");
    assert!(shown.contains("Only one automation type"), "{shown}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_badge_editors_answer_draws_the_preview_and_problems_and_a_refusal_comes_back_typed() {
    let app = spawn_app(&[]).await;
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let typed = [
        ("form[text]", "Kept star"),
        ("form[background_color]", "blue"),
        ("form[text_color]", "#fafafa"),
        ("form[tooltip]", "A shining star"),
        ("form[communication_title]", "Welcome, star"),
        ("form[communication_text]", "You earned it."),
        ("form[trigger]", "none"),
    ];
    let html = live(&app, &admin, "/api/badges/live", &typed).await;
    assert!(html.contains(r#"<div data-live="preview">"#), "{html}");
    assert!(html.contains("<span>Kept star</span>"), "{html}");
    assert!(
        html.contains(r#"data-testid="count-tooltip" class="counter">14/"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<p data-problem="backgroundColor">"#),
        "{html}"
    );
    assert!(html.contains("thing(s) to fix before saving."), "{html}");

    let from = "/badges/new";
    let page = refused_page(&app, &admin, "/api/badges/create", from, &typed).await;
    assert!(page.contains(r#"value="Kept star""#), "{page}");
    assert!(page.contains(r#"value="blue""#), "{page}");
    assert!(page.contains(">You earned it.</textarea>"), "{page}");
    let shown = problem_of(&page, "backgroundColor");
    assert!(shown.contains("hex colour"), "{shown}");
}
