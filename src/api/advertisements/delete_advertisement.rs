//! `delete_advertisement`: deletes advertisement `id` (the page asks first) and goes to the list.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "advertisements/delete")]
pub async fn delete_advertisement(id: i64, name: String) -> Result<(), AppError> {
    use crate::model::draft::DraftKind;
    crate::server::publish::delete_item(DraftKind::Advertisement, id, &name).await
}
