//! Sandbox marketing offer endpoints. Create and update take the documented multipart form (or
//! JSON); update merges the given fields into the stored offer.

use super::Sandbox;
use super::badges::merge;
use super::loose::List;
use super::reply::loosened;
use super::reply::{
    Refusal, Reply, bad_request, check, created_json, get_mut_or_404, get_or_404, newest_first,
    numeric_id, ok_json, ok_true, page, remove_or_404,
};
use super::store::StoredOffer;
use super::targeting;
use axum::extract::{FromRequest, Multipart, Path, Query, Request, State};
use axum::http::header::CONTENT_TYPE;
use dashboard_model::offer::OfferInput;
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::sync::Arc;

const ID_LISTS: [&str; 2] = ["externalRoomIds", "externalUserIds"];

fn offer_json(id: i64, offer: &StoredOffer) -> Value {
    let i = &offer.input;
    let data = json!([{
        "lang": "en", "title": i.title, "text": i.text, "link": i.link, "linkText": i.link_text,
    }]);
    json!({
        "id": id,
        "pic": i.pic,
        "template": i.template,
        "title": i.title,
        "text": i.text,
        "link": i.link,
        "linkText": i.link_text,
        "templateData": i.template_data.as_ref().and_then(|d| serde_json::to_string(d).ok()),
        "showMultipleTimes": i.show_multiple_times,
        "showFrerquency": i.show_frequency.as_str(),
        "showDelayMS": i.show_delay_ms,
        "startTime": i.start_time,
        "endTime": i.end_time,
        "type": i.audience.as_str(),
        "openType": offer.open_type,
        "data": data.to_string(),
    })
}

pub(super) fn id_values(input: &[String]) -> Vec<Value> {
    input.iter().cloned().map(Value::String).collect()
}

pub async fn create(State(sandbox): State<Arc<Sandbox>>, request: Request) -> Reply {
    let fields = read_fields(request).await?;
    let input = to_input(Value::Object(fields))?;
    let answer = {
        let mut data = sandbox.store().lock();
        let id = data.take_id();
        let offer = StoredOffer {
            input,
            open_type: "NEW_WINDOW".into(),
        };
        let mut answer = targeting::rooms_and_users(
            &data,
            &id_values(&offer.input.external_room_ids),
            &id_values(&offer.input.external_user_ids),
        );
        answer["offer"] = offer_json(id, &offer);
        data.offers.insert(id, offer);
        answer
    };
    sandbox.store().save().await;
    created_json(answer)
}

pub async fn update(
    State(sandbox): State<Arc<Sandbox>>,
    Path(id): Path<String>,
    request: Request,
) -> Reply {
    let id = numeric_id(&id)?;
    let mut fields = read_fields(request).await?;
    // An empty end time clears it (a multipart form cannot send null).
    if fields.get("endTime").and_then(Value::as_str) == Some("") {
        fields.insert("endTime".into(), Value::Null);
    }
    let answer = {
        let mut data = sandbox.store().lock();
        let offer = get_mut_or_404(&mut data.offers, id, "Offer")?;
        let mut merged = serde_json::to_value(&offer.input).unwrap_or_default();
        merge(&mut merged, Value::Object(fields));
        offer.input = to_input(merged)?;
        let mut answer = offer_json(id, offer);
        let rooms = id_values(&offer.input.external_room_ids);
        if sandbox.is_loose() {
            super::loose::older_update_answer(answer, rooms)
        } else {
            answer["rooms"] = Value::Array(rooms);
            answer["users"] = Value::Array(id_values(&offer.input.external_user_ids));
            answer
        }
    };
    sandbox.store().save().await;
    ok_json(answer)
}

pub async fn list(
    State(sandbox): State<Arc<Sandbox>>,
    Query(params): Query<HashMap<String, String>>,
) -> Reply {
    let (limit, offset) = page(&params, 20)?;
    let page = newest_first(&sandbox.store().lock().offers, offset, limit, offer_json);
    ok_json(loosened(&sandbox, List::Offers, page, offset))
}

