//! The second approver over HTTP: with a rule on, a GLOBAL offer, a LIVE room's delete and a
//! whole user list wait as requests; another person approves (sent exactly once) or rejects with
//! a reason; nobody approves their own; unanswered requests expire; every step is audited.

use crate::marketing::{OFFER, audit, json, with};
use crate::support::{ADMIN_PASSWORD, TestApp, spawn_app};
use crate::undo::quiet_hits;
use serde_json::Value;
use watchers_dashboard::model::draft::new_draft_key;
use watchers_dashboard::model::staff::Role;

pub async fn turn_on(app: &TestApp, admin: &str, rules: &[&str]) {
    let names: Vec<String> = rules.iter().map(|r| format!("rules[{r}]")).collect();
    let mut form = vec![("rules[sent]", "1")];
    form.extend(names.iter().map(|n| (n.as_str(), "on")));
    let (status, body) = json(app.call(Some(admin), "/api/approvals/rules", &form).await).await;
    assert_eq!(status, 200, "{body}");
}

/// Three people: admin, marketing `mia`, moderator `max`.
pub async fn people(app: &TestApp) -> (String, String, String) {
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    app.add_staff("mia", Role::Marketing, "mia-password-1234")
        .await;
    app.add_staff("max", Role::Moderator, "max-password-1234")
        .await;
    let mia = app.sign_in("mia", "mia-password-1234").await;
    let max = app.sign_in("max", "max-password-1234").await;
    (admin, mia, max)
}

pub async fn ask_for_global_offer(app: &TestApp, cookie: &str) -> i64 {
    ask_for_global_draft(app, cookie, &new_draft_key()).await
}

/// The offer form for everyone, as draft `key`.
fn global_offer(key: &str) -> Vec<(&str, &str)> {
    with(
        OFFER,
        &[
            ("draft_key", key),
            ("form[audience]", "GLOBAL"),
            ("form[room_ids]", ""),
        ],
    )
}

/// Publishes draft `key` as a GLOBAL offer (which waits): answers the request's id.
async fn ask_for_global_draft(app: &TestApp, cookie: &str, key: &str) -> i64 {
    let form = global_offer(key);
    let (status, body) = json(app.call(Some(cookie), "/api/offers/submit", &form).await).await;
    assert_eq!(status, 200, "{body}");
    body["AwaitingApproval"]["request"]
        .as_i64()
        .unwrap_or_else(|| panic!("a request, not a publish: {body}"))
}

