//! Every server function, called by an admin with arguments that are wrong, answers the status its
//! error chooses (400, 404 or 422) and never 500: a client's mistake is not a server fault. The
//! refused roles (401, 403) are walked in `roles.rs`.

use crate::support::{ADMIN_PASSWORD, spawn_app};
use serde_json::Value;
use watchers_dashboard::model::staff::Role;

type Form = &'static [(&'static str, &'static str)];

/// A server function, a wrong call of it, and the status that call must answer.
const BAD_CALLS: &[(&str, Form, u16)] = &[
    ("/api/staff/add", &[("username", "newbie")], 422),
    (
        "/api/staff/add",
        &[
            ("username", "x"),
            ("role", "moderator"),
            ("password", "long-enough-pw-1"),
        ],
        422,
    ),
    (
        "/api/staff/add",
        &[
            ("username", "ann"),
            ("role", "moderator"),
            ("password", "short"),
        ],
        422,
    ),
    (
        "/api/staff/add",
        &[
            ("username", "ann"),
            ("role", "chief"),
            ("password", "long-enough-pw-1"),
        ],
        422,
    ),
    (
        "/api/staff/set-role",
        &[("username", "nobody"), ("role", "marketing")],
        404,
    ),
    (
        "/api/staff/set-role",
        &[("username", "admin"), ("role", "marketing")],
        422,
    ),
    (
        "/api/staff/reset-password",
        &[("username", "newbie"), ("password", "short")],
        422,
    ),
    (
        "/api/staff/reset-password",
        &[("username", "nobody"), ("password", "long-enough-pw-1")],
        404,
    ),
    (
        "/api/staff/set-disabled",
        &[("username", "admin"), ("disabled", "true")],
        422,
    ),
    (
        "/api/staff/set-disabled",
        &[("username", "nobody"), ("disabled", "true")],
        404,
    ),
    (
        "/api/staff/set-disabled",
        &[("username", "newbie"), ("disabled", "maybe")],
        422,
    ),
    ("/api/staff/unlock", &[("username", "nobody")], 404),
    ("/api/audit/list", &[("page", "-1")], 422),
    (
        "/api/badges/list",
        &[("page", "0"), ("order", "sideways")],
        422,
    ),
    ("/api/badges/get", &[("id", "abc")], 422),
    ("/api/badges/get", &[("id", "999999")], 404),
    (
        "/api/badges/create",
        &[("form[text]", ""), ("form[background_color]", "red;x")],
        422,
    ),
    (
        "/api/badges/update",
        &[
            ("id", "999999"),
            ("form[text]", "renamed"),
            ("form[background_color]", "#000"),
            ("form[text_color]", "#fff"),
            ("form[tooltip]", "t"),
            ("form[communication_title]", "t"),
            ("form[communication_text]", "t"),
            ("form[trigger]", "none"),
        ],
        404,
    ),
    (
        "/api/badges/users",
        &[("id", "3"), ("mode", "add"), ("ids", "  ")],
        422,
    ),
    (
        "/api/badges/delete",
        &[("id", "999999"), ("name", "Gone")],
        404,
    ),
    ("/api/tagmango/get", &[("id", "nope")], 404),
    (
        "/api/tagmango/create",
        &[("form[name]", ""), ("form[automation]", "none")],
        422,
    ),
    (
        "/api/tagmango/update",
        &[
            ("id", "000000000000000000000000"),
            ("form[name]", "x"),
            ("form[automation]", "none"),
        ],
        404,
    ),
    ("/api/rooms/look-up", &[("room_id", "   ")], 422),
    ("/api/rooms/look-up", &[("room_id", "no-such-room")], 404),
    ("/api/rooms/look-up", &[("room_id", "../badge/1")], 422),
    (
        "/api/rooms/delete",
        &[("room_id", "a/b"), ("name", "x")],
        422,
    ),
    ("/api/rooms/create", &[("form[room_id]", "")], 422),
    // A live answer refuses a form that cannot be read (a number that is not one); what the
    // rules refuse in a form it answers with, as the form's problems.
    (
        "/api/rooms/live",
        &[("form[tz_offset_minutes]", "soon")],
        422,
    ),
    ("/api/badges/live", &[("form", "not-a-form")], 422),
    ("/api/tagmango/live", &[("form", "not-a-form")], 422),
    ("/api/offers/live", &[("offer_id", "first")], 422),
    (
        "/api/advertisements/live",
        &[("advertisement_id", "first")],
        422,
    ),
    (
        "/api/rooms/voice",
        &[("room_id", "main-stage"), ("is_speak", "loud")],
        422,
    ),
    (
        "/api/rooms/status",
        &[("room_id", "main-stage"), ("status", "PAUSED")],
        422,
    ),
    (
        "/api/rooms/delete",
        &[("room_id", "no-such-room"), ("name", "x")],
        404,
    ),
    ("/api/offers/list", &[("page", "first")], 422),
    ("/api/plan/calendar", &[], 422),
    (
        "/api/plan/item-clashes",
        &[("kind", "poster"), ("id", "1")],
        422,
    ),
    (
        "/api/plan/explain",
        &[
            ("kind", "offer"),
            ("id", "999999"),
            ("query[user]", "u-fan"),
        ],
        404,
    ),
    ("/api/plan/check", &[("candidate[is_offer]", "maybe")], 422),
    ("/api/offers/get", &[("id", "999999")], 404),
    (
        "/api/offers/submit",
        &[("draft_key", "not-a-key"), ("intent", "draft")],
        422,
    ),
    (
        "/api/offers/submit",
        &[
            ("draft_key", "0123456789abcdef0123456789abcdef"),
            ("intent", "shout"),
        ],
        422,
    ),
    (
        "/api/offers/get-draft",
        &[("key", "0123456789abcdef0123456789abcdef")],
        404,
    ),
    (
        "/api/offers/delete",
        &[("id", "999999"), ("name", "Gone")],
        404,
    ),
    ("/api/drafts/list", &[("kind", "poster")], 422),
    (
        "/api/drafts/delete",
        &[
            ("kind", "offer"),
            ("key", "0123456789abcdef0123456789abcdef"),
        ],
        404,
    ),
    ("/api/advertisements/list", &[("page", "")], 422),
    ("/api/advertisements/get", &[("id", "999999")], 404),
    ("/api/results/ad", &[("id", "ten")], 422),
    ("/api/results/list", &[], 422),
    (
        "/api/advertisements/submit",
        &[("draft_key", ""), ("intent", "publish")],
        422,
    ),
    (
        "/api/advertisements/get-draft",
        &[("key", "fedcba9876543210fedcba9876543210")],
        404,
    ),
    (
        "/api/advertisements/delete",
        &[("id", "999999"), ("name", "Gone")],
        404,
    ),
    ("/api/approvals/get", &[("id", "999999")], 404),
    ("/api/approvals/rules", &[("rules", "all")], 422),
    (
        "/api/approvals/decide",
        &[("id", "1"), ("decision", "maybe")],
        422,
    ),
    ("/api/undo/list", &[("area", "staff")], 422),
    ("/api/undo/get", &[("id", "999999")], 404),
    ("/api/undo/restore", &[("id", "999999")], 404),
    ("/api/undo/badge-users", &[("id", "999999")], 404),
    ("/api/undo/live-users", &[("id", "999999")], 404),
    (
        "/api/exclusions/set",
        &[("user_id", " "), ("excluded", "true")],
        422,
    ),
    ("/api/auth/time-zone", &[("time_zone", "Mars/Olympus")], 422),
    (
        "/api/auth/test-audience",
        &[("test_user_ids", "fan-1"), ("test_room_id", "no/such/room")],
        422,
    ),
    ("/api/test-sends/list", &[("kind", "poster")], 422),
    ("/api/test-sends/ids", &[("kind", "poster")], 422),
    (
        "/api/test-sends/kept",
        &[
            ("kind", "poster"),
            ("key", "0123456789abcdef0123456789abcdef"),
        ],
        422,
    ),
    (
        "/api/test-sends/remove",
        &[("kind", "offer"), ("id", "999999")],
        404,
    ),
    (
        "/api/auth/change-password",
        &[
            ("current", "not-my-password"),
            ("new_password", "a-brand-new-password"),
        ],
        422,
    ),
    (
        "/api/auth/change-password",
        &[("current", ADMIN_PASSWORD), ("new_password", "short")],
        422,
    ),
];

