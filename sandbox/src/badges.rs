//! Sandbox badge endpoints.

use super::Sandbox;
use super::loose::List;
use super::reply::loosened;
use super::reply::{
    Reply, bad_request, check, created_json, get_mut_or_404, get_or_404, numeric_id, ok_json,
    ok_true, page, parse_body, remove_or_404,
};
use super::store::{SandboxData, StoredBadge};
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use dashboard_model::badge::{BadgeInput, BadgeOrder, BadgeUsers};
use dashboard_model::time::format_iso;
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// `GET /external/badge/:id` and create answer this shape.
fn detail(data: &SandboxData, id: i64, badge: &StoredBadge) -> Value {
    let i = &badge.input;
    let chain = badge.chain_id.and_then(|chain_id| {
        let stored = data.chains.get(&chain_id)?;
        let mut members: Vec<(&i64, &StoredBadge)> = data
            .badges
            .iter()
            .filter(|(_, b)| b.chain_id == Some(chain_id))
            .collect();
        members.sort_by_key(|(id, b)| (b.chain_position, **id));
        let badges: Vec<Value> = members
            .into_iter()
            .map(|(id, b)| {
                json!({
                    "id": id, "text": b.input.text, "backgroundColor": b.input.background_color,
                    "textColor": b.input.text_color, "tooltip": b.input.tooltip,
                    "pic": b.input.pic, "chainPosition": b.chain_position,
                })
            })
            .collect();
        Some(json!({ "id": chain_id, "name": stored.name, "badges": badges }))
    });
    json!({
        "id": id,
        "text": i.text,
        "backgroundColor": i.background_color,
        "textColor": i.text_color,
        "tooltip": i.tooltip,
        "pic": i.pic,
        "data": i.data,
        "communicationPic": i.communication_pic,
        "communicationText": i.communication_text,
        "communicationTitle": i.communication_title,
        "chainId": badge.chain_id,
        "chainPosition": badge.chain_position,
        "chain": chain,
        "createdAt": badge.created_at,
        "updatedAt": badge.updated_at,
    })
}

/// A list item: the documented list shape, with `userCount` and `trigger`.
fn list_item(id: i64, badge: &StoredBadge) -> Value {
    let i = &badge.input;
    let trigger = i.trigger.clone().unwrap_or_default();
    json!({
        "id": id,
        "text": i.text,
        "backgroundColor": i.background_color,
        "textColor": i.text_color,
        "tooltip": i.tooltip,
        "pic": i.pic,
        "communicationPic": i.communication_pic,
        "communicationText": i.communication_text,
        "communicationTitle": i.communication_title,
        "userCount": badge.users.len(),
        "trigger": {
            "id": if trigger.is_empty() { None } else { badge.trigger_id },
            "firstMessage": trigger.first_message,
            "messageCount": trigger.message_count,
        },
    })
}

fn now() -> String {
    format_iso(chrono::Utc::now())
}

