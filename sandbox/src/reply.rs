//! The sandbox's answers, shaped like the real API's: bare `true`, JSON, and NestJS-style errors.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use dashboard_model::validate::Problems;
use serde_json::json;

/// A sandbox handler's result: an answer, or a refusal.
pub type Reply = Result<Response, Refusal>;

/// An error answer: status and NestJS-style JSON body.
#[derive(Debug)]
pub struct Refusal {
    status: StatusCode,
    body: serde_json::Value,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}

pub fn ok_json(value: impl serde::Serialize) -> Reply {
    Ok(Json(value).into_response())
}

pub fn created_json(value: impl serde::Serialize) -> Reply {
    Ok((StatusCode::CREATED, Json(value)).into_response())
}

/// The bare `true` that update and delete answer.
pub fn ok_true() -> Reply {
    ok_json(true)
}

pub fn error(status: StatusCode, message: impl Into<String>) -> Refusal {
    let message = message.into();
    let body = json!({
        "statusCode": status.as_u16(),
        "message": message,
        "error": status.canonical_reason().unwrap_or("Error"),
    });
    Refusal { status, body }
}

pub fn bad_request(field: &str, message: impl std::fmt::Display) -> Refusal {
    error(StatusCode::BAD_REQUEST, format!("{field}: {message}"))
}

pub fn not_found(what: impl std::fmt::Display) -> Refusal {
    error(StatusCode::NOT_FOUND, format!("{what} not found"))
}

/// 400 naming every field that failed validation, or nothing when all is well.
pub fn check(problems: Problems) -> Result<(), Refusal> {
    if problems.is_empty() {
        return Ok(());
    }
    let messages: Vec<String> = problems
        .into_vec()
        .into_iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect();
    let body = json!({ "statusCode": 400, "message": messages, "error": "Bad Request" });
    Err(Refusal {
        status: StatusCode::BAD_REQUEST,
        body,
    })
}

/// Reads a JSON body, answering 400 when it is not JSON of the right shape.
pub fn parse_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, Refusal> {
    serde_json::from_slice(body)
        .map_err(|e| error(StatusCode::BAD_REQUEST, format!("invalid body: {e}")))
}

/// `limit` and `offset` of a list, with the documented defaults.
pub fn page(
    params: &std::collections::HashMap<String, String>,
    default_limit: usize,
) -> Result<(usize, usize), Refusal> {
    let number = |name: &str, default: usize| match params.get(name) {
        None => Ok(default),
        Some(v) => v
            .parse::<usize>()
            .map_err(|_| bad_request(name, "must be a whole number of 0 or more")),
    };
    let limit = number("limit", default_limit)?.min(1000);
    Ok((limit, number("offset", 0)?))
}

/// An id from the path: a whole number, else 400.
pub fn numeric_id(raw: &str) -> Result<i64, Refusal> {
    raw.parse()
        .map_err(|_| bad_request("id", "must be a number"))
}

/// The item `id` of `items`, else 404 naming `what`.
pub fn get_or_404<'a, T>(
    items: &'a std::collections::BTreeMap<i64, T>,
    id: i64,
    what: &str,
) -> Result<&'a T, Refusal> {
    items
        .get(&id)
        .ok_or_else(|| not_found(format!("{what} {id}")))
}

/// The item `id` of `items` to change, else 404 naming `what`.
pub fn get_mut_or_404<'a, T>(
    items: &'a mut std::collections::BTreeMap<i64, T>,
    id: i64,
    what: &str,
) -> Result<&'a mut T, Refusal> {
    items
        .get_mut(&id)
        .ok_or_else(|| not_found(format!("{what} {id}")))
}

/// Removes the item `id` of `items`, else 404 naming `what`.
pub fn remove_or_404<T>(
    items: &mut std::collections::BTreeMap<i64, T>,
    id: i64,
    what: &str,
) -> Result<T, Refusal> {
    items
        .remove(&id)
        .ok_or_else(|| not_found(format!("{what} {id}")))
}

/// A page of `items`, newest (highest id) first, each drawn by `draw`.
pub fn newest_first<T>(
    items: &std::collections::BTreeMap<i64, T>,
    offset: usize,
    limit: usize,
    draw: impl Fn(i64, &T) -> serde_json::Value,
) -> Vec<serde_json::Value> {
    items
        .iter()
        .rev()
        .skip(offset)
        .take(limit)
        .map(|(id, item)| draw(*id, item))
        .collect()
}

/// A list page as answered: as documented, or loosened in loose mode (odd records on page one).
pub fn loosened(
    sandbox: &super::Sandbox,
    list: super::loose::List,
    page: Vec<serde_json::Value>,
    offset: usize,
) -> Vec<serde_json::Value> {
    if sandbox.is_loose() {
        super::loose::loosen(list, page, offset == 0)
    } else {
        page
    }
}
