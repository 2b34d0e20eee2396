//! The approvals tables: the rules, the requests, the one-way state changes that make a
//! request decided (and sent) once, and whether its requester has seen the decision.

use crate::db::Db;
use crate::db::now_text;
use crate::model::approval::{
    Approval, ApprovalAction, ApprovalRule, ApprovalState, IDS_SHOWN, Payload,
};

/// Every action with whether it waits for a second person.
pub async fn rules(db: &Db) -> Result<Vec<ApprovalRule>, sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as("SELECT action, enabled FROM approval_rules")
        .fetch_all(db)
        .await?;
    let on: Vec<String> = rows
        .into_iter()
        .filter(|(_, enabled)| *enabled != 0)
        .map(|(action, _)| action)
        .collect();
    Ok(ApprovalAction::ALL
        .into_iter()
        .map(|action| ApprovalRule {
            action,
            enabled: on.iter().any(|a| a == action.as_str()),
        })
        .collect())
}

pub async fn set_rule(
    db: &Db,
    action: ApprovalAction,
    enabled: bool,
    by: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO approval_rules (action, enabled, changed_by, changed_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (action) DO UPDATE SET enabled = $2, changed_by = $3, changed_at = $4",
    )
    .bind(action.as_str())
    .bind(i64::from(enabled))
    .bind(by)
    .bind(now_text())
    .execute(db)
    .await
    .map(|_| ())
}

/// What a new request is.
pub struct NewRequest<'a> {
    pub action: ApprovalAction,
    pub target: Option<&'a str>,
    /// What it is about (`model::approval::draft_subject`, `room_subject`): at most one open
    /// request per subject.
    pub subject: Option<&'a str>,
    pub label: &'a str,
    pub payload: &'a Payload,
    pub by: &'a str,
    pub expires_at: i64,
}

/// A new pending request: `Ok(id)`, or `Err(open)` when request `open` about the same subject
/// is still open (pending or being sent). One statement, so two presses, tabs or replicas at
/// once make one request.
pub async fn insert(db: &Db, new: NewRequest<'_>) -> Result<Result<i64, i64>, sqlx::Error> {
    let payload = serde_json::to_string(new.payload).unwrap_or_default();
    let inserted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO approvals (action, target, subject, label, payload, requested_by, requested_at, expires_at, state) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending') ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(new.action.as_str())
    .bind(new.target)
    .bind(new.subject)
    .bind(new.label)
    .bind(payload)
    .bind(new.by)
    .bind(now_text())
    .bind(new.expires_at)
    .fetch_optional(db)
    .await?;
    if let Some(id) = inserted {
        return Ok(Ok(id));
    }
    let open = open_about(db, new.subject.unwrap_or_default()).await?;
    open.map(Err).ok_or(sqlx::Error::RowNotFound)
}

/// The open request (pending or being sent) about `subject`, if there is one.
pub async fn open_about(db: &Db, subject: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM approvals WHERE subject = $1 AND state IN ('pending', 'sending')",
    )
    .bind(subject)
    .fetch_optional(db)
    .await
}

/// Replaces a pending request's payload (more chunks of one user list).
pub async fn set_payload(db: &Db, id: i64, payload: &Payload) -> Result<bool, sqlx::Error> {
    let payload = serde_json::to_string(payload).unwrap_or_default();
    sqlx::query("UPDATE approvals SET payload = $1 WHERE id = $2 AND state = 'pending'")
        .bind(payload)
        .bind(id)
        .execute(db)
        .await
        .map(|r| r.rows_affected() == 1)
}

/// Pending requests past their time become expired; answers them (id, action, label, requester).
pub async fn expire(db: &Db, now: i64) -> Result<Vec<(i64, String, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "UPDATE approvals SET state = 'expired', decided_at = $1 \
         WHERE state = 'pending' AND expires_at < $2 RETURNING id, action, label, requested_by",
    )
    .bind(now_text())
    .bind(now)
    .fetch_all(db)
    .await
}

/// Moves pending request `id` to `to` (decided by `by`, with `reason`): false when it was no
/// longer pending, so a request is decided once.
pub async fn decide(
    db: &Db,
    id: i64,
    to: ApprovalState,
    by: &str,
    reason: &str,
) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "UPDATE approvals SET state = $1, decided_by = $2, decided_at = $3, reason = $4 \
         WHERE id = $5 AND state = 'pending'",
    )
    .bind(to.as_str())
    .bind(by)
    .bind(now_text())
    .bind(reason)
    .bind(id)
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// How sending an approved request ended.
pub async fn finish(db: &Db, id: i64, to: ApprovalState, outcome: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE approvals SET state = $1, outcome = $2 WHERE id = $3")
        .bind(to.as_str())
        .bind(outcome)
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}

fn day_time(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// An `approvals` row as stored.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    action: String,
    label: String,
    payload: String,
    requested_by: String,
    requested_at: String,
    expires_at: i64,
    state: String,
    decided_by: Option<String>,
    decided_at: Option<String>,
    reason: Option<String>,
    outcome: Option<String>,
}

