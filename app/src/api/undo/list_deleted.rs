//! `list_deleted`: the items of `area` deleted through the dashboard and still kept, newest first.

use crate::error::AppError;
use crate::model::undo::Deleted;
use leptos::prelude::*;

/// `area`: `offers`, `advertisements`, `badges` or `rooms`; the caller's role must allow
/// deleting (and so restoring) them.
#[server(endpoint = "undo/list")]
pub async fn list_deleted(area: String) -> Result<Vec<Deleted>, AppError> {
    use crate::model::undo;
    use crate::server::{auth::guard, undo as kept};
    let area = undo::area(&area).ok_or_else(|| {
        AppError::invalid("area", "Ask for offers, advertisements, badges or rooms.")
    })?;
    let (state, _) = guard::require(undo::capability(area)).await?;
    kept::list(&state, area).await
}
