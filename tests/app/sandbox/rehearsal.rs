//! What rehearsing test sends and results needs of the sandbox: its own clock (moved on by a
//! test or by `PUT /_sandbox/clock`), advertisement counters that grow with it, offers targeted at
//! users, and deletes that answer 404 the second time.

use crate::support::{KEY, TOKEN, readable, sandbox_and_client, sandbox_on_loopback};
use serde_json::{Value, json};
use watchers_dashboard::model::advertisement::{AdLanguage, AdvertisementInput};
use watchers_dashboard::model::loose::ExternalId;
use watchers_dashboard::model::offer::{OfferInput, TemplateData};
use watchers_dashboard::model::room::{RoomInput, RoomStatus};
use watchers_dashboard::model::targeting::{AudienceType, ShowFrequency};
use watchers_dashboard::model::time::{format_iso, format_room_time};
use watchers_dashboard::server::door::Pass;
use watchers_dashboard::server::upstream::{ClientSettings, UpstreamError, WatchersClient};

fn ad(rooms: &[&str], send_time: Option<String>) -> AdvertisementInput {
    AdvertisementInput {
        template: 2,
        send_time,
        data: vec![AdLanguage {
            lang: "en".into(),
            title: "Season pass".into(),
            text: "All matches".into(),
            link: "https://watchers.io".into(),
            link_text: "More".into(),
            pic: None,
        }],
        external_room_ids: rooms.iter().map(|r| ExternalId::from(*r)).collect(),
        ..Default::default()
    }
}

async fn room(client: &WatchersClient, room_id: &str, start: Option<String>) {
    let input = RoomInput {
        room_id: room_id.into(),
        name: "Room".into(),
        about: "About".into(),
        start_time: start,
        ..Default::default()
    };
    client
        .create_room(Pass::outside_the_door(), &input)
        .await
        .unwrap();
}

