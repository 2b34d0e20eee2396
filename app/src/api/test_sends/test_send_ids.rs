//! `test_send_ids`: the published items of `kind` that are (or were) tests, whoever sent them, so
//! the lists and the item pages mark them.

use crate::error::AppError;
use crate::model::draft::DraftKind;
use leptos::prelude::*;

#[server(endpoint = "test-sends/ids")]
pub async fn test_send_ids(kind: DraftKind) -> Result<Vec<i64>, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, test_sends};
    let (state, _) = guard::require(Capability::View).await?;
    let mut ids: Vec<i64> = test_sends::upstream_ids(&state, kind)
        .await?
        .into_iter()
        .collect();
    ids.sort_unstable();
    Ok(ids)
}
