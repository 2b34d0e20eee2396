//! `GET /audit.csv`: the filtered audit log as a spreadsheet-safe CSV download, for admins.

use super::query;
use crate::auth::session;
use crate::model::audit::{AuditEntry, AuditFilter};
use crate::model::staff::Capability;
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

/// `GET /audit.csv?person=&area=&from=&to=`.
pub async fn audit_csv(
    State(state): State<AppState>,
    session: Session,
    Query(filter): Query<AuditFilter>,
) -> Response {
    if let Err(status) = session::allows(&session, &state, Capability::ViewAudit).await {
        return status.into_response();
    }
    let csv = query(&state.db, &filter, 100_000, 0)
        .await
        .map_err(|e| e.to_string())
        .and_then(|entries| to_csv(&entries).map_err(|e| e.to_string()));
    match csv {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"audit-log.csv\"",
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(err) => {
            tracing::error!("cannot export the audit log: {err}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The entries as CSV. Cells that a spreadsheet would run as a formula are prefixed with `'`.
pub fn to_csv(entries: &[AuditEntry]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(vec![]);
    writer.write_record([
        "id", "at", "actor", "action", "area", "target", "outcome", "summary",
    ])?;
    for e in entries {
        let id = e.id.to_string();
        let cells = [
            id.as_str(),
            &e.at,
            &e.actor,
            &e.action,
            &e.area,
            e.target.as_deref().unwrap_or(""),
            &e.outcome,
            &e.summary,
        ];
        writer.write_record(cells.iter().map(|c| defuse(c)))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let entry = AuditEntry {
            id: 1,
            at: "2026-01-01T00:00:00Z".into(),
            actor: "ann".into(),
            action: "create".into(),
            area: "badges".into(),
            target: Some("7".into()),
            outcome: "ok".into(),
            summary: "=HYPERLINK(\"x\"), \"quoted\"".into(),
            link: None,
        };
        let text = String::from_utf8(to_csv(&[entry]).unwrap()).unwrap();
        assert!(text.starts_with("id,at,actor,action,area,target,outcome,summary\n"));
        assert!(
            text.contains("\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\""),
            "{text}"
        );
    }
}
