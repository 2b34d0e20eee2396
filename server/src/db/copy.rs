//! `watchers-dashboard db copy`: moves everything the dashboard keeps from one database to another
//! (an existing SQLite file to PostgreSQL, when a team moves to several replicas), in one
//! transaction on the target, which must be new (empty).

use super::{Backend, connect};
use sqlx::Row;
use sqlx::any::AnyRow;

/// How a column is read and written.
#[derive(Clone, Copy)]
enum Kind {
    Int,
    Text,
}

use Kind::{Int, Text};

/// Every table worth keeping, with its columns, in an order the rows can be inserted in. Left
/// out: sessions (everyone signs in again on the new database), the per-address sign-in
/// throttle (15 minutes of memory) and the cache versions (they only mean something live).
const TABLES: &[(&str, &[(&str, Kind)])] = &[
    (
        "staff",
        &[
            ("id", Int),
            ("username", Text),
            ("password_hash", Text),
            ("role", Text),
            ("disabled", Int),
            ("auth_version", Int),
            ("created_at", Text),
            ("last_login_at", Text),
            ("time_zone", Text),
            ("test_user_ids", Text),
            ("test_room_id", Text),
        ],
    ),
    (
        "audit_log",
        &[
            ("id", Int),
            ("at", Text),
            ("actor", Text),
            ("action", Text),
            ("area", Text),
            ("target", Text),
            ("outcome", Text),
            ("summary", Text),
            ("link", Text),
        ],
    ),
    (
        "rooms",
        &[
            ("room_id", Text),
            ("name", Text),
            ("about", Text),
            ("is_speak", Int),
            ("status", Text),
            ("start_time", Text),
            ("end_time", Text),
            ("seen_at", Text),
            ("added_at", Text),
        ],
    ),
    (
        "drafts",
        &[
            ("key", Text),
            ("kind", Text),
            ("target_id", Int),
            ("label", Text),
            ("form", Text),
            ("last_error", Text),
            ("created_by", Text),
            ("updated_by", Text),
            ("created_at", Text),
            ("updated_at", Text),
            ("published_note", Text),
            ("saved_us", Int),
        ],
    ),
    (
        "publish_reports",
        &[("kind", Text), ("item_id", Int), ("report", Text)],
    ),
    (
        "marketing_exclusions",
        &[
            ("user_id", Text),
            ("excluded", Int),
            ("changed_by", Text),
            ("changed_at", Text),
        ],
    ),
    (
        "login_attempts",
        &[
            ("username", Text),
            ("address", Text),
            ("failures", Int),
            ("locked_until", Text),
        ],
    ),
    (
        "snapshots",
        &[
            ("id", Int),
            ("area", Text),
            ("item_id", Text),
            ("label", Text),
            ("record", Text),
            ("users", Text),
            ("deleted_by", Text),
            ("deleted_at", Text),
            ("keep_until", Int),
            ("restored_by", Text),
            ("restored_at", Text),
            ("restored_as", Text),
            ("restore_note", Text),
            ("users_sent", Int),
            ("users_claimed", Int),
        ],
    ),
    ("badge_assignments", &[("badge_id", Int), ("user_id", Text)]),
    (
        "approval_rules",
        &[
            ("action", Text),
            ("enabled", Int),
            ("changed_by", Text),
            ("changed_at", Text),
        ],
    ),
    (
        "approvals",
        &[
            ("id", Int),
            ("action", Text),
            ("target", Text),
            ("label", Text),
            ("payload", Text),
            ("requested_by", Text),
            ("requested_at", Text),
            ("expires_at", Int),
            ("state", Text),
            ("decided_by", Text),
            ("decided_at", Text),
            ("reason", Text),
            ("outcome", Text),
            ("subject", Text),
            ("seen_by_requester", Int),
        ],
    ),
    (
        "ad_samples",
        &[
            ("ad_id", Int),
            ("sampled_at", Int),
            ("views", Int),
            ("messages", Int),
            ("label", Text),
            ("sent_at", Text),
        ],
    ),
    (
        "sample_runs",
        &[("slot", Int), ("taken_by", Text), ("taken_at", Int)],
    ),
    (
        "test_sends",
        &[
            ("id", Int),
            ("kind", Text),
            ("upstream_id", Int),
            ("label", Text),
            ("by_user", Text),
            ("fingerprint", Text),
            ("sent_at", Int),
            ("remove_at", Int),
            ("state", Text),
            ("removed_at", Int),
            ("last_error", Text),
            ("attempts", Int),
            ("next_try_at", Int),
            ("claimed_until", Int),
        ],
    ),
    (
        "kept_forms",
        &[
            ("key", Text),
            ("kind", Text),
            ("by_user", Text),
            ("form", Text),
            ("kept_until", Int),
        ],
    ),
];

