//! `change_password`: the signed-in person's own password. Every other session of theirs ends.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "auth/change-password")]
pub async fn change_password(current: String, new_password: String) -> Result<(), AppError> {
    use crate::model::staff::validate_password;
    use crate::server::audit::{Outcome, record_quietly};
    use crate::server::auth::{guard, password, session, staff};

    let (state, account) = guard::signed_in().await?;
    if let Some(problem) = validate_password("new_password", &new_password, &account.username)
        .into_vec()
        .into_iter()
        .next()
    {
        return Err(AppError::invalid(&problem.field, problem.message));
    }
    if !password::verify(current, Some(account.password_hash.clone())).await {
        return Err(AppError::invalid(
            "current",
            "That is not your current password.",
        ));
    }
    let hash = password::hash(new_password).await.map_err(|err| {
        tracing::error!("cannot hash a password: {err}");
        AppError::Internal
    })?;
    let version = staff::set_password(&state.db, &account.username, &hash)
        .await
        .map_err(|err| {
            tracing::error!("cannot store a password: {err}");
            AppError::Internal
        })?
        .ok_or(AppError::Unauthorized)?;
    let current_session = guard::session().await?;
    session::refresh_version(&current_session, version)
        .await
        .map_err(|_| AppError::Internal)?;
    record_quietly(
        &state.db,
        &account.username,
        "change_password",
        "auth",
        Some(&account.username),
        Outcome::Ok,
        "changed own password; other sessions ended",
    )
    .await;
    Ok(())
}
