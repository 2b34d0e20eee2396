//! The audit log: who changed what, when, with what outcome. Never a secret: callers write only
//! a short summary of the change.

use crate::model::staff::{AuditEntry, AuditFilter};
use crate::server::db::now_text;
use sqlx::{QueryBuilder, Row, Sqlite, SqlitePool};

/// How a change ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// Refused by the dashboard or by Watchers.
    Refused,
    /// Watchers was unavailable or answered something unreadable.
    Failed,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Refused => "refused",
            Outcome::Failed => "failed",
        }
    }
}

pub async fn record(
    db: &SqlitePool,
    actor: &str,
    action: &str,
    area: &str,
    target: Option<&str>,
    outcome: Outcome,
    summary: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, action, area, target, outcome, summary) \
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(now_text())
    .bind(actor)
    .bind(action)
    .bind(area)
    .bind(target)
    .bind(outcome.as_str())
    .bind(summary)
    .execute(db)
    .await
    .map(|_| ())
}

/// Records, and only logs when the audit log itself cannot be written.
pub async fn record_quietly(
    db: &SqlitePool,
    actor: &str,
    action: &str,
    area: &str,
    target: Option<&str>,
    outcome: Outcome,
    summary: &str,
) {
    if let Err(err) = record(db, actor, action, area, target, outcome, summary).await {
        tracing::error!(action, area, "cannot write the audit log: {err}");
    }
}

/// Entries matching `filter`, newest first.
pub async fn query(
    db: &SqlitePool,
    filter: &AuditFilter,
    limit: i64,
    offset: i64,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT id, at, actor, action, area, target, outcome, summary FROM audit_log WHERE 1 = 1",
    );
    if !filter.person.trim().is_empty() {
        q.push(" AND actor = ")
            .push_bind(filter.person.trim().to_lowercase());
    }
    if !filter.area.trim().is_empty() {
        q.push(" AND area = ")
            .push_bind(filter.area.trim().to_owned());
    }
    if !filter.from.trim().is_empty() {
        q.push(" AND at >= ")
            .push_bind(format!("{}T00:00:00Z", filter.from.trim()));
    }
    if !filter.to.trim().is_empty() {
        q.push(" AND at <= ")
            .push_bind(format!("{}T23:59:59Z", filter.to.trim()));
    }
    q.push(" ORDER BY id DESC LIMIT ").push_bind(limit);
    q.push(" OFFSET ").push_bind(offset);
    let rows = q.build().fetch_all(db).await?;
    rows.iter()
        .map(|row| {
            Ok(AuditEntry {
                id: row.try_get("id")?,
                at: row.try_get("at")?,
                actor: row.try_get("actor")?,
                action: row.try_get("action")?,
                area: row.try_get("area")?,
                target: row.try_get("target")?,
                outcome: row.try_get("outcome")?,
                summary: row.try_get("summary")?,
            })
        })
        .collect()
}

/// The distinct people in the log, for the filter's choices.
pub async fn people(db: &SqlitePool) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT DISTINCT actor FROM audit_log ORDER BY actor")
        .fetch_all(db)
        .await
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
        };
        let text = String::from_utf8(to_csv(&[entry]).unwrap()).unwrap();
        assert!(text.starts_with("id,at,actor,action,area,target,outcome,summary\n"));
        assert!(
            text.contains("\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\""),
            "{text}"
        );
    }
}