pub async fn decide(
    app: &TestApp,
    cookie: &str,
    id: i64,
    decision: &str,
    reason: &str,
) -> (u16, Value) {
    let id = id.to_string();
    let form = [
        ("id", id.as_str()),
        ("decision", decision),
        ("reason", reason),
    ];
    json(app.call(Some(cookie), "/api/approvals/decide", &form).await).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_global_offer_waits_until_another_person_approves_it_and_is_sent_once() {
    let app = spawn_app(&[]).await;
    let (admin, mia, max) = people(&app).await;
    turn_on(&app, &admin, &["publish_global_offer"]).await;

    let before = quiet_hits(&app).await;
    let request = ask_for_global_offer(&app, &mia).await;
    assert_eq!(
        quiet_hits(&app).await,
        before,
        "nothing is sent while it waits"
    );

    let (_, me) = json(app.call(Some(&admin), "/api/auth/me", &[]).await).await;
    assert_eq!(me["waiting"], 1, "the header counts it for admin");
    let (_, me) = json(app.call(Some(&mia), "/api/auth/me", &[]).await).await;
    assert_eq!(me["waiting"], 0, "not for the person who asked");

    let (status, own) = decide(&app, &mia, request, "approve", "").await;
    assert_eq!(status, 422, "{own}");
    assert_eq!(own["Invalid"]["field"], "decision");
    let (status, _) = decide(&app, &max, request, "approve", "").await;
    assert_eq!(status, 403, "a moderator may not publish offers");
    assert_eq!(quiet_hits(&app).await, before, "still nothing sent");

    let (status, page) = json(
        app.call(
            Some(&admin),
            "/api/approvals/get",
            &[("id", &request.to_string())],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(page["payload"]["Offer"]["form"]["audience"], "GLOBAL");
    assert_eq!(page["can_decide"], true);

    let (status, decided) = decide(&app, &admin, request, "approve", "Looks right").await;
    assert_eq!(status, 200, "{decided}");
    assert_eq!(decided["state"], "sent");
    assert_eq!(
        quiet_hits(&app).await - before,
        1,
        "exactly one upstream write"
    );
    let outcome = decided["outcome"].as_str().unwrap();
    let id = outcome
        .strip_prefix("published as offer #")
        .unwrap_or_else(|| panic!("{outcome}"));
    let (status, offer) = json(
        app.call(Some(&admin), "/api/offers/get", &[("id", id)])
            .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(offer["item"]["title"], "Double odds tonight");

    let before_again = quiet_hits(&app).await;
    let (status, _) = decide(&app, &admin, request, "approve", "").await;
    assert_eq!(status, 422, "decided once");
    assert_eq!(quiet_hits(&app).await, before_again);

    let actions: Vec<String> = audit(&app, &admin, "offers")
        .await
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect();
    for step in ["request approval", "approve", "create", "send approved"] {
        assert!(actions.iter().any(|a| a == step), "{step} in {actions:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejection_needs_a_reason_and_sends_nothing() {
    let app = spawn_app(&[]).await;
    let (admin, mia, _) = people(&app).await;
    turn_on(&app, &admin, &["publish_global_offer"]).await;
    let before = quiet_hits(&app).await;
    let request = ask_for_global_offer(&app, &mia).await;
    let (status, body) = decide(&app, &admin, request, "reject", "  ").await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"]["field"], "reason");
    let (status, body) = decide(&app, &admin, request, "reject", "Wrong week").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["state"], "rejected");
    assert_eq!(body["reason"], "Wrong week");
    assert_eq!(
        quiet_hits(&app).await,
        before,
        "a rejected request sends nothing"
    );
    let entries = audit(&app, &admin, "offers").await;
    assert!(entries.iter().any(|e| {
        e["action"] == "reject"
            && e["summary"]
                .as_str()
                .unwrap()
                .contains("reason: Wrong week")
    }));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unanswered_request_expires_and_can_no_longer_be_approved() {
    let app = spawn_app(&[]).await;
    let (admin, mia, _) = people(&app).await;
    turn_on(&app, &admin, &["publish_global_offer"]).await;
    let before = quiet_hits(&app).await;
    let request = ask_for_global_offer(&app, &mia).await;
    let _ = admin;
    app.clock.advance(24 * 3600 + 60);
    // A day on, the sessions have ended too.
    let admin = app.sign_in("admin", ADMIN_PASSWORD).await;
    let (_, me) = json(app.call(Some(&admin), "/api/auth/me", &[]).await).await;
    assert_eq!(me["waiting"], 0, "an expired request is not counted");
    let (status, body) = decide(&app, &admin, request, "approve", "").await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body["Invalid"]["message"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
    assert_eq!(quiet_hits(&app).await, before);
    let entries = audit(&app, &admin, "offers").await;
    assert!(entries.iter().any(|e| e["action"] == "approval expired"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_live_room_delete_and_a_whole_user_list_wait_for_approval_too() {
    let app = spawn_app(&[]).await;
    let (admin, _, max) = people(&app).await;
    turn_on(&app, &admin, &["delete_live_room", "replace_badge_users"]).await;
    let r = app
        .call(
            Some(&max),
            "/api/rooms/status",
            &[("room_id", "main-stage"), ("status", "LIVE")],
        )
        .await;
    assert_eq!(r.status(), 200);
    let before = quiet_hits(&app).await;
    let (status, body) = json(
        app.call(
            Some(&max),
            "/api/rooms/delete",
            &[("room_id", "main-stage"), ("name", "Main stage")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let request = body["Waiting"]["request"].as_i64().expect("a request");
    let reads = quiet_hits(&app).await - before;
    assert_eq!(reads, 1, "one read (its status), no delete");
    let delete = [("room_id", "main-stage"), ("name", "Main stage")];
    let (status, again) = json(app.call(Some(&admin), "/api/rooms/delete", &delete).await).await;
    assert_eq!(status, 409, "asked for once: {again}");
    assert_eq!(again["AlreadyWaiting"]["request"], request);
    // With the rule off now, the request alone still deletes it: nothing is sent beside it.
    turn_on(&app, &admin, &["replace_badge_users"]).await;
    let before = quiet_hits(&app).await;
    let (status, again) = json(app.call(Some(&admin), "/api/rooms/delete", &delete).await).await;
    assert_eq!(status, 409, "still waiting: {again}");
    assert_eq!(again["AlreadyWaiting"]["request"], request);
    assert_eq!(quiet_hits(&app).await, before, "nothing read or sent");
    turn_on(&app, &admin, &["delete_live_room", "replace_badge_users"]).await;
    let (status, decided) = decide(&app, &admin, request, "approve", "").await;
    assert_eq!(status, 200, "{decided}");
    assert_eq!(decided["state"], "sent", "{decided}");
    let (status, _) = json(
        app.call(
            Some(&admin),
            "/api/rooms/look-up",
            &[("room_id", "main-stage")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 404, "deleted once approved");
    let (_, kept) = json(
        app.call(Some(&admin), "/api/undo/list", &[("area", "rooms")])
            .await,
    )
    .await;
    assert_eq!(kept[0]["item_id"], "main-stage", "and kept for restore");

    // A 600-id list arrives in two chunks and waits as one request.
    let ids: Vec<String> = (0..600).map(|n| format!("fan-{n:03}")).collect();
    let before = quiet_hits(&app).await;
    let mut requests = Vec::new();
    for (chunk, part) in ids.chunks(500).enumerate() {
        let (status, body) = json(
            app.call(
                Some(&max),
                "/api/badges/users",
                &[
                    ("id", "3"),
                    ("mode", "replace"),
                    ("ids", &part.join("\n")),
                    ("chunk", &chunk.to_string()),
                ],
            )
            .await,
        )
        .await;
        assert_eq!(status, 200, "{body}");
        requests.push(body["waiting"].as_i64().expect("waiting"));
    }
    assert_eq!(requests[0], requests[1], "one request for the whole list");
    assert_eq!(quiet_hits(&app).await, before, "nothing sent yet");
    let (_, page) = json(
        app.call(
            Some(&admin),
            "/api/approvals/get",
            &[("id", &requests[0].to_string())],
        )
        .await,
    )
    .await;
    assert_eq!(page["payload"]["ReplaceUsers"]["total"], 600);
    let (status, decided) = decide(&app, &admin, requests[0], "approve", "").await;
    assert_eq!(status, 200, "{decided}");
    assert_eq!(decided["state"], "sent", "{decided}");
    assert_eq!(
        quiet_hits(&app).await - before,
        2,
        "a replace and an add: the two chunks, once each"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_advertisement_for_every_room_waits_one_for_a_room_does_not() {
    let app = spawn_app(&[]).await;
    let (admin, mia, _) = people(&app).await;
    turn_on(&app, &admin, &["publish_global_advertisement"]).await;
    let submit = |rooms: &'static str| {
        let key = new_draft_key();
        let form = vec![
            ("draft_key", key),
            ("intent", "publish".into()),
            ("form[template]", "2".into()),
            ("form[room_ids]", rooms.into()),
            ("form[langs][0][lang]", "en".into()),
            ("form[langs][0][title]", "Big match".into()),
            ("form[langs][0][text]", "Watch with us".into()),
            ("form[langs][0][link]", "https://watchers.io".into()),
            ("form[langs][0][link_text]", "More".into()),
        ];
        let form: Vec<(&str, String)> = form;
        let app = &app;
        let mia = mia.clone();
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            json(
                app.call(Some(&mia), "/api/advertisements/submit", &form)
                    .await,
            )
            .await
        }
    };
    let (status, body) = submit("").await;
    assert_eq!(status, 200, "{body}");
    assert!(body["AwaitingApproval"]["request"].is_i64(), "{body}");
    let (status, body) = submit("main-stage").await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body["Published"]["id"].is_i64(),
        "one room: sent at once: {body}"
    );
}

/// The report of issue 28: a GLOBAL offer's draft waiting for approval was published again (a
/// second request), and approving both published it twice. Now the draft says it waits, with
/// its request; a second Publish, or eight at once from two tabs, is refused with that request
/// (nothing sent, no second request); approving sends it once; after that the draft is gone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_draft_waiting_for_approval_cannot_be_requested_or_published_again() {
    let app = spawn_app(&[]).await;
    let (admin, mia, _) = people(&app).await;
    turn_on(&app, &admin, &["publish_global_offer"]).await;
    let key = new_draft_key();
    let request = ask_for_global_draft(&app, &mia, &key).await;
    let form = global_offer(&key);

    let drafts = crate::marketing::drafts(&app, &mia, "offer").await;
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    assert_eq!(drafts[0]["waiting_request"], request, "{drafts:?}");
    let (_, draft) = json(
        app.call(Some(&mia), "/api/offers/get-draft", &[("key", &key)])
            .await,
    )
    .await;
    assert_eq!(draft["summary"]["waiting_request"], request, "{draft}");
    let page = app
        .get_as(&mia, &format!("/offers/drafts/{key}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Waiting for approval"), "{page}");
    assert!(
        page.contains(&format!("href=\"/approvals/{request}\"")),
        "{page}"
    );

    let before = quiet_hits(&app).await;
    // Eight presses at once, as from two tabs, and one with the audience changed to a room
    // (which needs no approval): each refused with the waiting request.
    let mut presses = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let (form, app_url, client, mia) = (
            form.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<Vec<_>>(),
            app.url("/api/offers/submit"),
            app.client.clone(),
            mia.clone(),
        );
        presses.spawn(async move {
            let response = client
                .post(app_url)
                .form(&form)
                .header("accept", "application/json")
                .header("cookie", mia)
                .send()
                .await
                .unwrap();
            (
                response.status().as_u16(),
                response.json::<Value>().await.unwrap(),
            )
        });
    }
    while let Some(pressed) = presses.join_next().await {
        let (status, body) = pressed.unwrap();
        assert_eq!(status, 409, "{body}");
        assert_eq!(body["AlreadyWaiting"]["request"], request, "{body}");
    }
    let to_a_room = with(
        &form,
        &[("form[audience]", "ROOM"), ("form[room_ids]", "main-stage")],
    );
    let (status, body) = json(app.call(Some(&mia), "/api/offers/submit", &to_a_room).await).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(quiet_hits(&app).await, before, "nothing sent meanwhile");
    let (_, list) = json(app.call(Some(&admin), "/api/approvals/list", &[]).await).await;
    let open = list["requests"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["state"] == "pending")
        .count();
    assert_eq!(open, 1, "one request: {list}");

    let (status, decided) = decide(&app, &admin, request, "approve", "").await;
    assert_eq!(status, 200, "{decided}");
    assert_eq!(decided["state"], "sent");
    assert_eq!(quiet_hits(&app).await - before, 1, "sent once");
    assert!(
        crate::marketing::drafts(&app, &mia, "offer")
            .await
            .is_empty()
    );
}

/// `cookie`'s own requests decided since they last opened them, as the header counts them.
async fn decided(app: &TestApp, cookie: &str) -> Value {
    let (_, me) = json(app.call(Some(cookie), "/api/auth/me", &[]).await).await;
    me["decided"].clone()
}

/// Opens request `id` as `cookie` (its page's read).
async fn open_request(app: &TestApp, cookie: &str, id: i64) -> Value {
    let id = id.to_string();
    let (status, body) = json(
        app.call(Some(cookie), "/api/approvals/get", &[("id", &id)])
            .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body
}

/// The requester is shown a decided request (the header's count, the approvals page's list, the
/// page worded as decided) until they open it; nobody else's opening counts, nor theirs while it
/// waits. An unanswered request counts once past its time, before anything expires it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_requester_sees_a_decided_request_until_they_open_it() {
    let app = spawn_app(&[]).await;
    let (admin, mia, _) = people(&app).await;
    turn_on(&app, &admin, &["publish_global_offer"]).await;
    let request = ask_for_global_offer(&app, &mia).await;
    open_request(&app, &mia, request).await;
    assert_eq!(decided(&app, &mia).await, 0, "waiting is not decided");

    let (status, body) = decide(&app, &admin, request, "reject", "Wrong week").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(decided(&app, &mia).await, 1);
    assert_eq!(
        decided(&app, &admin).await,
        0,
        "not for the person who decided"
    );
    open_request(&app, &admin, request).await;
    assert_eq!(
        decided(&app, &mia).await,
        1,
        "another's opening is not the requester's"
    );
    let (_, list) = json(app.call(Some(&mia), "/api/approvals/list", &[]).await).await;
    assert_eq!(list["unseen"][0]["id"], request, "{list}");
    let (_, list) = json(app.call(Some(&admin), "/api/approvals/list", &[]).await).await;
    assert_eq!(list["unseen"], serde_json::json!([]), "{list}");
    let page = app.get_as(&mia, "/").await.text().await.unwrap();
    assert!(page.contains("data-testid=\"decided-count\""), "{page}");

    let page = app
        .get_as(&mia, &format!("/approvals/{request}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("What was asked") && !page.contains("What approving sends"));
    assert!(
        page.contains("by admin at ") && page.contains("Wrong week"),
        "{page}"
    );
    assert_eq!(decided(&app, &mia).await, 0, "opened, it is seen");
    let (_, list) = json(app.call(Some(&mia), "/api/approvals/list", &[]).await).await;
    assert_eq!(list["unseen"], serde_json::json!([]), "{list}");
    let page = app.get_as(&mia, "/").await.text().await.unwrap();
    assert!(!page.contains("data-testid=\"decided-count\""), "{page}");

    let unanswered = ask_for_global_offer(&app, &mia).await;
    app.clock.advance(24 * 3600 + 60);
    // A day on, the sessions have ended too.
    let mia = app.sign_in("mia", "mia-password-1234").await;
    assert_eq!(
        decided(&app, &mia).await,
        1,
        "past its time, before anything expires it"
    );
    let body = open_request(&app, &mia, unanswered).await;
    assert_eq!(body["state"], "expired");
    assert_eq!(decided(&app, &mia).await, 0);
}
