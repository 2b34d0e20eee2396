//! The test sends table: the claim that sends one composed test once (a row in `sending`, unique
//! per sender and fingerprint while it is up), the tests that are up, and the per-row claim that
//! removes each exactly once across replicas. Times are Unix seconds.

use crate::db::Db;
use crate::model::draft::DraftKind;
use crate::model::test_send::{TestSend, TestSendState, iso_at};

/// How long a claim holds a row (a send or a removal under way) before another replica may take
/// it: longer than any one upstream call.
pub const CLAIM_SECONDS: i64 = 120;

/// A `test_sends` row as the lists need it (`fingerprint` and `claimed_until` left out).
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    kind: String,
    upstream_id: Option<i64>,
    label: String,
    by_user: String,
    sent_at: i64,
    remove_at: i64,
    state: String,
    removed_at: Option<i64>,
    last_error: Option<String>,
    attempts: i64,
    next_try_at: i64,
}

const COLUMNS: &str = "id, kind, upstream_id, label, by_user, sent_at, remove_at, state, \
                       removed_at, last_error, attempts, next_try_at";

fn to_test_send(row: Row) -> TestSend {
    let state = match (row.state.as_str(), row.last_error) {
        ("removed", _) => TestSendState::Removed {
            at: iso_at(row.removed_at.unwrap_or(row.remove_at)),
        },
        (_, Some(why)) => TestSendState::Failed {
            why,
            next_try: (row.next_try_at > 0).then(|| iso_at(row.next_try_at)),
        },
        _ => TestSendState::Live,
    };
    TestSend {
        id: row.id,
        kind: DraftKind::parse(&row.kind).unwrap_or(DraftKind::Offer),
        upstream_id: row.upstream_id,
        label: row.label,
        by: row.by_user,
        sent_at: iso_at(row.sent_at),
        remove_at: iso_at(row.remove_at),
        state,
        attempts: row.attempts,
    }
}

/// A test about to be sent.
pub struct New<'a> {
    pub kind: DraftKind,
    pub label: &'a str,
    pub by: &'a str,
    /// `model::test_send::fingerprint`.
    pub fingerprint: &'a str,
    pub sent_at: i64,
    pub remove_at: i64,
}

/// Claims the send of `new`: `Ok(id)` of its row (in `sending`), or `Err(test)` when the same
/// test by the same person is being sent or is up already. One statement, so two presses, tabs
/// or replicas at once send it once.
pub async fn claim_send(db: &Db, new: New<'_>) -> Result<Result<i64, Box<TestSend>>, sqlx::Error> {
    let inserted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO test_sends (kind, label, by_user, fingerprint, sent_at, remove_at, state, attempts, next_try_at, claimed_until) \
         VALUES ($1, $2, $3, $4, $5, $6, 'sending', 0, 0, $7) ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(new.kind.as_str())
    .bind(new.label)
    .bind(new.by)
    .bind(new.fingerprint)
    .bind(new.sent_at)
    .bind(new.remove_at)
    .bind(new.sent_at + CLAIM_SECONDS)
    .fetch_optional(db)
    .await?;
    if let Some(id) = inserted {
        return Ok(Ok(id));
    }
    let open: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM test_sends \
         WHERE by_user = $1 AND fingerprint = $2 AND state IN ('sending', 'live')"
    ))
    .bind(new.by)
    .bind(new.fingerprint)
    .fetch_optional(db)
    .await?;
    // Gone between the two statements (removed meanwhile): the caller may press again.
    open.map(|row| Err(Box::new(to_test_send(row))))
        .ok_or(sqlx::Error::RowNotFound)
}

/// The platform took test `id`: it is up, as `upstream_id` upstream (when the answer said).
pub async fn sent(db: &Db, id: i64, upstream_id: Option<i64>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE test_sends SET state = 'live', upstream_id = $1, claimed_until = NULL \
         WHERE id = $2",
    )
    .bind(upstream_id)
    .bind(id)
    .execute(db)
    .await
    .map(|_| ())
}

/// Runs `sql`, a statement on test `id` (`$1`) alone.
async fn on_one(db: &Db, sql: &str, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(sql).bind(id).execute(db).await.map(|_| ())
}

/// The platform did not take test `id`: its row goes, and the same test may be sent again.
pub async fn unsent(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    on_one(
        db,
        "DELETE FROM test_sends WHERE id = $1 AND state = 'sending'",
        id,
    )
    .await
}

/// Test `id`, whoever sent it.
pub async fn get(db: &Db, id: i64) -> Result<Option<TestSend>, sqlx::Error> {
    let row: Option<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM test_sends WHERE id = $1"))
            .bind(id)
            .fetch_optional(db)
            .await?;
    Ok(row.map(to_test_send))
}

