//! The audit log: who changed what, when, with what outcome. Never a secret: callers write only
//! a short summary of the change.

use crate::error::AppError;
use crate::model::audit::{AUDIT_PAGE_SIZE, AuditArea, AuditEntry, AuditFilter, AuditPage};
use crate::server::db::now_text;
use sqlx::{QueryBuilder, Row, Sqlite, SqlitePool};

mod export;
pub use export::audit_csv;

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

/// One thing that happened, for the log: who did what, where, to what, and how it ended. The
/// change path ([`crate::server::change`]) and the direct recorders build the same event.
#[derive(Debug, Clone)]
pub struct AuditEvent {
    pub actor: String,
    pub action: &'static str,
    pub area: AuditArea,
    pub target: Option<String>,
    pub outcome: Outcome,
    /// What happened, in a few words; never a secret.
    pub summary: String,
    /// Where the item can be seen or restored, when the page should link it.
    pub link: Option<String>,
}

impl AuditEvent {
    /// `actor` did `action` in `area`; it went well unless [`AuditEvent::outcome`] says otherwise.
    pub fn new(actor: &str, area: AuditArea, action: &'static str) -> Self {
        AuditEvent {
            actor: actor.to_owned(),
            action,
            area,
            target: None,
            outcome: Outcome::Ok,
            summary: String::new(),
            link: None,
        }
    }

    pub fn target(mut self, target: impl Into<String>) -> Self {
        self.target = Some(target.into());
        self
    }

    pub fn outcome(mut self, outcome: Outcome) -> Self {
        self.outcome = outcome;
        self
    }

    pub fn summary(mut self, summary: impl Into<String>) -> Self {
        self.summary = summary.into();
        self
    }

    pub fn link(mut self, link: impl Into<String>) -> Self {
        self.link = Some(link.into());
        self
    }
}

pub async fn record(db: &SqlitePool, event: &AuditEvent) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, action, area, target, outcome, summary, link) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(now_text())
    .bind(&event.actor)
    .bind(event.action)
    .bind(event.area.as_str())
    .bind(event.target.as_deref())
    .bind(event.outcome.as_str())
    .bind(&event.summary)
    .bind(event.link.as_deref())
    .execute(db)
    .await
    .map(|_| ())
}

/// Records, and only logs when the audit log itself cannot be written.
pub async fn record_quietly(db: &SqlitePool, event: AuditEvent) {
    if let Err(err) = record(db, &event).await {
        let (action, area) = (event.action, event.area.as_str());
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
        "SELECT id, at, actor, action, area, target, outcome, summary, link FROM audit_log WHERE 1 = 1",
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
                link: row.try_get("link")?,
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

/// Page `page` (from 0) of the entries matching `filter`, with everyone who appears in the log.
pub async fn page(db: &SqlitePool, filter: &AuditFilter, page: u32) -> Result<AuditPage, AppError> {
    let offset = i64::from(page) * AUDIT_PAGE_SIZE;
    let mut entries = query(db, filter, AUDIT_PAGE_SIZE + 1, offset).await?;
    let has_more = entries.len() as i64 > AUDIT_PAGE_SIZE;
    entries.truncate(AUDIT_PAGE_SIZE as usize);
    Ok(AuditPage {
        entries,
        people: people(db).await?,
        has_more,
    })
}