/// The server functions that take no argument, so cannot be called with a wrong one.
const NO_ARGUMENTS: &[&str] = &[
    "/api/system/shell-info",
    "/api/auth/me",
    "/api/staff/list",
    "/api/rooms/list",
    "/api/tagmango/list",
    "/api/exclusions/list",
    "/api/approvals/list",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_argument_gets_the_status_its_error_chooses() {
    let app = spawn_app(&[]).await;
    app.add_staff("newbie", Role::Moderator, "newbie-password-0")
        .await;
    let cookie = app.sign_in("admin", ADMIN_PASSWORD).await;
    for (path, form, expected) in BAD_CALLS {
        let response = app.call(Some(&cookie), path, form).await;
        let status = response.status().as_u16();
        let body = response.text().await.unwrap();
        assert_eq!(status, *expected, "{path} {form:?}: {body}");
        let error: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
        assert!(
            error.is_object(),
            "{path}: the answer is a typed error: {body}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_that_cannot_be_read_is_the_callers_mistake() {
    let app = spawn_app(&[]).await;
    let cookie = app.sign_in("admin", ADMIN_PASSWORD).await;
    let response = app
        .client
        .post(app.url("/api/badges/get"))
        .header("cookie", &cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .body("id=%FF%FE")
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    assert!(
        (400..500).contains(&status),
        "a malformed body answers 4xx, not {status}"
    );
}

#[test]
fn every_server_function_is_walked_with_a_wrong_argument() {
    let walked: std::collections::BTreeSet<&str> = BAD_CALLS
        .iter()
        .map(|(path, _, _)| *path)
        .chain(NO_ARGUMENTS.iter().copied())
        .collect();
    let missing: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_owned())
        .filter(|path| path.starts_with("/api/") && !walked.contains(path.as_str()))
        .collect();
    assert!(missing.is_empty(), "add a wrong call of: {missing:?}");
}
