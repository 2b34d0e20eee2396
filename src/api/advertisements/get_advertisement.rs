//! `get_advertisement`: one advertisement, with what its last publish reported.

use crate::error::AppError;
use crate::model::advertisement::Advertisement;
use crate::model::draft::WithReport;
use leptos::prelude::*;

#[server(endpoint = "advertisements/get")]
pub async fn get_advertisement(id: i64) -> Result<WithReport<Advertisement>, AppError> {
    use crate::model::draft::DraftKind;
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, change::read, drafts};
    let (state, _) = guard::require(Capability::View).await?;
    let item = read(
        &format!("Advertisement {id}"),
        state.upstream.get_advertisement(id),
    )
    .await?;
    let report = drafts::report(&state.db, DraftKind::Advertisement, id)
        .await
        .unwrap_or_else(|err| {
            tracing::error!("cannot read the publish report of advertisement {id}: {err}");
            None
        });
    Ok(WithReport { item, report })
}