pub async fn get_one(State(sandbox): State<Arc<Sandbox>>, Path(id): Path<String>) -> Reply {
    let id = numeric_id(&id)?;
    if let Some(odd) = super::loose::odd_record(&sandbox, List::Offers, id) {
        return ok_json(odd);
    }
    let data = sandbox.store().lock();
    let offer = get_or_404(&data.offers, id, "Offer")?;
    ok_json(offer_json(id, offer))
}

pub async fn delete(State(sandbox): State<Arc<Sandbox>>, Path(id): Path<String>) -> Reply {
    let id = numeric_id(&id)?;
    remove_or_404(&mut sandbox.store().lock().offers, id, "Offer")?;
    sandbox.store().save().await;
    ok_true()
}

/// Reads a multipart form (or a JSON object) into typed JSON fields.
async fn read_fields(request: Request) -> Result<Map<String, Value>, Refusal> {
    let content_type = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let mut fields = Map::new();
    if content_type.starts_with("application/json") {
        let body = axum::body::to_bytes(request.into_body(), 1 << 20)
            .await
            .map_err(|e| bad_request("body", e))?;
        match serde_json::from_slice(&body) {
            Ok(Value::Object(map)) => fields = map,
            _ => return Err(bad_request("body", "must be a JSON object")),
        }
    } else {
        let mut form = Multipart::from_request(request, &())
            .await
            .map_err(|e| bad_request("body", format!("must be multipart/form-data ({e})")))?;
        while let Some(field) = form
            .next_field()
            .await
            .map_err(|e| bad_request("body", e))?
        {
            let name = field.name().unwrap_or("").trim_end_matches("[]").to_owned();
            let text = field.text().await.map_err(|e| bad_request(&name, e))?;
            if ID_LISTS.contains(&name.as_str()) {
                let list = fields.entry(name).or_insert_with(|| Value::Array(vec![]));
                if let Value::Array(items) = list {
                    match serde_json::from_str::<Vec<Value>>(&text) {
                        Ok(parsed) => items.extend(parsed),
                        Err(_) => items.push(Value::String(text)),
                    }
                }
            } else {
                fields.insert(name, Value::String(text));
            }
        }
    }
    normalize(&mut fields)?;
    Ok(fields)
}

/// Gives form text the types of the documents: numbers, booleans, JSON `templateData`, id lists.
fn normalize(fields: &mut Map<String, Value>) -> Result<(), Refusal> {
    for name in ["template", "showDelayMS"] {
        if let Some(Value::String(text)) = fields.get(name) {
            let number: i64 = text
                .trim()
                .parse()
                .map_err(|_| bad_request(name, "must be a whole number"))?;
            fields.insert(name.into(), json!(number));
        }
    }
    if let Some(Value::String(text)) = fields.get("showMultipleTimes") {
        let flag = match text.trim() {
            "true" => true,
            "false" => false,
            _ => return Err(bad_request("showMultipleTimes", "must be true or false")),
        };
        fields.insert("showMultipleTimes".into(), json!(flag));
    }
    if let Some(Value::String(text)) = fields.get("templateData") {
        let data: Value = serde_json::from_str(text)
            .map_err(|_| bad_request("templateData", "must be a JSON object"))?;
        fields.insert("templateData".into(), data);
    }
    for name in ID_LISTS {
        if let Some(Value::Array(items)) = fields.get_mut(name) {
            for item in items.iter_mut() {
                if let Value::Number(n) = item {
                    *item = Value::String(n.to_string());
                }
            }
        }
    }
    Ok(())
}

fn to_input(fields: Value) -> Result<OfferInput, Refusal> {
    let input: OfferInput = serde_json::from_value(fields).map_err(|e| bad_request("body", e))?;
    check(input.validate())?;
    Ok(input)
}