/// `by`'s tests (of `kind`, or of both), newest first, at most `limit`.
pub async fn list(
    db: &Db,
    by: &str,
    kind: Option<DraftKind>,
    limit: i64,
) -> Result<Vec<TestSend>, sqlx::Error> {
    let rows: Vec<Row> = match kind {
        Some(kind) => {
            sqlx::query_as(&format!(
                "SELECT {COLUMNS} FROM test_sends WHERE by_user = $1 AND kind = $2 \
                 ORDER BY id DESC LIMIT $3"
            ))
            .bind(by)
            .bind(kind.as_str())
            .bind(limit)
            .fetch_all(db)
            .await?
        }
        None => {
            sqlx::query_as(&format!(
                "SELECT {COLUMNS} FROM test_sends WHERE by_user = $1 ORDER BY id DESC LIMIT $2"
            ))
            .bind(by)
            .bind(limit)
            .fetch_all(db)
            .await?
        }
    };
    Ok(rows.into_iter().map(to_test_send).collect())
}

/// The upstream ids of every test of `kind` the dashboard ever sent (up or removed).
pub async fn upstream_ids(db: &Db, kind: DraftKind) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT upstream_id FROM test_sends WHERE kind = $1 AND upstream_id IS NOT NULL",
    )
    .bind(kind.as_str())
    .fetch_all(db)
    .await
}

/// Up to `limit` tests whose time is up at `now`, whose next try is due and that no one holds.
pub async fn due(db: &Db, now: i64, limit: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM test_sends WHERE state = 'live' AND remove_at <= $1 AND next_try_at <= $1 \
         AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY remove_at LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// Claims the removal of test `id` at `now` if it is up, no one holds it, and `also` (more SQL
/// conditions on `$3`, the time) holds: true for the one replica that wins.
async fn claim(db: &Db, id: i64, now: i64, also: &str) -> Result<bool, sqlx::Error> {
    sqlx::query(&format!(
        "UPDATE test_sends SET claimed_until = $1 WHERE id = $2 AND state = 'live' {also} \
         AND (claimed_until IS NULL OR claimed_until < $3)"
    ))
    .bind(now + CLAIM_SECONDS)
    .bind(id)
    .bind(now)
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// Claims the removal of test `id` for the job, if it is still due at `now` and no one holds it:
/// true for the one replica that wins.
pub async fn claim_due(db: &Db, id: i64, now: i64) -> Result<bool, sqlx::Error> {
    claim(db, id, now, "AND remove_at <= $3 AND next_try_at <= $3").await
}

/// Claims the removal of test `id` now ("Remove now"), whatever its time, if it is up and no one
/// holds it.
pub async fn claim_now(db: &Db, id: i64, now: i64) -> Result<bool, sqlx::Error> {
    claim(db, id, now, "").await
}

/// Test `id` is gone upstream since `at`; `note` says why when it was not removed by a delete.
pub async fn removed(db: &Db, id: i64, at: i64, note: Option<&str>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE test_sends SET state = 'removed', removed_at = $1, last_error = $2, \
         claimed_until = NULL WHERE id = $3",
    )
    .bind(at)
    .bind(note)
    .bind(id)
    .execute(db)
    .await
    .map(|_| ())
}

/// Test `id`'s removal failed (`why`, in plain words) for the `attempts`th time: it stays up, is
/// let go, and is tried again from `next_try_at`.
pub async fn failed(
    db: &Db,
    id: i64,
    why: &str,
    attempts: i64,
    next_try_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE test_sends SET last_error = $1, attempts = $2, next_try_at = $3, \
         claimed_until = NULL WHERE id = $4 AND state = 'live'",
    )
    .bind(why)
    .bind(attempts)
    .bind(next_try_at)
    .bind(id)
    .execute(db)
    .await
    .map(|_| ())
}

/// Lets test `id` go without trying it (the removal was refused before anything was sent).
pub async fn release(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    on_one(
        db,
        "UPDATE test_sends SET claimed_until = NULL WHERE id = $1",
        id,
    )
    .await
}

/// Tests left `sending` past their claim at `now` (the process that sent them stopped before
/// the platform answered): no id is known to remove, so they are closed with `note`. Answers
/// how many.
pub async fn abandon_stuck(db: &Db, now: i64, note: &str) -> Result<u64, sqlx::Error> {
    sqlx::query(
        "UPDATE test_sends SET state = 'removed', removed_at = $1, last_error = $2, \
         claimed_until = NULL WHERE state = 'sending' AND claimed_until < $1",
    )
    .bind(now)
    .bind(note)
    .execute(db)
    .await
    .map(|r| r.rows_affected())
}
