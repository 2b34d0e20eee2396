//! Every example response in the API documents (`tests/fixtures/docs/*.response.json`) is read by
//! the types the dashboard reads answers with: lists record by record with every record readable,
//! create and update answers leniently for the id and the targeting report.

use serde::de::DeserializeOwned;
use serde_json::Value;
use watchers_dashboard::model::advertisement::{Advertisement, OneOrMany};
use watchers_dashboard::model::badge::{Badge, UsersChanged};
use watchers_dashboard::model::loose::{Listed, read_records};
use watchers_dashboard::model::offer::Offer;
use watchers_dashboard::model::targeting::{Published, Sent};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/docs/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn one<T: DeserializeOwned>(name: &str) -> T {
    serde_json::from_str(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every record of a documented list is read.
fn list<T: DeserializeOwned + std::fmt::Debug>(name: &str) -> Vec<T> {
    let records: Vec<Value> = one(name);
    assert!(!records.is_empty(), "{name}");
    read_records::<T>(records)
        .into_iter()
        .map(|record| match record {
            Listed::Read(item) => item,
            Listed::Unreadable(u) => panic!("{name}: {u:?}"),
        })
        .collect()
}

/// A create or update answer: fully read (no note), with the id when `id` says it has one.
fn sent(name: &str, id: Option<i64>) -> Sent {
    let sent = Sent::read(fixture(name).as_bytes());
    assert_eq!(sent.unread, None, "{name}");
    assert_eq!(sent.id, id, "{name}");
    sent
}

/// Reads one documented response; answers whether the file was known.
fn read(name: &str) -> bool {
    match name {
        "badge_create.response.json" | "badge_get.response.json" => {
            let badge: Badge = one(name);
            assert!(badge.id > 0 && !badge.text.is_empty(), "{name}");
        }
        "badge_list.response.json" => {
            list::<Badge>(name);
        }
        "badge_users_add.response.json" | "badge_users_remove.response.json" => {
            let changed: UsersChanged = one(name);
            assert!(changed.added.or(changed.removed).is_some(), "{name}");
        }
        "offer_create.response.json" | "offer_create_image.response.json" => {
            let published: Published<Offer> = one(name);
            assert!(
                published.targeting.available_external_room_ids.len() == 1,
                "{name}"
            );
            sent(name, Some(published.item.id));
        }
        "offer_get.response.json" => {
            let _: Offer = one(name);
        }
        "offer_list.response.json" | "offer_list_older.response.json" => {
            list::<Offer>(name);
        }
        "offer_update.response.json" => {
            let offer: Offer = one(name);
            sent(name, Some(offer.id));
        }
        // The older PATCH answer wraps the item, without its id, beside a targeting report.
        "offer_update_older.response.json" | "advertisement_update.response.json" => {
            let report = sent(name, None).targeting.expect("a targeting report");
            assert_eq!(report.available_external_room_ids.len(), 1, "{name}");
        }
        "advertisement_create.response.json" | "advertisement_create_image.response.json" => {
            let published: Published<Advertisement> = one(name);
            sent(name, Some(published.item.id));
        }
        // The newer PATCH example answers the item itself.
        "advertisement_update_object.response.json" => {
            let ad: Advertisement = one(name);
            assert!(!ad.languages().is_empty(), "{name}");
            sent(name, Some(ad.id));
        }
        "advertisement_get.response.json" => {
            let found: OneOrMany<Advertisement> = one(name);
            assert!(found.into_first().is_some(), "{name}");
        }
        "advertisement_list.response.json" => {
            list::<Advertisement>(name);
        }
        "true.response.json" => {
            assert_eq!(sent(name, None), Sent::default());
        }
        _ => return false,
    }
    true
}

#[test]
fn every_documented_response_is_read() {
    let dir = format!("{}/tests/fixtures/docs", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".response.json"))
        .collect();
    names.sort();
    assert!(names.len() >= 19, "{names:?}");
    let unknown: Vec<&String> = names.iter().filter(|name| !read(name)).collect();
    assert!(unknown.is_empty(), "read these too: {unknown:?}");
}
