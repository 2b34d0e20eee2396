//! `list_audit`: a page of the audit log, filtered by person, area and dates.

use crate::error::AppError;
use crate::model::staff::{AuditEntry, AuditFilter};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub const AUDIT_PAGE_SIZE: i64 = 50;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    /// Everyone who appears in the log, for the person filter.
    pub people: Vec<String>,
    pub has_more: bool,
}

#[server(endpoint = "audit/list")]
pub async fn list_audit(filter: AuditFilter, page: u32) -> Result<AuditPage, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{audit, auth::guard};

    let (state, _) = guard::require(Capability::ViewAudit).await?;
    let internal = |err: sqlx::Error| {
        tracing::error!("cannot read the audit log: {err}");
        AppError::Internal
    };
    let offset = i64::from(page) * AUDIT_PAGE_SIZE;
    let mut entries = audit::query(&state.db, &filter, AUDIT_PAGE_SIZE + 1, offset)
        .await
        .map_err(internal)?;
    let has_more = entries.len() as i64 > AUDIT_PAGE_SIZE;
    entries.truncate(AUDIT_PAGE_SIZE as usize);
    let people = audit::people(&state.db).await.map_err(internal)?;
    Ok(AuditPage {
        entries,
        people,
        has_more,
    })
}
