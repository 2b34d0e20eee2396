//! Drafts and publish reports in SQLite. A draft keeps the composer's form as typed, so a
//! failed publish loses nothing.

use crate::db::Db;
use crate::db::now_text;
use crate::model::draft::{Draft, DraftKind, DraftSummary};
use crate::model::targeting::PublishReport;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A draft's summary, with the open approval request that will send it (its subject is
/// `model::approval::draft_subject`).
const SUMMARY: &str = "key, kind, target_id, label, updated_by, updated_at, last_error, published_note, \
     (SELECT a.id FROM approvals a WHERE a.subject = drafts.kind || ' draft ' || drafts.key \
      AND a.state IN ('pending', 'sending')) AS waiting_request";

/// A draft's summary as [`SUMMARY`] reads it.
#[derive(sqlx::FromRow)]
struct SummaryRow {
    key: String,
    kind: String,
    target_id: Option<i64>,
    label: String,
    updated_by: String,
    updated_at: String,
    last_error: Option<String>,
    published_note: Option<String>,
    waiting_request: Option<i64>,
}

/// A draft's row with its form.
#[derive(sqlx::FromRow)]
struct DraftRow {
    #[sqlx(flatten)]
    summary: SummaryRow,
    form: String,
}

fn summary(row: SummaryRow) -> Result<DraftSummary, sqlx::Error> {
    Ok(DraftSummary {
        key: row.key,
        kind: DraftKind::parse(&row.kind).ok_or_else(|| sqlx::Error::ColumnDecode {
            index: "kind".into(),
            source: format!("unknown draft kind {}", row.kind).into(),
        })?,
        target_id: row.target_id,
        label: row.label,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
        last_error: row.last_error,
        published_note: row.published_note,
        waiting_request: row.waiting_request,
    })
}

/// What to store for a draft.
pub struct Save<'a, F> {
    pub key: &'a str,
    pub kind: DraftKind,
    pub target_id: Option<i64>,
    pub label: &'a str,
    pub form: &'a F,
    pub by: &'a str,
}

/// Creates or replaces draft `key` (clearing its last error). A key of another kind is refused.
pub async fn save<F: Serialize>(db: &Db, draft: Save<'_, F>) -> Result<bool, sqlx::Error> {
    let form = serde_json::to_string(draft.form).map_err(|e| sqlx::Error::Encode(e.into()))?;
    let now = now_text();
    let done = sqlx::query(
        "INSERT INTO drafts (key, kind, target_id, label, form, last_error, created_by, updated_by, created_at, updated_at, saved_us) \
         VALUES ($1, $2, $3, $4, $5, NULL, $6, $6, $7, $7, $8) \
         ON CONFLICT (key) DO UPDATE SET target_id = $3, label = $4, form = $5, last_error = NULL, \
         updated_by = $6, updated_at = $7, saved_us = $8 WHERE drafts.kind = $2",
    )
    .bind(draft.key)
    .bind(draft.kind.as_str())
    .bind(draft.target_id)
    .bind(draft.label)
    .bind(form)
    .bind(draft.by)
    .bind(now)
    .bind(chrono::Utc::now().timestamp_micros())
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks draft `key` published although the new item's id is unknown (`note` says why): it is
/// kept so the team can find the item, and never published again.
pub async fn mark_published(db: &Db, key: &str, note: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE drafts SET published_note = $1, last_error = NULL WHERE key = $2")
        .bind(note)
        .bind(key)
        .execute(db)
        .await
        .map(|_| ())
}

/// Why draft `key` counts as published already, if it does (see [`mark_published`]).
pub async fn published_note(db: &Db, key: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar::<_, Option<String>>("SELECT published_note FROM drafts WHERE key = $1")
        .bind(key)
        .fetch_optional(db)
        .await
        .map(Option::flatten)
}

/// Notes why the last publish of draft `key` failed.
pub async fn set_error(db: &Db, key: &str, error: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE drafts SET last_error = $1 WHERE key = $2")
        .bind(error)
        .bind(key)
        .execute(db)
        .await
        .map(|_| ())
}

/// Draft `key` of `kind`, with its form.
pub async fn get<F: DeserializeOwned>(
    db: &Db,
    kind: DraftKind,
    key: &str,
) -> Result<Option<Draft<F>>, sqlx::Error> {
    let row: Option<DraftRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY}, form FROM drafts WHERE key = $1 AND kind = $2"
    ))
    .bind(key)
    .bind(kind.as_str())
    .fetch_optional(db)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let form = serde_json::from_str(&row.form).map_err(|e| sqlx::Error::Decode(e.into()))?;
    Ok(Some(Draft {
        summary: summary(row.summary)?,
        form,
    }))
}

/// The drafts of `kind`, most recently changed first.
pub async fn list(db: &Db, kind: DraftKind) -> Result<Vec<DraftSummary>, sqlx::Error> {
    sqlx::query_as::<_, SummaryRow>(&format!(
        "SELECT {SUMMARY} FROM drafts WHERE kind = $1 ORDER BY updated_at DESC, saved_us DESC, key LIMIT 200"
    ))
    .bind(kind.as_str())
    .fetch_all(db)
    .await?
    .into_iter()
    .map(summary)
    .collect()
}

/// Removes draft `key`; whether there was one.
pub async fn delete(db: &Db, kind: DraftKind, key: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM drafts WHERE key = $1 AND kind = $2")
        .bind(key)
        .bind(kind.as_str())
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Keeps what the last publish of item `id` reported.
pub async fn save_report(
    db: &Db,
    kind: DraftKind,
    id: i64,
    report: &PublishReport,
) -> Result<(), sqlx::Error> {
    let text = serde_json::to_string(report).map_err(|e| sqlx::Error::Encode(e.into()))?;
    sqlx::query(
        "INSERT INTO publish_reports (kind, item_id, report) VALUES ($1, $2, $3) \
         ON CONFLICT (kind, item_id) DO UPDATE SET report = $3",
    )
    .bind(kind.as_str())
    .bind(id)
    .bind(text)
    .execute(db)
    .await
    .map(|_| ())
}

/// What the last publish of item `id` reported, if it went through this dashboard.
pub async fn report(
    db: &Db,
    kind: DraftKind,
    id: i64,
) -> Result<Option<PublishReport>, sqlx::Error> {
    let text: Option<String> =
        sqlx::query_scalar("SELECT report FROM publish_reports WHERE kind = $1 AND item_id = $2")
            .bind(kind.as_str())
            .bind(id)
            .fetch_optional(db)
            .await?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

/// The reports of every item of `kind` published through this dashboard, by item id.
pub async fn reports(
    db: &Db,
    kind: DraftKind,
) -> Result<std::collections::HashMap<i64, PublishReport>, sqlx::Error> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT item_id, report FROM publish_reports WHERE kind = $1")
            .bind(kind.as_str())
            .fetch_all(db)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, text)| Some((id, serde_json::from_str(&text).ok()?)))
        .collect())
}

/// Forgets the report of a deleted item.
pub async fn forget_report(db: &Db, kind: DraftKind, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM publish_reports WHERE kind = $1 AND item_id = $2")
        .bind(kind.as_str())
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}
