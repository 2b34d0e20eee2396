//! `remove_test_send`: "Remove now" on one of the signed-in person's own tests of `kind`: deleted
//! upstream at once instead of at its time (only by someone who may publish that kind, and only
//! their own); answers it as it now stands.

use crate::error::AppError;
use crate::model::draft::DraftKind;
use crate::model::test_send::TestSend;
use leptos::prelude::*;

#[server(endpoint = "test-sends/remove")]
pub async fn remove_test_send(kind: DraftKind, id: i64) -> Result<TestSend, AppError> {
    use crate::model::test_send::TestSendState;
    use crate::server::{auth::guard, landed, test_sends};
    let (state, who) = guard::require(kind.capability()).await?;
    // Only one's own test of that kind, whatever id is posted: another's is not found here.
    let own = test_sends::list(&state, &who, Some(kind)).await?;
    if !own.iter().any(|test| test.id == id) {
        return Err(AppError::NotFound {
            what: format!("Your test {} {id}", kind.as_str()),
        });
    }
    let test = test_sends::remove_now(&state, &who, id).await?;
    landed::done(match &test.state {
        TestSendState::Removed { .. } => format!("Removed the test “{}”.", test.label),
        TestSendState::Live => format!("The test “{}” is still up.", test.label),
        TestSendState::Failed { why, .. } => {
            format!("The test “{}” could not be removed: {why}", test.label)
        }
    });
    Ok(test)
}
