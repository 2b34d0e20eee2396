//! `get_kept_form`: the composer's form as the signed-in person typed it when they sent a test
//! without JavaScript (`?kept=<key>` on the composer they came back to), as JSON; `None` when it
//! is gone, expired, of another kind or someone else's.

use crate::error::AppError;
use crate::model::draft::DraftKind;
use leptos::prelude::*;

#[server(endpoint = "test-sends/kept")]
pub async fn get_kept_form(kind: DraftKind, key: String) -> Result<Option<String>, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, test_sends};
    // Anyone signed in reads their own (someone else's is never answered).
    let (state, who) = guard::require(Capability::View).await?;
    test_sends::kept_form(&state, &who, kind, &key).await
}
