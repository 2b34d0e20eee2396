//! The advertisement results' tables: `ad_samples`, each reading of an advertisement's counters,
//! and `sample_runs`, which replica took the reading of each period (one across replicas).

use crate::db::Db;
use crate::model::results::Sample;

/// One advertisement's counters as one pass read them, to keep.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub ad_id: i64,
    /// `None`: unreadable this time.
    pub views: Option<i64>,
    pub messages: Option<i64>,
    /// What it was called; empty when the record could not be read (the last name known is
    /// shown instead).
    pub label: String,
    /// Its `sendTime` (ISO), when it was read.
    pub sent_at: Option<String>,
}

/// Takes period `slot` for `by` at `now` (Unix seconds): whether this call took it; `false`
/// when another replica (or an earlier call) had it already.
pub async fn take_slot(db: &Db, slot: i64, by: &str, now: i64) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "INSERT INTO sample_runs (slot, taken_by, taken_at) VALUES ($1, $2, $3) \
         ON CONFLICT (slot) DO NOTHING",
    )
    .bind(slot)
    .bind(by)
    .bind(now)
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// Readings per statement: six parameters each, well under both databases' limits.
const BATCH: usize = 100;

/// Keeps the readings of one pass, all taken at `at` (Unix seconds), in one transaction;
/// answers how many were new (a reading of the same advertisement at the same second is kept
/// once).
pub async fn insert(db: &Db, at: i64, readings: &[Reading]) -> Result<u64, sqlx::Error> {
    let mut tx = db.begin().await?;
    let mut kept = 0;
    for batch in readings.chunks(BATCH) {
        let sql = format!(
            "INSERT INTO ad_samples (ad_id, sampled_at, views, messages, label, sent_at) \
             VALUES {} ON CONFLICT (ad_id, sampled_at) DO NOTHING",
            values(batch.len())
        );
        let mut query = sqlx::query(&sql).bind(at);
        for r in batch {
            query = query
                .bind(r.ad_id)
                .bind(r.views)
                .bind(r.messages)
                .bind(r.label.as_str())
                .bind(r.sent_at.as_deref());
        }
        kept += query.execute(&mut *tx).await?.rows_affected();
    }
    tx.commit().await?;
    Ok(kept)
}

/// The `VALUES` rows of `rows` readings: `$1` is the time they share, then five a reading.
fn values(rows: usize) -> String {
    let rows: Vec<String> = (0..rows)
        .map(|i| {
            let n = i * 5;
            format!(
                "(${}, $1, ${}, ${}, ${}, ${})",
                n + 2,
                n + 3,
                n + 4,
                n + 5,
                n + 6
            )
        })
        .collect();
    rows.join(", ")
}

/// A reading as stored.
#[derive(sqlx::FromRow)]
struct SampleRow {
    ad_id: i64,
    sampled_at: i64,
    views: Option<i64>,
    messages: Option<i64>,
}

impl SampleRow {
    fn sample(&self) -> Sample {
        Sample {
            at: self.sampled_at,
            views: self.views,
            messages: self.messages,
        }
    }
}

/// Advertisement `ad_id`'s readings taken at `since` (Unix seconds) or later, oldest first.
pub async fn of_ad(db: &Db, ad_id: i64, since: i64) -> Result<Vec<Sample>, sqlx::Error> {
    let rows: Vec<SampleRow> = sqlx::query_as(
        "SELECT ad_id, sampled_at, views, messages FROM ad_samples \
         WHERE ad_id = $1 AND sampled_at >= $2 ORDER BY sampled_at",
    )
    .bind(ad_id)
    .bind(since)
    .fetch_all(db)
    .await?;
    Ok(rows.iter().map(SampleRow::sample).collect())
}

/// Every advertisement's readings taken from `from` to `to` (Unix seconds, both included):
/// advertisements newest (highest id) first, each one's readings oldest first.
pub async fn in_range(db: &Db, from: i64, to: i64) -> Result<Vec<(i64, Vec<Sample>)>, sqlx::Error> {
    let rows: Vec<SampleRow> = sqlx::query_as(
        "SELECT ad_id, sampled_at, views, messages FROM ad_samples \
         WHERE sampled_at >= $1 AND sampled_at <= $2 ORDER BY ad_id DESC, sampled_at",
    )
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await?;
    let mut ads: Vec<(i64, Vec<Sample>)> = Vec::new();
    for row in &rows {
        match ads.last_mut() {
            Some((id, samples)) if *id == row.ad_id => samples.push(row.sample()),
            _ => ads.push((row.ad_id, vec![row.sample()])),
        }
    }
    Ok(ads)
}

/// What an advertisement was called, and when it was sent, at its last readable reading.
#[derive(sqlx::FromRow)]
pub struct Named {
    pub ad_id: i64,
    pub label: String,
    pub sent_at: Option<String>,
}

/// Each advertisement's name and send time as of its last reading from `from` to `to` whose
/// record could be read (an advertisement with none is left out).
pub async fn names_in_range(db: &Db, from: i64, to: i64) -> Result<Vec<Named>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.ad_id, s.label, s.sent_at FROM ad_samples s \
         JOIN (SELECT ad_id, MAX(sampled_at) AS latest FROM ad_samples \
               WHERE sampled_at >= $1 AND sampled_at <= $2 AND label <> '' \
               GROUP BY ad_id) m \
         ON s.ad_id = m.ad_id AND s.sampled_at = m.latest",
    )
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await
}

/// Forgets every reading taken before `before` (Unix seconds), and the periods taken before it;
/// answers the readings forgotten.
pub async fn forget_before(db: &Db, before: i64) -> Result<u64, sqlx::Error> {
    let forgotten = sqlx::query("DELETE FROM ad_samples WHERE sampled_at < $1")
        .bind(before)
        .execute(db)
        .await?
        .rows_affected();
    sqlx::query("DELETE FROM sample_runs WHERE taken_at < $1")
        .bind(before)
        .execute(db)
        .await?;
    Ok(forgotten)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_batch_numbers_its_placeholders_after_the_shared_time() {
        assert_eq!(
            super::values(2),
            "($2, $1, $3, $4, $5, $6), ($7, $1, $8, $9, $10, $11)"
        );
    }
}
