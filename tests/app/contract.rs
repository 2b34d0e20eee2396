//! Contract tests: every example request in the documents goes through the client to a capturing
//! server and must come out in the documented shape; every example response must be read.

use crate::support::{KEY, TOKEN, credentials, readable};
use axum::Router;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::header::CONTENT_TYPE;
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use watchers_dashboard::model::advertisement::AdvertisementInput;
use watchers_dashboard::model::badge::{BadgeInput, BadgeOrder};
use watchers_dashboard::model::exclusion::MarketingExclusion;
use watchers_dashboard::model::loose::Embedded;
use watchers_dashboard::model::offer::{OfferInput, TemplateData};
use watchers_dashboard::model::room::{RoomInput, RoomSpeak, RoomStatusChange};
use watchers_dashboard::model::targeting::UpdateAnswer;
use watchers_dashboard::server::door::Pass;
use watchers_dashboard::server::upstream::{ClientSettings, WatchersClient};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/docs/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture_json(name: &str) -> Value {
    serde_json::from_str(&fixture(name)).unwrap()
}

#[derive(Debug, Clone, Default)]
struct Captured {
    method: String,
    path: String,
    query: String,
    api_key: String,
    authorization: String,
    content_type: String,
    json: Option<Value>,
    form: Vec<(String, String)>,
}

