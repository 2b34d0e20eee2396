//! The emulated TagMango badge API (`/api/v1/external/gamification/badges`): its bearer token and
//! `x-whitelabel-host`, its error envelope, `_id`s of 24 hex characters, and its rate limit of
//! 120 requests per 10 seconds.

use super::Sandbox;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch};
use dashboard_model::rate::SlidingWindow;
use dashboard_model::tagmango::{FIELDS, MangoBadgeInput, RATE_LIMIT, RATE_WINDOW, is_object_id};
use dashboard_model::time::format_iso;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Where TagMango's badge routes live.
pub const BADGES_PATH: &str = "/api/v1/external/gamification/badges";

/// A badge as the sandbox keeps it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoredMangoBadge {
    pub id: String,
    pub creator: String,
    /// The record's fields in TagMango's spelling, except `_id`, `creator` and the times.
    pub fields: serde_json::Map<String, Value>,
    pub created_at: String,
    pub updated_at: String,
}

impl StoredMangoBadge {
    fn to_json(&self) -> Value {
        let mut record = self.fields.clone();
        record.insert("_id".into(), json!(self.id));
        record.insert("creator".into(), json!(self.creator));
        record.insert("createdAt".into(), json!(self.created_at));
        record.insert("updatedAt".into(), json!(self.updated_at));
        Value::Object(record)
    }
}

/// The requests of the last [`RATE_WINDOW`], for the rate limit.
#[derive(Debug)]
pub struct Window(Mutex<SlidingWindow>);

impl Default for Window {
    fn default() -> Self {
        Window(Mutex::new(SlidingWindow::new(RATE_LIMIT, RATE_WINDOW)))
    }
}

impl Window {
    /// Counts a request; answers how long until one would be let in when over the limit.
    fn admit(&self) -> Result<(), Duration> {
        let mut window = self.0.lock().unwrap_or_else(|p| p.into_inner());
        window.take(Instant::now())
    }
}

/// TagMango's error envelope.
fn envelope(status: StatusCode, message: &str) -> Response {
    let (kind, code) = match status.as_u16() {
        400 => ("Bad request", "BAD_REQUEST"),
        401 => ("Unauthorized", "UNAUTHORIZED"),
        404 => ("Not found", "NOT_FOUND"),
        429 => ("Too many requests", "TOO_MANY_REQUESTS"),
        _ => ("Error", "ERROR"),
    };
    let body = json!({
        "code": status.as_u16(), "type": kind, "statusMessage": code,
        "message": message, "success": false,
    });
    (status, axum::Json(body)).into_response()
}

pub fn router(sandbox: &Arc<Sandbox>) -> Router<Arc<Sandbox>> {
    Router::new()
        .route(BADGES_PATH, get(list).post(create))
        .route(&format!("{BADGES_PATH}/{{id}}"), patch(update))
        .route_layer(axum::middleware::from_fn_with_state(sandbox.clone(), guard))
}

/// Rate limit, bearer token, then `x-whitelabel-host`.
async fn guard(State(sandbox): State<Arc<Sandbox>>, request: Request, next: Next) -> Response {
    if let Err(wait) = sandbox.tagmango_window.admit() {
        let mut response = envelope(StatusCode::TOO_MANY_REQUESTS, "Too many requests");
        let secs = wait.as_secs().max(1).to_string();
        if let Ok(value) = HeaderValue::from_str(&secs) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return response;
    }
    let headers = request.headers();
    let text = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    let (bearer, host) = (text("authorization"), text("x-whitelabel-host"));
    let token = bearer.strip_prefix("Bearer ").unwrap_or("");
    if !super::guard::constant_time_eq(token.as_bytes(), sandbox.tagmango_token.as_bytes()) {
        return envelope(StatusCode::UNAUTHORIZED, "Invalid token");
    }
    if host.trim().is_empty() {
        return envelope(
            StatusCode::BAD_REQUEST,
            "x-whitelabel-host header is required",
        );
    }
    next.run(request).await
}

/// The body's fields, when they make a badge the model's rules accept; otherwise why not.
fn read_input(body: &[u8]) -> Result<serde_json::Map<String, Value>, String> {
    let raw: serde_json::Map<String, Value> =
        serde_json::from_slice(body).map_err(|e| e.to_string())?;
    let input: MangoBadgeInput =
        serde_json::from_value(Value::Object(raw.clone())).map_err(|e| e.to_string())?;
    match input.validate().into_vec().into_iter().next() {
        Some(problem) => Err(format!("{} {}", problem.field, problem.message)),
        None => Ok(raw),
    }
}

