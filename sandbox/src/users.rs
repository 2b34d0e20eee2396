//! Sandbox user endpoint: exclusion from marketing offers (answers 201 with an empty body).

use super::Sandbox;
use super::reply::{Reply, bad_request, parse_body};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use dashboard_model::exclusion::MarketingExclusion;
use std::sync::Arc;

pub async fn set_exclusion(State(sandbox): State<Arc<Sandbox>>, body: Bytes) -> Reply {
    let body: MarketingExclusion = parse_body(&body)?;
    let user = body.decrypted_user_id.trim().to_owned();
    if user.is_empty() {
        return Err(bad_request("decryptedUserId", "must be a non-empty string"));
    }
    {
        let mut data = sandbox.store().lock();
        if body.value {
            data.excluded_users.insert(user);
        } else {
            data.excluded_users.remove(&user);
        }
    }
    sandbox.store().save().await;
    Ok(StatusCode::CREATED.into_response())
}