/// A server that records each request and answers `body` with status 200.
async fn capture(body: String) -> (WatchersClient, Arc<Mutex<Vec<Captured>>>) {
    let seen: Arc<Mutex<Vec<Captured>>> = Arc::default();
    let log = seen.clone();
    let app = Router::new().fallback(move |request: Request| {
        let log = log.clone();
        let body = body.clone();
        async move {
            let mut c = {
                let header = |name: &str| {
                    request
                        .headers()
                        .get(name)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("")
                        .to_owned()
                };
                Captured {
                    method: request.method().to_string(),
                    path: request.uri().path().to_owned(),
                    query: request.uri().query().unwrap_or("").to_owned(),
                    api_key: header("x-api-key"),
                    authorization: header("authorization"),
                    content_type: header(CONTENT_TYPE.as_str()),
                    ..Default::default()
                }
            };
            if c.content_type.starts_with("multipart/form-data") {
                let mut form = Multipart::from_request(request, &()).await.unwrap();
                while let Some(field) = form.next_field().await.unwrap() {
                    let name = field.name().unwrap().to_owned();
                    c.form.push((name, field.text().await.unwrap()));
                }
            } else {
                let bytes = axum::body::to_bytes(request.into_body(), 1 << 20)
                    .await
                    .unwrap();
                c.json = serde_json::from_slice(&bytes).ok();
            }
            log.lock().unwrap().push(c);
            ([(CONTENT_TYPE, "application/json")], body)
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let client = WatchersClient::new(
        &format!("http://{addr}"),
        &credentials(KEY, TOKEN),
        ClientSettings::default(),
    )
    .unwrap();
    (client, seen)
}

fn last(seen: &Arc<Mutex<Vec<Captured>>>) -> Captured {
    let c = seen.lock().unwrap().last().cloned().expect("a request");
    assert_eq!(c.api_key, KEY);
    assert_eq!(c.authorization, format!("Bearer {TOKEN}"));
    c
}

/// Documented bodies and ours compared as meaning: nulls dropped, ids as text.
fn normalize(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| match (k.as_str(), v) {
                    ("externalRoomIds" | "externalUserIds", Value::Array(ids)) => {
                        let ids = ids
                            .into_iter()
                            .map(|id| match id {
                                Value::Number(n) => Value::String(n.to_string()),
                                other => other,
                            })
                            .collect();
                        (k, Value::Array(ids))
                    }
                    (_, v) => (k, normalize(v)),
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(normalize).collect()),
        other => other,
    }
}

fn assert_json_request(c: &Captured, method: &str, path: &str, documented: Value) {
    assert_eq!((c.method.as_str(), c.path.as_str()), (method, path));
    assert!(
        c.content_type.starts_with("application/json"),
        "{}",
        c.content_type
    );
    assert_eq!(
        normalize(c.json.clone().expect("JSON body")),
        normalize(documented)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn badge_requests_and_responses() {
    let (client, seen) = capture(fixture("badge_create.response.json")).await;
    let input: BadgeInput = serde_json::from_str(&fixture("badge_create.request.json")).unwrap();
    let badge = client
        .create_badge(Pass::outside_the_door(), &input)
        .await
        .unwrap();
    assert_eq!(badge.id, 3);
    assert_json_request(
        &last(&seen),
        "POST",
        "/external/badge",
        fixture_json("badge_create.request.json"),
    );

    let (client, seen) = capture(fixture("true.response.json")).await;
    let input: BadgeInput = serde_json::from_str(&fixture("badge_update.request.json")).unwrap();
    client
        .update_badge(Pass::outside_the_door(), 4, &input)
        .await
        .unwrap();
    assert_json_request(
        &last(&seen),
        "PATCH",
        "/external/badge/4",
        fixture_json("badge_update.request.json"),
    );
    client
        .delete_badge(Pass::outside_the_door(), 4)
        .await
        .unwrap();
    assert_eq!(
        (last(&seen).method, last(&seen).path),
        ("DELETE".into(), "/external/badge/4".into())
    );

    let (client, seen) = capture(fixture("badge_list.response.json")).await;
    let list = readable(client.list_badges(10, 0, BadgeOrder::IdDesc).await.unwrap());
    assert_eq!((list[0].user_count, list[0].text_color.as_str()), (1, ""));
    let c = last(&seen);
    assert_eq!(
        (c.path.as_str(), c.query.as_str()),
        ("/external/badge", "limit=10&offset=0&order=id_desc")
    );

    let (client, _) = capture(fixture("badge_get.response.json")).await;
    assert_eq!(client.get_badge(1).await.unwrap().text, "cool");

    let users: Vec<String> =
        serde_json::from_value(fixture_json("badge_users.request.json")["userIds"].clone())
            .unwrap();
    let (client, seen) = capture(fixture("badge_users_add.response.json")).await;
    assert_eq!(
        client
            .add_badge_users(Pass::outside_the_door(), 4, &users)
            .await
            .unwrap()
            .added,
        Some(2)
    );
    assert_json_request(
        &last(&seen),
        "POST",
        "/external/badge/4/users/add",
        fixture_json("badge_users.request.json"),
    );
    client
        .replace_badge_users(Pass::outside_the_door(), 4, &users)
        .await
        .unwrap();
    assert_json_request(
        &last(&seen),
        "POST",
        "/external/badge/4/users",
        fixture_json("badge_users.request.json"),
    );
    let (client, seen) = capture(fixture("badge_users_remove.response.json")).await;
    assert_eq!(
        client
            .remove_badge_users(Pass::outside_the_door(), 4, &users)
            .await
            .unwrap()
            .removed,
        Some(2)
    );
    assert_json_request(
        &last(&seen),
        "POST",
        "/external/badge/4/users/remove",
        fixture_json("badge_users.request.json"),
    );
    // Replace answers nothing documented: `true` is read as "no count".
    let (client, _) = capture(fixture("true.response.json")).await;
    assert_eq!(
        client
            .replace_badge_users(Pass::outside_the_door(), 4, &users)
            .await
            .unwrap()
            .added,
        None
    );
}

/// Reads a documented form into an offer, as the dashboard's composer would fill it in.
fn offer_from_form(pairs: &[(String, String)]) -> OfferInput {
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    OfferInput {
        template: get("template").unwrap().parse().unwrap(),
        title: get("title"),
        text: get("text"),
        link: get("link"),
        link_text: get("linkText"),
        pic: get("pic"),
        template_data: get("templateData")
            .map(|t| serde_json::from_str::<TemplateData>(&t).unwrap()),
        start_time: get("startTime").unwrap(),
        end_time: get("endTime"),
        external_room_ids: vec![],
        external_user_ids: vec![],
        show_multiple_times: false,
        show_frequency: serde_json::from_value(json!(get("showFrerquency").unwrap())).unwrap(),
        show_delay_ms: get("showDelayMS").unwrap().parse().unwrap(),
        audience: serde_json::from_value(json!(get("type").unwrap())).unwrap(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offer_requests_are_the_documented_forms() {
    for name in [
        "offer_create_text.request.json",
        "offer_create_image.request.json",
    ] {
        let documented: Vec<(String, String)> = serde_json::from_str(&fixture(name)).unwrap();
        let (client, seen) = capture(fixture("offer_create.response.json")).await;
        let published = client
            .create_offer(Pass::outside_the_door(), &offer_from_form(&documented))
            .await
            .unwrap();
        assert_eq!(
            published.targeting.available_external_room_ids[0].as_str(),
            "string"
        );
        let c = last(&seen);
        assert_eq!(
            (c.method.as_str(), c.path.as_str()),
            ("POST", "/external/offer")
        );
        assert!(
            c.content_type.starts_with("multipart/form-data"),
            "{}",
            c.content_type
        );
        for (field, value) in &documented {
            let sent = c
                .form
                .iter()
                .find(|(n, _)| n == field)
                .map(|(_, v)| v.clone());
            let sent = sent.unwrap_or_else(|| panic!("{name}: {field} not sent"));
            if field == "templateData" {
                let a: Value = serde_json::from_str(&sent).unwrap();
                let b: Value = serde_json::from_str(value).unwrap();
                assert_eq!(
                    a, b,
                    "templateData is JSON text with the documented content"
                );
            } else {
                assert_eq!(&sent, value, "{name}: {field}");
            }
        }
        let extra: Vec<&String> = c
            .form
            .iter()
            .map(|(n, _)| n)
            .filter(|n| !documented.iter().any(|(d, _)| d == *n))
            .collect();
        assert_eq!(
            extra,
            vec!["showMultipleTimes"],
            "only the documented optional flag is added"
        );

        // The same form goes to PATCH /external/offer/:id.
        let (client, seen) = capture(fixture("offer_update.response.json")).await;
        let answer = client
            .update_offer(Pass::outside_the_door(), 1, &offer_from_form(&documented))
            .await
            .unwrap();
        assert!(
            matches!(answer, UpdateAnswer::Item(ref o) if o.template_data.is_some()),
            "{answer:?}"
        );
        assert_eq!(last(&seen).path, "/external/offer/1");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offer_responses_in_every_documented_shape() {
    let (client, seen) = capture(fixture("offer_list.response.json")).await;
    let list = readable(client.list_offers(10, 0).await.unwrap());
    assert_eq!(
        list[0]
            .template_data
            .as_ref()
            .and_then(|d| d.read())
            .unwrap()
            .bg_color,
        "rgba(255, 255, 255, 1)"
    );
    assert_eq!(
        list[0].data.as_ref().and_then(|d| d.read()).unwrap()[0].title,
        "123"
    );
    assert_eq!(last(&seen).query, "limit=10&offset=0");
    let (client, _) = capture(fixture("offer_list_older.response.json")).await;
    // Its `templateData` is the text "string": kept as it came, not read as a look.
    assert_eq!(
        readable(client.list_offers(10, 0).await.unwrap())[0].template_data,
        Some(Embedded::AsSent {
            as_sent: "string".into()
        })
    );
    let (client, _) = capture(fixture("offer_get.response.json")).await;
    assert_eq!(
        client.get_offer(0).await.unwrap().pic.as_deref(),
        Some("string")
    );
    let form: Vec<(String, String)> =
        serde_json::from_str(&fixture("offer_create_image.request.json")).unwrap();
    let (client, _) = capture(fixture("offer_update_older.response.json")).await;
    let answer = client
        .update_offer(Pass::outside_the_door(), 1, &offer_from_form(&form))
        .await
        .unwrap();
    assert_eq!(
        answer
            .targeting()
            .unwrap()
            .unavailable_external_room_ids
            .len(),
        1
    );
    let (client, seen) = capture(fixture("true.response.json")).await;
    assert_eq!(
        client
            .update_offer(Pass::outside_the_door(), 1, &offer_from_form(&form))
            .await
            .unwrap(),
        UpdateAnswer::Done
    );
    client
        .delete_offer(Pass::outside_the_door(), 7)
        .await
        .unwrap();
    assert_eq!(
        (last(&seen).method, last(&seen).path),
        ("DELETE".into(), "/external/offer/7".into())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn advertisement_requests_and_responses() {
    for (request, response) in [
        (
            "advertisement_create.request.json",
            "advertisement_create.response.json",
        ),
        (
            "advertisement_create_image.request.json",
            "advertisement_create_image.response.json",
        ),
        (
            "advertisement_winshare.request.json",
            "advertisement_create.response.json",
        ),
    ] {
        let (client, seen) = capture(fixture(response)).await;
        let input: AdvertisementInput = serde_json::from_str(&fixture(request)).unwrap();
        let published = client
            .create_advertisement(Pass::outside_the_door(), &input)
            .await
            .unwrap();
        assert_eq!(
            published.targeting.available_external_room_ids[0].as_str(),
            "123"
        );
        assert_json_request(
            &last(&seen),
            "POST",
            "/external/advertisement",
            fixture_json(request),
        );
    }
    let (client, _) = capture(fixture("advertisement_create.response.json")).await;
    let input: AdvertisementInput =
        serde_json::from_str(&fixture("advertisement_create.request.json")).unwrap();
    let published = client
        .create_advertisement(Pass::outside_the_door(), &input)
        .await
        .unwrap();
    assert_eq!(
        published.targeting.unavailable_external_room_ids[0].as_str(),
        "123",
        "a bare number is read"
    );
    assert_eq!(
        published.item.link_text.as_deref(),
        Some("Узнать подробности")
    );

    let (client, seen) = capture(fixture("advertisement_update.response.json")).await;
    let input: AdvertisementInput =
        serde_json::from_str(&fixture("advertisement_update.request.json")).unwrap();
    let answer = client
        .update_advertisement(Pass::outside_the_door(), 8, &input)
        .await
        .unwrap();
    assert!(answer.targeting().is_some());
    // The documented body, and no rooms sent as an empty list: an update clears what it leaves
    // out (the README's assumption; null times are left out of the comparison).
    let mut documented = fixture_json("advertisement_update.request.json");
    documented["externalRoomIds"] = json!([]);
    assert_json_request(
        &last(&seen),
        "PATCH",
        "/external/advertisement/8",
        documented,
    );
    let (client, seen) = capture(fixture("true.response.json")).await;
    assert_eq!(
        client
            .update_advertisement(Pass::outside_the_door(), 8, &input)
            .await
            .unwrap(),
        UpdateAnswer::Done
    );
    client
        .delete_advertisement(Pass::outside_the_door(), 8)
        .await
        .unwrap();
    assert_eq!(last(&seen).method, "DELETE");

    let (client, _) = capture(fixture("advertisement_list.response.json")).await;
    let list = readable(client.list_advertisements(1, 0).await.unwrap());
    assert_eq!(
        (list[0].messages_length, list[0].views_length),
        (Some(1), Some(0))
    );
    assert!(list[0].languages()[0].pic.is_some());
    let (client, _) = capture(fixture("advertisement_get.response.json")).await;
    let ad = client.get_advertisement(1).await.unwrap();
    assert_eq!(
        (ad.id, ad.views_length, ad.data.is_none()),
        (1, Some(7), true)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn room_and_exclusion_requests() {
    let (client, seen) = capture(fixture("true.response.json")).await;
    let room: RoomInput = serde_json::from_str(&fixture("room_create.request.json")).unwrap();
    assert_eq!(
        client
            .create_room(Pass::outside_the_door(), &room)
            .await
            .unwrap(),
        None,
        "no room in a bare `true`"
    );
    assert_json_request(
        &last(&seen),
        "POST",
        "/external/room",
        fixture_json("room_create.request.json"),
    );
    let speak: RoomSpeak = serde_json::from_str(&fixture("room_speak.request.json")).unwrap();
    client
        .set_room_speak(Pass::outside_the_door(), &speak)
        .await
        .unwrap();
    assert_json_request(
        &last(&seen),
        "POST",
        "/external/room/speak",
        fixture_json("room_speak.request.json"),
    );
    let status: RoomStatusChange =
        serde_json::from_str(&fixture("room_status.request.json")).unwrap();
    client
        .set_room_status(Pass::outside_the_door(), &status)
        .await
        .unwrap();
    assert_json_request(
        &last(&seen),
        "POST",
        "/external/room/status",
        fixture_json("room_status.request.json"),
    );
    client
        .delete_room(Pass::outside_the_door(), "321textroom321")
        .await
        .unwrap();
    assert_eq!(last(&seen).path, "/external/room/321textroom321");
    let exclusion: MarketingExclusion =
        serde_json::from_str(&fixture("exclusion.request.json")).unwrap();
    client
        .set_marketing_exclusion(Pass::outside_the_door(), &exclusion)
        .await
        .unwrap();
    assert_json_request(
        &last(&seen),
        "POST",
        "/user/external/advertisment",
        fixture_json("exclusion.request.json"),
    );
    // The exclusion answers "Empty, code 201".
    let (client, _) = capture(String::new()).await;
    client
        .set_marketing_exclusion(Pass::outside_the_door(), &exclusion)
        .await
        .unwrap();
}