/// TagMango's 400 for a body it does not accept.
fn invalid(why: &str) -> Response {
    envelope(StatusCode::BAD_REQUEST, &format!("Invalid request: {why}"))
}

fn now() -> String {
    format_iso(chrono::Utc::now())
}

/// A fresh object id: seconds since 1970 then 16 hex digits from a counter.
fn object_id(sandbox: &Sandbox) -> String {
    let n = sandbox
        .tagmango_ids
        .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    format!("{:08x}{:016x}", chrono::Utc::now().timestamp() as u32, n)
}

/// `GET …/badges`: the creator's badges, newest first.
async fn list(State(sandbox): State<Arc<Sandbox>>) -> Response {
    let data = sandbox.store().lock();
    let mut badges: Vec<&StoredMangoBadge> = data.tagmango.values().collect();
    badges.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    let records: Vec<Value> = badges.into_iter().map(StoredMangoBadge::to_json).collect();
    axum::Json(records).into_response()
}

/// `POST …/badges`: creates a badge; both automation types at once are refused.
async fn create(State(sandbox): State<Arc<Sandbox>>, body: Bytes) -> Response {
    let raw = match read_input(&body) {
        Ok(raw) => raw,
        Err(why) => return invalid(&why),
    };
    let stamp = now();
    let badge = StoredMangoBadge {
        id: object_id(&sandbox),
        creator: CREATOR.into(),
        fields: raw
            .into_iter()
            .filter(|(k, _)| FIELDS.contains(&k.as_str()))
            .collect(),
        created_at: stamp.clone(),
        updated_at: stamp,
    };
    let answer = badge.to_json();
    sandbox
        .store()
        .lock()
        .tagmango
        .insert(badge.id.clone(), badge);
    sandbox.store().save().await;
    (StatusCode::CREATED, axum::Json(answer)).into_response()
}

/// `PATCH …/badges/{badgeId}`: sets the fields sent (`null` clears one), then checks the whole
/// badge, so automation ends with one type at most.
async fn update(
    State(sandbox): State<Arc<Sandbox>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    if !is_object_id(&id) {
        return invalid("badgeId");
    }
    let patch: serde_json::Map<String, Value> = match serde_json::from_slice(&body) {
        Ok(patch) => patch,
        Err(e) => return invalid(&e.to_string()),
    };
    let answer = {
        let mut data = sandbox.store().lock();
        let Some(badge) = data.tagmango.get_mut(&id) else {
            return envelope(StatusCode::NOT_FOUND, "Badge not found");
        };
        let mut fields = badge.fields.clone();
        for (key, value) in patch {
            if !FIELDS.contains(&key.as_str()) {
                continue;
            }
            if value.is_null() {
                fields.remove(&key);
            } else {
                fields.insert(key, value);
            }
        }
        if let Err(why) = read_input(&serde_json::to_vec(&fields).unwrap_or_default()) {
            return invalid(&why);
        }
        badge.fields = fields;
        badge.updated_at = now();
        badge.to_json()
    };
    sandbox.store().save().await;
    axum::Json(answer).into_response()
}

/// The creator every sandbox badge belongs to.
pub const CREATOR: &str = "6149b1e5612c4e5fd96041d3";

/// Two demo badges: one by hand, and the documents' own example (with a picture the dashboard
/// serves), which sets both automation types (read and shown with a warning, as a live record
/// like it would be).
pub fn demo_badges(now: chrono::DateTime<chrono::Utc>) -> Vec<StoredMangoBadge> {
    let stamp = format_iso(now);
    let badge = |id: &str, fields: Value| StoredMangoBadge {
        id: id.into(),
        creator: CREATOR.into(),
        fields: fields.as_object().cloned().unwrap_or_default(),
        created_at: stamp.clone(),
        updated_at: stamp.clone(),
    };
    vec![
        badge(
            "6659ca9e5f2acb7abfdcd8fd",
            json!({
                "name": "Hall Of Fame", "description": "Something about the badge",
                "imageUrl": super::seed::picture("mango-trophy.svg"),
                "enableAutomation": true, "pointsThreshold": 100,
                "pointCategoryForAutomation": "lifetime",
                "automationEnabledMangoes": ["6659ca9e5f2acb7abfdcd8fd", "6659ca9e5f2acb7abfdcd8fd"],
            }),
        ),
        badge(
            "6659cb0a5f2acb7abfdcd901",
            json!({
                "name": "Early Supporter",
                "description": "Joined in the first month.",
                "enableAutomation": false,
            }),
        ),
    ]
}
