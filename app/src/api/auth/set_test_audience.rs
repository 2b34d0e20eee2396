//! `set_test_audience`: the signed-in person keeps their own test audience, the Watchers user ids
//! and room "Send a test to me" sends to (anyone signed in, for themself only); answers it as
//! stored.

use crate::error::AppError;
use crate::model::staff::TestAudience;
use leptos::prelude::*;

#[server(endpoint = "auth/test-audience")]
pub async fn set_test_audience(
    test_user_ids: String,
    test_room_id: String,
) -> Result<TestAudience, AppError> {
    use crate::server::{auth::guard, landed, staff};
    let (state, account) = guard::signed_in().await?;
    let saved =
        staff::set_own_test_audience(&state, &account, &test_user_ids, &test_room_id).await?;
    landed::done(saved.confirmation());
    Ok(saved)
}