/// Tables whose `id` the target numbers itself afterwards (PostgreSQL's identity columns must be
/// moved past the copied ids).
const NUMBERED: &[&str] = &["staff", "audit_log", "snapshots", "approvals", "test_sends"];

/// Rows copied, per table.
pub type Copied = Vec<(&'static str, u64)>;

/// Copies every table of `from` into `to` (both brought up to date first). Refuses a target that
/// holds anything already, so nothing is overwritten or mixed.
pub async fn copy(from: &str, to: &str) -> Result<Copied, String> {
    if from == to {
        return Err("--from and --to are the same database".into());
    }
    let target_backend = Backend::of(to).map_err(|e| e.to_string())?;
    if Backend::of(from).map_err(|e| e.to_string())? == Backend::Sqlite {
        // Opening a SQLite file that is not there would create an empty one and copy nothing.
        let options = <sqlx::sqlite::SqliteConnectOptions as std::str::FromStr>::from_str(from)
            .map_err(|e| e.to_string())?;
        if !options.get_filename().exists() {
            return Err(format!(
                "{} does not exist",
                options.get_filename().display()
            ));
        }
    }
    let source = connect(from)
        .await
        .map_err(|e| format!("cannot open {}: {e}", redact(from)))?
        .db;
    let target = connect(to)
        .await
        .map_err(|e| format!("cannot open {}: {e}", redact(to)))?
        .db;
    for (table, _) in TABLES {
        let rows: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&target)
            .await
            .map_err(|e| e.to_string())?;
        if rows > 0 {
            return Err(format!(
                "the target already holds data ({rows} rows in {table}): copy into a new, empty database"
            ));
        }
    }
    let mut tx = target.begin().await.map_err(|e| e.to_string())?;
    let mut copied = Vec::new();
    for (table, columns) in TABLES {
        let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
        let list = names.join(", ");
        let rows = sqlx::query(&format!("SELECT {list} FROM {table} ORDER BY 1"))
            .fetch_all(&source)
            .await
            .map_err(|e| format!("cannot read {table}: {e}"))?;
        let placeholders: Vec<String> = (1..=names.len()).map(|i| format!("${i}")).collect();
        let insert = format!(
            "INSERT INTO {table} ({list}) VALUES ({})",
            placeholders.join(", ")
        );
        for row in &rows {
            let mut query = sqlx::query(&insert);
            for (name, kind) in columns.iter() {
                query =
                    bind(query, row, name, *kind).map_err(|e| format!("{table}.{name}: {e}"))?;
            }
            query
                .execute(&mut *tx)
                .await
                .map_err(|e| format!("cannot write {table}: {e}"))?;
        }
        copied.push((*table, rows.len() as u64));
    }
    if target_backend == Backend::Postgres {
        for table in NUMBERED {
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            ))
            .execute(&mut *tx)
            .await
            .map_err(|e| format!("cannot renumber {table}: {e}"))?;
        }
    }
    tx.commit().await.map_err(|e| e.to_string())?;
    Ok(copied)
}

type Query<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

fn bind<'q>(
    query: Query<'q>,
    row: &AnyRow,
    name: &str,
    kind: Kind,
) -> Result<Query<'q>, sqlx::Error> {
    Ok(match kind {
        Int => query.bind(row.try_get::<Option<i64>, _>(name)?),
        Text => query.bind(row.try_get::<Option<String>, _>(name)?),
    })
}

/// `url` without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let user_part = &url[scheme + 3..at];
            let user = user_part.split(':').next().unwrap_or_default();
            format!("{}{user}@{}", &url[..scheme + 3], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_password_never_reaches_a_message() {
        assert_eq!(
            super::redact("postgres://dash:s3cret@db.internal:5432/dash"),
            "postgres://dash@db.internal:5432/dash"
        );
        assert_eq!(
            super::redact("sqlite://data/dashboard.db"),
            "sqlite://data/dashboard.db"
        );
    }
}