pub async fn create(State(sandbox): State<Arc<Sandbox>>, body: Bytes) -> Reply {
    let input: BadgeInput = parse_body(&body)?;
    check(input.validate())?;
    let answer = {
        let mut data = sandbox.store().lock();
        let id = data.take_id();
        let trigger_id = input.trigger.as_ref().map(|_| id);
        let badge = StoredBadge {
            input,
            users: BTreeSet::new(),
            trigger_id,
            chain_id: None,
            chain_position: None,
            created_at: now(),
            updated_at: now(),
        };
        let answer = detail(&data, id, &badge);
        data.badges.insert(id, badge);
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
    {
        let mut data = sandbox.store().lock();
        let badge = get_mut_or_404(&mut data.badges, id, "Badge")?;
        let mut merged = serde_json::to_value(&badge.input).unwrap_or_default();
        merge(&mut merged, patch);
        let input: BadgeInput =
            serde_json::from_value(merged).map_err(|e| bad_request("body", e))?;
        check(input.validate())?;
        badge.input = input;
        badge.updated_at = now();
    }
    sandbox.store().save().await;
    ok_true()
}

pub async fn list(
    State(sandbox): State<Arc<Sandbox>>,
    Query(params): Query<HashMap<String, String>>,
) -> Reply {
    let (limit, offset) = page(&params, 20)?;
    let order = match params.get("order") {
        None => BadgeOrder::IdDesc,
        Some(o) => {
            BadgeOrder::parse(o).ok_or_else(|| bad_request("order", "must be id_desc or id_asc"))?
        }
    };
    let data = sandbox.store().lock();
    let items: Box<dyn Iterator<Item = (&i64, &StoredBadge)>> = match order {
        BadgeOrder::IdDesc => Box::new(data.badges.iter().rev()),
        BadgeOrder::IdAsc => Box::new(data.badges.iter()),
    };
    let page: Vec<Value> = items
        .skip(offset)
        .take(limit)
        .map(|(id, b)| list_item(*id, b))
        .collect();
    drop(data);
    ok_json(loosened(&sandbox, List::Badges, page, offset))
}

pub async fn get_one(State(sandbox): State<Arc<Sandbox>>, Path(id): Path<String>) -> Reply {
    let id = numeric_id(&id)?;
    if let Some(odd) = super::loose::odd_record(&sandbox, List::Badges, id) {
        return ok_json(odd);
    }
    let data = sandbox.store().lock();
    let badge = get_or_404(&data.badges, id, "Badge")?;
    ok_json(detail(&data, id, badge))
}

pub async fn delete(State(sandbox): State<Arc<Sandbox>>, Path(id): Path<String>) -> Reply {
    let id = numeric_id(&id)?;
    remove_or_404(&mut sandbox.store().lock().badges, id, "Badge")?;
    sandbox.store().save().await;
    ok_true()
}

#[derive(Clone, Copy)]
enum UsersVerb {
    Replace,
    Add,
    Remove,
}

pub async fn replace_users(state: State<Arc<Sandbox>>, id: Path<String>, body: Bytes) -> Reply {
    change_users(state, id, body, UsersVerb::Replace).await
}

pub async fn add_users(state: State<Arc<Sandbox>>, id: Path<String>, body: Bytes) -> Reply {
    change_users(state, id, body, UsersVerb::Add).await
}

pub async fn remove_users(state: State<Arc<Sandbox>>, id: Path<String>, body: Bytes) -> Reply {
    change_users(state, id, body, UsersVerb::Remove).await
}

async fn change_users(
    State(sandbox): State<Arc<Sandbox>>,
    Path(id): Path<String>,
    body: Bytes,
    verb: UsersVerb,
) -> Reply {
    let id = numeric_id(&id)?;
    let body: BadgeUsers = parse_body(&body)?;
    if body.user_ids.iter().any(|u| u.trim().is_empty()) {
        return Err(bad_request(
            "userIds",
            "each user id must be a non-empty string",
        ));
    }
    let answer = {
        let mut data = sandbox.store().lock();
        let badge = get_mut_or_404(&mut data.badges, id, "Badge")?;
        let ids: BTreeSet<String> = body.user_ids.into_iter().collect();
        match verb {
            UsersVerb::Replace => {
                let added = ids.difference(&badge.users).count();
                badge.users = ids;
                json!({ "added": added })
            }
            UsersVerb::Add => {
                let before = badge.users.len();
                badge.users.extend(ids);
                json!({ "added": badge.users.len() - before })
            }
            UsersVerb::Remove => {
                let before = badge.users.len();
                badge.users.retain(|u| !ids.contains(u));
                json!({ "removed": before - badge.users.len() })
            }
        }
    };
    sandbox.store().save().await;
    created_json(answer)
}

/// Shallow merge of a PATCH body into the stored object: given keys replace stored ones.
pub fn merge(target: &mut Value, patch: Value) {
    if let (Value::Object(target), Value::Object(patch)) = (target, patch) {
        for (key, value) in patch {
            target.insert(key, value);
        }
    }
}
