//! The audit log: who changed what, when, with what outcome. Never a secret: callers write only
//! a short summary of the change.

use crate::db::Db;
pub use crate::db::audit::{people, query};
use crate::db::batch::Write;
use crate::error::AppError;
use crate::model::audit::{AUDIT_PAGE_SIZE, AuditArea, AuditFilter, AuditPage};

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

/// `event` as the table keeps it.
fn entry(event: &AuditEvent) -> crate::db::audit::Entry<'_> {
    crate::db::audit::Entry {
        actor: &event.actor,
        action: event.action,
        area: event.area.as_str(),
        target: event.target.as_deref(),
        outcome: event.outcome.as_str(),
        summary: &event.summary,
        link: event.link.as_deref(),
    }
}

/// Writes `event` to the log, now.
pub async fn record(db: &Db, event: &AuditEvent) -> Result<(), sqlx::Error> {
    crate::db::audit::insert(db, entry(event)).await
}

/// Records, and only logs when the audit log itself cannot be written.
pub async fn record_quietly(db: &Db, event: AuditEvent) {
    if let Err(err) = record(db, &event).await {
        let (action, area) = (event.action, event.area.as_str());
        tracing::error!(action, area, "cannot write the audit log: {err}");
    }
}

/// Records `event` with the other writes of the same change (`with`), all in one transaction:
/// one commit instead of one each. When the database refuses one of them, each is made on its
/// own, the entry first, so the entry is not lost with another write (`db::batch`); only logs,
/// as [`record_quietly`].
pub async fn record_with(db: &Db, event: AuditEvent, with: &[Write<'_>]) {
    let mut writes = Vec::with_capacity(with.len() + 1);
    writes.push(Write::Audit(entry(&event)));
    writes.extend_from_slice(with);
    if let Err(err) = crate::db::batch::commit(db, &writes).await {
        let (action, area) = (event.action, event.area.as_str());
        tracing::error!(
            action,
            area,
            "cannot write the audit log or what followed: {err}"
        );
    }
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