/// A row as the pages show it; `full` keeps the payload (its user ids cut to [`IDS_SHOWN`]).
fn to_approval(row: Row, full: bool) -> Approval {
    let payload = if full {
        serde_json::from_str::<Payload>(&row.payload)
            .ok()
            .map(|p| match p {
                Payload::ReplaceUsers {
                    badge_id,
                    mut ids,
                    total,
                } => {
                    ids.truncate(IDS_SHOWN);
                    Payload::ReplaceUsers {
                        badge_id,
                        ids,
                        total,
                    }
                }
                other => other,
            })
    } else {
        None
    };
    Approval {
        id: row.id,
        action: ApprovalAction::parse(&row.action).unwrap_or(ApprovalAction::PublishGlobalOffer),
        label: row.label,
        requested_by: row.requested_by,
        requested_at: row.requested_at,
        expires_at: day_time(row.expires_at),
        state: ApprovalState::parse(&row.state).unwrap_or(ApprovalState::Failed),
        decided_by: row.decided_by,
        decided_at: row.decided_at,
        reason: row.reason,
        outcome: row.outcome,
        can_decide: false,
        payload,
    }
}

/// Request `id`, payload and all (the ids a page shows cut short).
pub async fn get(db: &Db, id: i64) -> Result<Option<Approval>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as("SELECT * FROM approvals WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await?;
    Ok(row.map(|r| to_approval(r, true)))
}

/// Request `id`'s whole payload, for sending.
pub async fn payload(db: &Db, id: i64) -> Result<Option<Payload>, sqlx::Error> {
    let text: Option<String> = sqlx::query_scalar("SELECT payload FROM approvals WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

/// Pending requests first (oldest first), then the 50 last decided.
pub async fn list(db: &Db) -> Result<Vec<Approval>, sqlx::Error> {
    let mut rows: Vec<Row> =
        sqlx::query_as("SELECT * FROM approvals WHERE state = 'pending' ORDER BY id")
            .fetch_all(db)
            .await?;
    rows.extend(
        sqlx::query_as::<_, Row>(
            "SELECT * FROM approvals WHERE state <> 'pending' ORDER BY id DESC LIMIT 50",
        )
        .fetch_all(db)
        .await?,
    );
    Ok(rows.into_iter().map(|r| to_approval(r, false)).collect())
}

/// `by`'s newest pending request to replace badge `badge`'s users, if any.
pub async fn open_replace(db: &Db, badge: i64, by: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM approvals WHERE state = 'pending' AND action = 'replace_badge_users' \
         AND target = $1 AND requested_by = $2 ORDER BY id DESC LIMIT 1",
    )
    .bind(badge.to_string())
    .bind(by)
    .fetch_optional(db)
    .await
}

/// A pending request as the header counts it (`approvals::counts` keeps them in memory).
#[derive(Clone, Debug)]
pub struct Pending {
    /// `None`: an action this version does not know, which nobody is shown as theirs to decide.
    pub action: Option<ApprovalAction>,
    pub requested_by: String,
    /// Unix seconds; past it, the request counts as decided for its requester, not as waiting.
    pub expires_at: i64,
}

/// Every pending request, past its time or not: the header's counts judge the time when they
/// read, so that one copy serves until a request changes.
pub async fn pending(db: &Db) -> Result<Vec<Pending>, sqlx::Error> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT action, requested_by, expires_at FROM approvals WHERE state = 'pending'",
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(action, requested_by, expires_at)| Pending {
            action: ApprovalAction::parse(&action),
            requested_by,
            expires_at,
        })
        .collect())
}

// Decided and done, below: `state IN ('sent', 'failed', 'rejected', 'expired')`, as
// `ApprovalState::is_decided` says.

/// How many of `by`'s requests are decided and not yet opened by them since: one count over an
/// index, for the header (which adds their pending requests past their time, as
/// `approvals::counts` says).
pub async fn decided_unseen_count(db: &Db, by: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM approvals WHERE requested_by = $1 AND seen_by_requester = 0 \
         AND state IN ('sent', 'failed', 'rejected', 'expired')",
    )
    .bind(by)
    .fetch_one(db)
    .await
}

/// `by`'s decided requests not yet opened by them since, newest first (at most 50).
pub async fn unseen(db: &Db, by: &str) -> Result<Vec<Approval>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT * FROM approvals WHERE requested_by = $1 AND seen_by_requester = 0 \
         AND state IN ('sent', 'failed', 'rejected', 'expired') ORDER BY id DESC LIMIT 50",
    )
    .bind(by)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| to_approval(r, false)).collect())
}

/// Request `id`, decided, is seen by `by` when they asked for it (otherwise nothing changes):
/// true when it was not seen before.
pub async fn seen(db: &Db, id: i64, by: &str) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "UPDATE approvals SET seen_by_requester = 1 WHERE id = $1 AND requested_by = $2 \
         AND seen_by_requester = 0 AND state IN ('sent', 'failed', 'rejected', 'expired')",
    )
    .bind(id)
    .bind(by)
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}
