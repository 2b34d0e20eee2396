//! `delete_offer`: deletes offer `id` (the page asks first, naming it) and goes to the list.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "offers/delete")]
pub async fn delete_offer(id: i64, name: String) -> Result<(), AppError> {
    use crate::model::draft::DraftKind;
    crate::server::publish::delete_item(DraftKind::Offer, id, &name).await
}
