//! Every server function against anonymous, marketing, moderator and admin callers.

use crate::support::{ADMIN_PASSWORD, TestApp, spawn_app};
use serde_json::Value;
use watchers_dashboard::model::staff::Role;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    Marketing,
    Moderator,
    Admin,
}

/// Who may call: everyone (even anonymous), any signed-in person, admins only, or admins and
/// one more role.
#[derive(Clone, Copy)]
enum Allowed {
    Everyone,
    SignedIn,
    /// Any signed-in caller passes the guard, and is told the thing asked for does not exist.
    SignedInMissing,
    /// Admins and one more role pass the guard, and are told the thing asked for does not exist;
    /// the others are refused.
    AdminAndMissing(Who),
    AdminOnly,
    AdminAnd(Who),
}

/// Every server function of the app, with a valid body and who may call it. A new server
/// function must be added here: `every_server_function_is_in_the_matrix` checks the count.
/// A server function's path, a valid form body, and who may call it.
type Case = (
    &'static str,
    &'static [(&'static str, &'static str)],
    Allowed,
);

const FUNCTIONS: &[Case] = &[
    ("/api/system/shell-info", &[], Allowed::Everyone),
    ("/api/auth/me", &[], Allowed::Everyone),
    ("/api/staff/list", &[], Allowed::AdminOnly),
    (
        "/api/staff/add",
        &[
            ("username", "newbie"),
            ("role", "moderator"),
            ("password", "newbie-password-1"),
        ],
        Allowed::AdminOnly,
    ),
    (
        "/api/staff/set-role",
        &[("username", "newbie"), ("role", "marketing")],
        Allowed::AdminOnly,
    ),
    (
        "/api/staff/reset-password",
        &[("username", "newbie"), ("password", "newbie-password-2")],
        Allowed::AdminOnly,
    ),
    (
        "/api/staff/set-disabled",
        &[("username", "newbie"), ("disabled", "false")],
        Allowed::AdminOnly,
    ),
    (
        "/api/staff/unlock",
        &[("username", "newbie")],
        Allowed::AdminOnly,
    ),
    (
        "/api/audit/list",
        &[("filter[area]", ""), ("page", "0")],
        Allowed::AdminOnly,
    ),
    (
        "/api/badges/list",
        &[("page", "0"), ("order", "id_desc")],
        Allowed::SignedIn,
    ),
    ("/api/badges/get", &[("id", "1")], Allowed::SignedIn),
    (
        "/api/badges/create",
        BADGE_FORM,
        Allowed::AdminAnd(Who::Marketing),
    ),
    (
        "/api/badges/update",
        BADGE_UPDATE,
        Allowed::AdminAnd(Who::Marketing),
    ),
    (
        "/api/badges/live",
        BADGE_UPDATE,
        Allowed::AdminAnd(Who::Marketing),
    ),
    (
        "/api/badges/users",
        &[("id", "3"), ("mode", "add"), ("ids", "u1 u2")],
        Allowed::SignedIn,
    ),
    (
        "/api/badges/delete",
        &[("id", "5"), ("name", "Bronze")],
        Allowed::AdminAnd(Who::Marketing),
    ),
    ("/api/tagmango/list", &[], Allowed::SignedIn),
    (
        "/api/tagmango/get",
        &[("id", "6659cb0a5f2acb7abfdcd901")],
        Allowed::SignedIn,
    ),
    (
        "/api/tagmango/create",
        &[("form[name]", "Role check"), ("form[automation]", "none")],
        Allowed::AdminAnd(Who::Marketing),
    ),
    (
        "/api/tagmango/live",
        &[("form[name]", "Role check"), ("form[automation]", "none")],
        Allowed::AdminAnd(Who::Marketing),
    ),
    (
        "/api/tagmango/update",
        &[
            ("id", "6659cb0a5f2acb7abfdcd901"),
            ("form[name]", "Early Supporter"),
            ("form[automation]", "none"),
        ],
        Allowed::AdminAnd(Who::Marketing),
    ),
    ("/api/rooms/list", &[], Allowed::SignedIn),
    (
        "/api/rooms/look-up",
        &[("room_id", "main-stage")],
        Allowed::SignedIn,
    ),
    (
        "/api/rooms/create",
        ROOM_FORM,
        Allowed::AdminAnd(Who::Moderator),
    ),
    (
        "/api/rooms/live",
        ROOM_FORM,
        Allowed::AdminAnd(Who::Moderator),
    ),
    (
        "/api/rooms/voice",
        &[("room_id", "main-stage"), ("is_speak", "false")],
        Allowed::AdminAnd(Who::Moderator),
    ),
    (
        "/api/rooms/status",
        &[("room_id", "main-stage"), ("status", "LIVE")],
        Allowed::AdminAnd(Who::Moderator),
    ),
    (
        "/api/rooms/delete",
        &[("room_id", "yesterday-recap"), ("name", "Recap")],
        Allowed::AdminAnd(Who::Moderator),
    ),
    ("/api/offers/list", &[("page", "0")], Allowed::SignedIn),
    (
        "/api/plan/calendar",
        &[("query[view]", "week")],
        Allowed::SignedIn,
    ),
    (
        "/api/plan/item-clashes",
        &[("kind", "offer"), ("id", SEEDED_OFFER)],
        Allowed::SignedIn,
    ),
    (
        "/api/plan/explain",
        &[
            ("kind", "offer"),
            ("id", SEEDED_OFFER),
            ("query[user]", "u-fan"),
        ],
        Allowed::SignedIn,
    ),
    (
        "/api/plan/check",
        &[("candidate[is_offer]", "false")],
        Allowed::SignedIn,
    ),
    (
        "/api/offers/get",
        &[("id", SEEDED_OFFER)],
        Allowed::SignedIn,
    ),
    (
        "/api/offers/submit",
        OFFER_DRAFT,
        Allowed::AdminAnd(Who::Marketing),
    ),
    (
        "/api/offers/live",
        OFFER_DRAFT,
        Allowed::AdminAnd(Who::Marketing),
    ),
    (
        "/api/offers/get-draft",
        &[("key", DRAFT_KEY)],
        Allowed::AdminAnd(Who::Marketing),
    ),
    (
        "/api/drafts/list",
        &[("kind", "offer")],
        Allowed::AdminAnd(Who::Marketing),
    ),
    (
        "/api/drafts/delete",
        &[("kind", "offer"), ("key", DRAFT_KEY)],
        Allowed::AdminAnd(Who::Marketing),
    ),
    (
        "/api/offers/delete",
        &[("id", SEEDED_OFFER), ("name", "Seeded")],
        Allowed::AdminAnd(Who::Marketing),
    ),
    (
        "/api/advertisements/list",
        &[("page", "0")],
        Allowed::SignedIn,
    ),
    (
        "/api/advertisements/get",
        &[("id", SEEDED_AD)],
        Allowed::SignedIn,
    ),
    ("/api/results/ad", &[("id", SEEDED_AD)], Allowed::SignedIn),
    (
        "/api/results/list",
        &[("query[sort]", "views")],
        Allowed::SignedIn,
    ),
    (
        "/api/advertisements/submit",
        AD_DRAFT,
        Allowed::AdminAnd(Who::Marketing),
    ),
    (
        "/api/advertisements/live",
        AD_DRAFT,
        Allowed::AdminAnd(Who::Marketing),
    ),
    (
        "/api/advertisements/get-draft",
        &[("key", AD_DRAFT_KEY)],
        Allowed::AdminAnd(Who::Marketing),
    ),
    (
        "/api/advertisements/delete",
        &[("id", SEEDED_AD), ("name", "Seeded")],
        Allowed::AdminAnd(Who::Marketing),
    ),
    // After the deletes above: snapshot 1 is a room for admins and moderators, an offer for
    // marketing, so each may see and restore it.
    (
        "/api/undo/list",
        &[("area", "offers")],
        Allowed::AdminAnd(Who::Marketing),
    ),
    ("/api/undo/get", &[("id", "1")], Allowed::SignedIn),
    ("/api/undo/restore", &[("id", "1")], Allowed::SignedIn),
    ("/api/undo/badge-users", &[("id", "1")], Allowed::SignedIn),
    ("/api/undo/live-users", &[("id", "1")], Allowed::SignedIn),
    ("/api/approvals/list", &[], Allowed::SignedIn),
    (
        "/api/approvals/get",
        &[("id", "999999")],
        Allowed::SignedInMissing,
    ),
    (
        "/api/approvals/decide",
        &[("id", "999999"), ("decision", "approve")],
        Allowed::SignedInMissing,
    ),
    (
        "/api/approvals/rules",
        &[("rules[sent]", "1")],
        Allowed::AdminOnly,
    ),
    ("/api/exclusions/list", &[], Allowed::SignedIn),
    (
        "/api/exclusions/set",
        &[("user_id", "fan-1"), ("excluded", "true")],
        Allowed::AdminAnd(Who::Marketing),
    ),
    (
        "/api/auth/time-zone",
        &[("time_zone", "Asia/Tokyo")],
        Allowed::SignedIn,
    ),
    (
        "/api/auth/test-audience",
        &[("test_user_ids", "fan-1\nfan-2"), ("test_room_id", "r-1")],
        Allowed::SignedIn,
    ),
    (
        "/api/test-sends/list",
        &[("kind", "offer")],
        Allowed::SignedIn,
    ),
    (
        "/api/test-sends/ids",
        &[("kind", "offer")],
        Allowed::SignedIn,
    ),
    (
        "/api/test-sends/remove",
        &[("kind", "offer"), ("id", "999999")],
        Allowed::AdminAndMissing(Who::Marketing),
    ),
    (
        "/api/test-sends/kept",
        &[
            ("kind", "offer"),
            ("key", "0123456789abcdef0123456789abcdef"),
        ],
        Allowed::SignedIn,
    ),
    // Last: it moves the caller's session to a new id.
    (
        "/api/auth/change-password",
        &[
            ("current", "WHO-PASSWORD"),
            ("new_password", "a-brand-new-password"),
        ],
        Allowed::SignedIn,
    ),
];