/// Messages and views of advertisement `id`, and its status.
async fn counters(client: &WatchersClient, id: i64) -> (i64, i64, String) {
    let ad = client.get_advertisement(id).await.unwrap();
    (
        ad.messages_length.expect("messages readable"),
        ad.views_length.expect("views readable"),
        ad.status.unwrap_or_default(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn counters_grow_and_schedules_pass_as_the_sandbox_clock_moves_on() {
    let (sandbox, client) = sandbox_and_client(false, ClientSettings::default()).await;
    let soon = format_room_time(sandbox.now() + chrono::Duration::minutes(10));
    room(&client, "r1", Some(soon)).await;
    room(&client, "r2", None).await;
    assert_eq!(
        client.get_room("r1").await.unwrap().status,
        Some(RoomStatus::Soon)
    );
    let sent = client
        .create_advertisement(Pass::outside_the_door(), &ad(&["r1", "r2"], None))
        .await
        .unwrap()
        .item
        .id;
    let in_half_an_hour = format_iso(sandbox.now() + chrono::Duration::minutes(30));
    let scheduled = client
        .create_advertisement(
            Pass::outside_the_door(),
            &ad(&["r1"], Some(in_half_an_hour)),
        )
        .await
        .unwrap()
        .item
        .id;
    assert_eq!((sent, scheduled), (1, 2), "ids the sums below are made for");
    // Sent just now to two rooms: one message a room; views 3 + id % 5 a message.
    assert_eq!(counters(&client, sent).await, (2, 8, "SENT".into()));
    assert_eq!(
        counters(&client, scheduled).await,
        (0, 0, "SCHEDULED".into())
    );
    assert_eq!(
        counters(&client, sent).await,
        counters(&client, sent).await,
        "the same reading twice"
    );

    sandbox.advance_clock(3600);
    // An hour on: one more message a room every ten minutes, 1 + id % 7 more views a minute.
    assert_eq!(
        counters(&client, sent).await,
        (14, 14 * 4 + 60 * 2, "SENT".into())
    );
    // Sent half an hour ago, to one room.
    assert_eq!(
        counters(&client, scheduled).await,
        (4, 4 * 5 + 30 * 3, "SENT".into())
    );
    assert_eq!(
        client.get_room("r1").await.unwrap().status,
        Some(RoomStatus::Live)
    );
    let listed = readable(client.list_advertisements(10, 0).await.unwrap());
    let views: Vec<(i64, i64)> = listed
        .iter()
        .map(|a| (a.id, a.views_length.expect("views readable")))
        .collect();
    assert_eq!(views, vec![(2, 110), (1, 176)], "the list reads the same");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_clock_control_endpoint_reads_and_sets_how_far_ahead_it_runs() {
    let (sandbox, base_url) = sandbox_on_loopback(false).await;
    let url = format!("{base_url}/_sandbox/clock");
    let http = reqwest::Client::new();
    let signed = |request: reqwest::RequestBuilder| {
        request
            .header("x-api-key", KEY)
            .header("authorization", format!("Bearer {TOKEN}"))
    };
    let anonymous = http.get(&url).send().await.unwrap();
    assert_eq!(anonymous.status(), 401, "guarded as the faults are");
    let read = signed(http.get(&url)).send().await.unwrap();
    assert_eq!(
        read.json::<Value>().await.unwrap(),
        json!({ "aheadSeconds": 0 })
    );

    let set = signed(http.put(&url))
        .json(&json!({ "aheadSeconds": 5400 }))
        .send()
        .await
        .unwrap();
    assert_eq!(set.status(), 200);
    assert_eq!(sandbox.clock_ahead(), 5400);
    let gap = (sandbox.now() - chrono::Utc::now()).num_seconds();
    assert!((5399..=5400).contains(&gap), "{gap}");
    sandbox.advance_clock(-400);
    let read = signed(http.get(&url)).send().await.unwrap();
    assert_eq!(
        read.json::<Value>().await.unwrap(),
        json!({ "aheadSeconds": 5000 })
    );
    let refused = signed(http.put(&url)).body("soon").send().await.unwrap();
    assert_eq!(refused.status(), 400);
    assert_eq!(sandbox.clock_ahead(), 5000);
    assert_eq!(sandbox.hits(), 0, "control calls are not counted");
}

fn user_offer(users: &[&str]) -> OfferInput {
    OfferInput {
        template: 10,
        title: Some("Test send".into()),
        text: Some("Only for me".into()),
        link: Some("https://www.watchers.io/".into()),
        link_text: Some("Open".into()),
        pic: None,
        template_data: Some(TemplateData::default()),
        start_time: format_iso(chrono::Utc::now()),
        end_time: Some(format_iso(
            chrono::Utc::now() + chrono::Duration::minutes(15),
        )),
        external_room_ids: vec![],
        external_user_ids: users.iter().map(|u| u.to_string()).collect(),
        show_multiple_times: false,
        show_frequency: ShowFrequency::OnEntry,
        show_delay_ms: 0,
        audience: AudienceType::User,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn user_offers_are_kept_and_deletes_answer_404_the_second_time() {
    let (_sandbox, client) = sandbox_and_client(true, ClientSettings::default()).await;
    let published = client
        .create_offer(
            Pass::outside_the_door(),
            &user_offer(&["tester-1", "opted-out-user"]),
        )
        .await
        .unwrap();
    assert_eq!(
        published.targeting.available_external_user_ids,
        vec![ExternalId::from("tester-1")]
    );
    assert_eq!(
        published.targeting.unavailable_external_user_ids,
        vec![ExternalId::from("opted-out-user")],
        "the demo set's opted-out user"
    );
    assert_eq!(published.item.audience, Some(AudienceType::User));
    let id = published.item.id;
    // The documents' GET by id answers the offer without its id lists; its type says USER.
    let fetched = client.get_offer(id).await.unwrap();
    assert_eq!(fetched.audience, Some(AudienceType::User));

    client
        .delete_offer(Pass::outside_the_door(), id)
        .await
        .unwrap();
    assert_eq!(
        client.delete_offer(Pass::outside_the_door(), id).await,
        Err(UpstreamError::NotFound)
    );
    assert_eq!(
        client.get_offer(id).await.unwrap_err(),
        UpstreamError::NotFound
    );

    room(&client, "test-room", None).await;
    let ad_id = client
        .create_advertisement(Pass::outside_the_door(), &ad(&["test-room"], None))
        .await
        .unwrap()
        .item
        .id;
    client
        .delete_advertisement(Pass::outside_the_door(), ad_id)
        .await
        .unwrap();
    assert_eq!(
        client
            .delete_advertisement(Pass::outside_the_door(), ad_id)
            .await,
        Err(UpstreamError::NotFound)
    );
    assert_eq!(
        client.get_advertisement(ad_id).await.unwrap_err(),
        UpstreamError::NotFound
    );
}
