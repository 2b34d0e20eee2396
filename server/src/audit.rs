//! The audit log: who changed what, when, with what outcome. Never a secret: callers write only
//! a short summary of the change.

use crate::db::{Db, now_text};
use crate::error::AppError;
use crate::model::audit::{AUDIT_PAGE_SIZE, AuditArea, AuditEntry, AuditFilter, AuditPage};
use sqlx::Row;

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
/// change path ([`crate::change`]) and the direct recorders build the same event.
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

pub async fn record(db: &Db, event: &AuditEvent) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, action, area, target, outcome, summary, link) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
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
pub async fn record_quietly(db: &Db, event: AuditEvent) {
    if let Err(err) = record(db, &event).await {
        let (action, area) = (event.action, event.area.as_str());
        tracing::error!(action, area, "cannot write the audit log: {err}");
    }
}

/// Entries matching `filter`, newest first.
pub async fn query(
    db: &Db,
    filter: &AuditFilter,
    limit: i64,
    offset: i64,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    // sqlx's QueryBuilder writes `?` for the Any driver, which PostgreSQL does not read: the
    // conditions are numbered here instead.
    let mut sql = String::from(
        "SELECT id, at, actor, action, area, target, outcome, summary, link FROM audit_log WHERE 1 = 1",
    );
    let mut binds: Vec<String> = Vec::new();
    let conditions = [
        (" AND actor = ", filter.person.trim().to_lowercase()),
        (" AND area = ", filter.area.trim().to_owned()),
        (" AND at >= ", day_edge(&filter.from, "T00:00:00Z")),
        (" AND at <= ", day_edge(&filter.to, "T23:59:59Z")),
    ];
    for (condition, value) in conditions {
        if !value.is_empty() {
            binds.push(value);
            sql.push_str(&format!("{condition}${}", binds.len()));
        }
    }
    let n = binds.len();
    sql.push_str(&format!(
        " ORDER BY id DESC LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    ));
    let mut q = sqlx::query(&sql);
    for value in binds {
        q = q.bind(value);
    }
    let rows = q.bind(limit).bind(offset).fetch_all(db).await?;
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

/// `day` with `time` appended, or nothing for no day.
fn day_edge(day: &str, time: &str) -> String {
    let day = day.trim();
    if day.is_empty() {
        String::new()
    } else {
        format!("{day}{time}")
    }
}

/// The distinct people in the log, for the filter's choices.
pub async fn people(db: &Db) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT DISTINCT actor FROM audit_log ORDER BY actor")
        .fetch_all(db)
        .await
}

/// Page `page` (from 0) of the entries matching `filter`, with everyone who appears in the log.
pub async fn page(db: &Db, filter: &AuditFilter, page: u32) -> Result<AuditPage, AppError> {
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
