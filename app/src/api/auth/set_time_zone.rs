//! `set_time_zone`: the signed-in person chooses the time zone every page, form and message
//! shows their times in (anyone signed in, for themself only); answers its IANA name.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "auth/time-zone")]
pub async fn set_time_zone(time_zone: String) -> Result<String, AppError> {
    use crate::server::{auth::guard, landed, staff};
    let (state, account) = guard::signed_in().await?;
    let saved = staff::set_own_time_zone(&state, &account, &time_zone).await?;
    landed::done(format!("Your time zone has been saved: {saved}."));
    Ok(saved)
}
