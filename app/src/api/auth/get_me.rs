//! `get_me`: who is signed in, or nobody; with the header's two approval counts.

use crate::error::AppError;
use crate::model::staff::Me;
use leptos::prelude::*;

#[server(endpoint = "auth/me")]
pub async fn get_me() -> Result<Option<Me>, AppError> {
    use crate::server::{approvals, auth::guard::signed_in};
    match signed_in().await {
        Ok((state, account)) => Ok(Some(Me {
            waiting: approvals::waiting_for(&state, &account).await,
            decided: approvals::decided_for(&state, &account).await,
            username: account.username,
            role: account.role,
        })),
        // Not an error here: the header simply shows nobody.
        Err(AppError::Unauthorized) => Ok(None),
        Err(err) => Err(err),
    }
}
