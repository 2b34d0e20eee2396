//! `delete_advertisement`: deletes advertisement `id` (the page asks first, naming it) and goes to the list, which offers "Restore"; answers the snapshot kept.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "advertisements/delete")]
pub async fn delete_advertisement(id: i64, name: String) -> Result<Option<i64>, AppError> {
    use crate::model::advertisement::form::AdForm;
    use crate::model::draft::DraftKind;
    use crate::server::{auth::guard, marketing};
    let (state, who) = guard::require(DraftKind::Advertisement.capability()).await?;
    let kept = marketing::delete::<AdForm>(&state, &who, id, &name).await?;
    leptos_axum::redirect(&crate::model::undo::after_delete(
        DraftKind::Advertisement.base(),
        kept,
    ));
    Ok(kept)
}