/// Ids of the sandbox's seeded demo offer and advertisement.
const SEEDED_OFFER: &str = "8";
const SEEDED_AD: &str = "10";
const DRAFT_KEY: &str = "0123456789abcdef0123456789abcdef";
const AD_DRAFT_KEY: &str = "fedcba9876543210fedcba9876543210";

const OFFER_DRAFT: &[(&str, &str)] = &[
    ("draft_key", DRAFT_KEY),
    ("intent", "draft"),
    ("form[template]", "10"),
    ("form[title]", "Half-written"),
];

const AD_DRAFT: &[(&str, &str)] = &[
    ("draft_key", AD_DRAFT_KEY),
    ("intent", "draft"),
    ("form[template]", "2"),
    ("form[langs][0][lang]", "en"),
];

const ROOM_FORM: &[(&str, &str)] = &[
    ("form[room_id]", "r-new"),
    ("form[name]", "New"),
    ("form[about]", "About"),
    ("form[tz_offset_minutes]", "0"),
];

const BADGE_FORM: &[(&str, &str)] = &[
    ("form[text]", "new"),
    ("form[background_color]", "#000"),
    ("form[text_color]", "#fff"),
    ("form[tooltip]", "t"),
    ("form[communication_title]", "t"),
    ("form[communication_text]", "t"),
    ("form[trigger]", "none"),
];

