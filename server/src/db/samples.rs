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
        "SELECT sampled_at, views, messages FROM ad_samples \
         WHERE ad_id = $1 AND sampled_at >= $2 ORDER BY sampled_at",
    )
    .bind(ad_id)
    .bind(since)
    .fetch_all(db)
    .await?;
    Ok(rows.iter().map(SampleRow::sample).collect())
}

/// One advertisement's readings from `from` to `to`, and its name and send time as of the last
/// of them whose record could be read (`None`: none could).
pub struct InRange {
    pub ad_id: i64,
    pub samples: Vec<Sample>,
    pub named: Option<(String, Option<String>)>,
}

/// A reading as the Results page reads it: with the name it had.
#[derive(sqlx::FromRow)]
struct NamedRow {
    ad_id: i64,
    sampled_at: i64,
    views: Option<i64>,
    messages: Option<i64>,
    label: String,
    sent_at: Option<String>,
}

/// Every advertisement's readings taken from `from` to `to` (Unix seconds, both included),
/// thinned to about `points` for each: the time between its first and its last reading in the
/// range is cut into `points` equal spans, and each span gives its last reading (so the newest
/// reading is always there, and a range with fewer readings than `points` keeps them all).
/// Advertisements newest (highest id) first, each one's readings oldest first. The database does
/// the thinning: 90 days of readings every 5 minutes for 200 advertisements are 5 million rows.
pub async fn in_range(
    db: &Db,
    from: i64,
    to: i64,
    points: i64,
) -> Result<Vec<InRange>, sqlx::Error> {
    // For each advertisement: its first and last reading in the range (index seeks), then the
    // last reading of each of `points` equal spans between them (an index seek each): the
    // database reads a few thousand index entries, not the millions of readings in the range.
    let rows: Vec<NamedRow> = sqlx::query_as(
        "WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < $3 - 1), \
         ads AS (SELECT DISTINCT ad_id FROM ad_samples), \
         r AS (SELECT ad_id, \
                 (SELECT MIN(sampled_at) FROM ad_samples s \
                  WHERE s.ad_id = ads.ad_id AND s.sampled_at >= $1) AS first, \
                 (SELECT MAX(sampled_at) FROM ad_samples s \
                  WHERE s.ad_id = ads.ad_id AND s.sampled_at <= $2) AS last \
               FROM ads), \
         b AS (SELECT r.ad_id, \
                 (SELECT MAX(sampled_at) FROM ad_samples s WHERE s.ad_id = r.ad_id \
                  AND s.sampled_at >= r.first + (r.last - r.first + 1) * k.n / $3 \
                  AND s.sampled_at < r.first + (r.last - r.first + 1) * (k.n + 1) / $3) AS latest \
               FROM r CROSS JOIN k WHERE r.first IS NOT NULL AND r.last >= r.first) \
         SELECT s.ad_id, s.sampled_at, s.views, s.messages, s.label, s.sent_at \
         FROM b JOIN ad_samples s ON s.ad_id = b.ad_id AND s.sampled_at = b.latest \
         ORDER BY s.ad_id DESC, s.sampled_at",
    )
    .bind(from)
    .bind(to)
    .bind(points.max(1))
    .fetch_all(db)
    .await?;
    let mut ads: Vec<InRange> = Vec::new();
    for row in rows {
        let sample = Sample {
            at: row.sampled_at,
            views: row.views,
            messages: row.messages,
        };
        let named = (!row.label.is_empty()).then_some((row.label, row.sent_at));
        match ads.last_mut() {
            Some(ad) if ad.ad_id == row.ad_id => {
                ad.samples.push(sample);
                if named.is_some() {
                    ad.named = named;
                }
            }
            _ => ads.push(InRange {
                ad_id: row.ad_id,
                samples: vec![sample],
                named,
            }),
        }
    }
    Ok(ads)
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
