//! One sliding window for every replica, in PostgreSQL: each request sent is a row; a request is
//! admitted when fewer than the limit were sent within the window before it. The check and the
//! row are one transaction under an advisory lock per platform, so two replicas cannot both take
//! the last place; times are the database's clock, so replicas' clocks need not agree.

use sqlx::PgPool;
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct SharedPace {
    pool: PgPool,
    /// Which upstream's window (`tagmango`).
    platform: &'static str,
    limit: i64,
    window_ms: i64,
}

impl SharedPace {
    pub fn new(pool: PgPool, platform: &'static str, limit: usize, window: Duration) -> Self {
        SharedPace {
            pool,
            platform,
            limit: limit as i64,
            window_ms: window.as_millis() as i64,
        }
    }

    /// Counts a request now when the window has room; otherwise answers how long until it will
    /// (and counts nothing).
    pub async fn take(&self) -> Result<Result<(), Duration>, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock(hashtext('upstream_pace:' || $1))")
            .bind(self.platform)
            .execute(&mut *tx)
            .await?;
        let now: i64 =
            sqlx::query_scalar("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint")
                .fetch_one(&mut *tx)
                .await?;
        sqlx::query("DELETE FROM upstream_pace WHERE platform = $1 AND sent_ms <= $2")
            .bind(self.platform)
            .bind(now - self.window_ms)
            .execute(&mut *tx)
            .await?;
        let (sent, oldest): (i64, Option<i64>) =
            sqlx::query_as("SELECT COUNT(*), MIN(sent_ms) FROM upstream_pace WHERE platform = $1")
                .bind(self.platform)
                .fetch_one(&mut *tx)
                .await?;
        let answer = match oldest {
            Some(oldest) if sent >= self.limit => {
                let left = (oldest + self.window_ms - now).max(1);
                Err(Duration::from_millis(left as u64))
            }
            _ => {
                sqlx::query("INSERT INTO upstream_pace (platform, sent_ms) VALUES ($1, $2)")
                    .bind(self.platform)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                Ok(())
            }
        };
        tx.commit().await?;
        Ok(answer)
    }
}