const BADGE_UPDATE: &[(&str, &str)] = &[
    ("id", "2"),
    ("form[text]", "renamed"),
    ("form[background_color]", "#000"),
    ("form[text_color]", "#fff"),
    ("form[tooltip]", "t"),
    ("form[communication_title]", "t"),
    ("form[communication_text]", "t"),
    ("form[trigger]", "none"),
];

async fn cookie_for(app: &TestApp, who: Who) -> Option<String> {
    let (name, role) = match who {
        Who::Anonymous => return None,
        Who::Admin => return Some(app.sign_in("admin", ADMIN_PASSWORD).await),
        Who::Marketing => ("mia", Role::Marketing),
        Who::Moderator => ("max", Role::Moderator),
    };
    Some(app.staff_signed_in(name, role).await)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_checks_its_caller() {
    for who in [Who::Anonymous, Who::Marketing, Who::Moderator, Who::Admin] {
        let app = spawn_app(&[]).await;
        let cookie = cookie_for(&app, who).await;
        let password = match who {
            Who::Admin => ADMIN_PASSWORD.to_owned(),
            Who::Marketing => "mia-password-1234".into(),
            Who::Moderator => "max-password-1234".into(),
            Who::Anonymous => String::new(),
        };
        if who == Who::Admin {
            app.add_staff("newbie", Role::Moderator, "newbie-password-0")
                .await;
        }
        for (path, form, allowed) in FUNCTIONS {
            let form: Vec<(&str, &str)> = form
                .iter()
                .map(|(k, v)| {
                    (
                        *k,
                        if *v == "WHO-PASSWORD" {
                            password.as_str()
                        } else {
                            *v
                        },
                    )
                })
                .collect();
            let form: Vec<(&str, &str)> = if *path == "/api/staff/add" && who == Who::Admin {
                vec![
                    ("username", "newbie2"),
                    ("role", "moderator"),
                    ("password", "newbie-password-1"),
                ]
            } else {
                form
            };
            let response = app.call(cookie.as_deref(), path, &form).await;
            let status = response.status().as_u16();
            let body = response.text().await.unwrap();
            let expect_ok = match allowed {
                Allowed::Everyone => true,
                Allowed::SignedIn | Allowed::SignedInMissing => who != Who::Anonymous,
                Allowed::AdminOnly => who == Who::Admin,
                Allowed::AdminAnd(other) | Allowed::AdminAndMissing(other) => {
                    who == Who::Admin || who == *other
                }
            };
            let missing = matches!(
                allowed,
                Allowed::SignedInMissing | Allowed::AdminAndMissing(_)
            );
            if missing && expect_ok {
                assert_eq!(status, 404, "{who:?} {path}: {body}");
                continue;
            }
            if expect_ok {
                assert_eq!(status, 200, "{who:?} {path}: {body}");
            } else {
                let error: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
                let expected = if who == Who::Anonymous {
                    (401, "Unauthorized")
                } else {
                    (403, "Forbidden")
                };
                assert_eq!(status, expected.0, "{who:?} {path}: {body}");
                assert_eq!(error, Value::String(expected.1.into()), "{who:?} {path}");
            }
        }
    }
}

#[test]
fn every_server_function_is_in_the_matrix() {
    let registered = leptos::server_fn::axum::server_fn_paths()
        .filter(|(path, _)| path.starts_with("/api/"))
        .count();
    assert_eq!(
        registered,
        FUNCTIONS.len(),
        "add the new server function to FUNCTIONS"
    );
}
