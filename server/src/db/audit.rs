//! The audit log's table: writing an entry, and reading entries by filter.

use crate::db::{Db, now_text};
use crate::model::audit::{AuditEntry, AuditFilter};
use sqlx::AnyConnection;

/// An entry to write (its time is now).
#[derive(Clone, Copy)]
pub struct Entry<'a> {
    pub actor: &'a str,
    pub action: &'a str,
    pub area: &'a str,
    pub target: Option<&'a str>,
    pub outcome: &'a str,
    pub summary: &'a str,
    pub link: Option<&'a str>,
}

pub async fn insert(db: &Db, entry: Entry<'_>) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    insert_in(&mut conn, entry).await
}

/// Writes `entry` on `conn`: within the transaction of the writes made with it (`db::batch`).
pub async fn insert_in(conn: &mut AnyConnection, entry: Entry<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, action, area, target, outcome, summary, link) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(now_text())
    .bind(entry.actor)
    .bind(entry.action)
    .bind(entry.area)
    .bind(entry.target)
    .bind(entry.outcome)
    .bind(entry.summary)
    .bind(entry.link)
    .execute(conn)
    .await
    .map(|_| ())
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
    let mut q = sqlx::query_as::<_, Row>(&sql);
    for value in binds {
        q = q.bind(value);
    }
    let rows = q.bind(limit).bind(offset).fetch_all(db).await?;
    Ok(rows.into_iter().map(AuditEntry::from).collect())
}

/// An `audit_log` row as [`query`] reads it.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    at: String,
    actor: String,
    action: String,
    area: String,
    target: Option<String>,
    outcome: String,
    summary: String,
    link: Option<String>,
}

impl From<Row> for AuditEntry {
    fn from(r: Row) -> Self {
        AuditEntry {
            id: r.id,
            at: r.at,
            actor: r.actor,
            action: r.action,
            area: r.area,
            target: r.target,
            outcome: r.outcome,
            summary: r.summary,
            link: r.link,
        }
    }
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
