//! Sandbox advertisement endpoints: JSON bodies, `data` answered as a JSON string, GET by id
//! answered as a one-item array, partial updates, and counters that grow after sending (by the
//! sandbox's clock; see [`super::counters`]).

use super::Sandbox;
use super::badges::merge;
use super::counters::{counters, elapsed_secs};
use super::loose::List;
use super::reply::loosened;
use super::reply::{
    Refusal, Reply, bad_request, check, created_json, get_or_404, newest_first, numeric_id,
    ok_json, ok_true, page, parse_body, remove_or_404,
};
use super::store::{SandboxData, StoredAd};
use super::targeting;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use chrono::{DateTime, Utc};
use dashboard_model::advertisement::AdvertisementInput;
use dashboard_model::time::{format_iso, parse_iso};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::Arc;

fn status(ad: &StoredAd, now: DateTime<Utc>) -> &'static str {
    match ad.input.send_time.as_deref().and_then(parse_iso) {
        Some(send) if send > now => "SCHEDULED",
        _ => "SENT",
    }
}

/// The advertisement as answered now by the sandbox's clock, counters included (in loose mode,
/// with the views of some going down for a while).
fn ad_json(sandbox: &Sandbox, id: i64, ad: &StoredAd) -> Value {
    let i = &ad.input;
    let now = sandbox.now();
    let elapsed = elapsed_secs(i.send_time.as_deref(), &ad.created_at, now);
    let state = status(ad, now);
    let counted = if state == "SENT" {
        counters(id, i.external_room_ids.len(), elapsed)
    } else {
        Default::default()
    };
    let views = if sandbox.is_loose() {
        super::loose::views_read(id, elapsed, counted.views)
    } else {
        counted.views
    };
    let link_text = i
        .data
        .first()
        .map(|d| d.link_text.clone())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "More".into());
    json!({
        "id": id,
        "title": null,
        "text": null,
        "pic": null,
        "link": null,
        "linkText": link_text,
        "template": i.template,
        "templatePic": null,
        "templateData": null,
        "sendTime": i.send_time,
        "deleteTime": i.delete_time,
        "status": state,
        "createdAt": ad.created_at,
        "openType": i.open_type.clone().unwrap_or_else(|| "NEW_WINDOW".into()),
        "data": serde_json::to_string(&i.data).unwrap_or_default(),
        "messagesLength": counted.messages.to_string(),
        "viewsLength": views.to_string(),
    })
}

/// What create and update answer: the advertisement, and which of the rooms sent exist.
fn published(data: &SandboxData, raw_ids: &[Value], item: Value) -> Value {
    let mut answer = targeting::rooms(data, raw_ids);
    answer["advertisement"] = item;
    answer
}

fn parse_input(body: Value) -> Result<AdvertisementInput, Refusal> {
    let input: AdvertisementInput =
        serde_json::from_value(body).map_err(|e| bad_request("body", e))?;
    check(input.validate())?;
    Ok(input)
}

fn raw_room_ids(body: &Value) -> Vec<Value> {
    body.get("externalRoomIds")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

pub async fn create(State(sandbox): State<Arc<Sandbox>>, body: Bytes) -> Reply {
    let body: Value = parse_body(&body)?;
    let raw_ids = raw_room_ids(&body);
    let input = parse_input(body)?;
    let answer = {
        let mut data = sandbox.store().lock();
        let id = data.take_id();
        let ad = StoredAd {
            input,
            created_at: format_iso(sandbox.now()),
        };
        let mut item = ad_json(&sandbox, id, &ad);
        item["user"] = json!(ad.input.user_id);
        let answer = published(&data, &raw_ids, item);
        data.ads.insert(id, ad);
        answer
    };
    sandbox.store().save().await;
    created_json(answer)
}

pub async fn update(
    State(sandbox): State<Arc<Sandbox>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Reply {
    let id = numeric_id(&id)?;
    let patch: Value = parse_body(&body)?;
    let raw_ids = raw_room_ids(&patch);
    let answer = {
        let mut data = sandbox.store().lock();
        let ad = get_or_404(&data.ads, id, "Advertisement")?;
        let mut merged = serde_json::to_value(&ad.input).unwrap_or_default();
        merge(&mut merged, patch);
        let mut ad = ad.clone();
        ad.input = parse_input(merged)?;
        let answer = published(&data, &raw_ids, ad_json(&sandbox, id, &ad));
        data.ads.insert(id, ad);
        answer
    };
    sandbox.store().save().await;
    ok_json(answer)
}

pub async fn list(
    State(sandbox): State<Arc<Sandbox>>,
    Query(params): Query<HashMap<String, String>>,
) -> Reply {
    let (limit, offset) = page(&params, 20)?;
    let page = newest_first(&sandbox.store().lock().ads, offset, limit, |id, ad| {
        ad_json(&sandbox, id, ad)
    });
    ok_json(loosened(&sandbox, List::Advertisements, page, offset))
}

/// Documented to answer an array holding the one advertisement.
pub async fn get_one(State(sandbox): State<Arc<Sandbox>>, Path(id): Path<String>) -> Reply {
    let id = numeric_id(&id)?;
    if let Some(odd) = super::loose::odd_record(&sandbox, List::Advertisements, id) {
        return ok_json(odd);
    }
    let data = sandbox.store().lock();
    let ad = get_or_404(&data.ads, id, "Advertisement")?;
    let mut item = ad_json(&sandbox, id, ad);
    let rooms = &ad.input.external_room_ids;
    item["externalRoomIds"] = if rooms.is_empty() {
        Value::Null
    } else {
        json!(rooms)
    };
    if sandbox.is_loose() {
        // As a live API may: the object itself, not the documented one-item array.
        return ok_json(item);
    }
    ok_json(vec![item])
}

pub async fn delete(State(sandbox): State<Arc<Sandbox>>, Path(id): Path<String>) -> Reply {
    let id = numeric_id(&id)?;
    remove_or_404(&mut sandbox.store().lock().ads, id, "Advertisement")?;
    sandbox.store().save().await;
    ok_true()
}
