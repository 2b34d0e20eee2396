//! `list_test_sends`: the signed-in person's own tests, newest first, of one kind (a composer's
//! panel) or of every kind (`kind` left out: the account page's).

use crate::error::AppError;
use crate::model::draft::DraftKind;
use crate::model::test_send::TestSend;
use leptos::prelude::*;

#[server(endpoint = "test-sends/list")]
pub async fn list_test_sends(kind: Option<DraftKind>) -> Result<Vec<TestSend>, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, test_sends};
    // Anyone signed in reads their own (someone who may not send tests has none).
    let (state, who) = guard::require(Capability::View).await?;
    test_sends::list(&state, &who, kind).await
}
