//! `change_password`: the signed-in person's own password. Every other session of theirs ends.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "auth/change-password")]
pub async fn change_password(current: String, new_password: String) -> Result<(), AppError> {
    use crate::server::{auth::guard, landed, staff};
    let (state, account) = guard::signed_in().await?;
    let session = guard::session().await?;
    let address = guard::caller_address(&state);
    staff::change_own_password(&state, &account, address, &session, current, new_password).await?;
    landed::done("Your password has been changed.");
    Ok(())
}
