//! `list_audit`: a page of the audit log, filtered by person, area and dates.

use crate::error::AppError;
use crate::model::audit::{AuditFilter, AuditPage};
use leptos::prelude::*;

#[server(endpoint = "audit/list")]
pub async fn list_audit(filter: AuditFilter, page: u32) -> Result<AuditPage, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{audit, auth::guard};
    let (state, _) = guard::require(Capability::ViewAudit).await?;
    audit::page(&state.db, &filter, page).await
}
