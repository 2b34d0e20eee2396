//! The writes that follow one change, made together in one transaction: one commit, so the disk
//! is waited for once rather than once a write (with SQLite's default `synchronous = FULL` every
//! commit waits for the disk, and that wait was most of what a chunk of badge users cost here).
//! When the database refuses the transaction (one write it would not take), each write is made on
//! its own, so that one which cannot be made takes no other (an audit entry above all) with it.

use crate::db::Db;
use crate::db::audit::{self, Entry};
use crate::db::badge_users;
use crate::db::versions::{self, Topic};
use crate::error::database::database_unavailable;
use crate::model::badge::UsersMode;

/// One write of a batch.
#[derive(Clone, Copy)]
pub enum Write<'a> {
    /// An entry of the audit log ([`audit::insert`]).
    Audit(Entry<'a>),
    /// Tells every process that a topic changed ([`versions::bump`]).
    Bump(Topic),
    /// A chunk of a badge's users that the platform accepted ([`badge_users::note`]).
    BadgeUsers {
        badge: i64,
        mode: UsersMode,
        chunk: u32,
        ids: &'a [String],
    },
}

/// Makes `writes`, in order, in one transaction. When the database refused that, makes each on
/// its own and answers the first error (none when each on its own went in).
pub async fn commit(db: &Db, writes: &[Write<'_>]) -> Result<(), sqlx::Error> {
    let Err(err) = together(db, writes).await else {
        return Ok(());
    };
    // A database that does not answer would not take them one by one either, and each would wait
    // as long again.
    if database_unavailable(&err) {
        return Err(err);
    }
    tracing::warn!("writes made together failed ({err}); making each on its own");
    let mut first = Ok(());
    for write in writes {
        let made = alone(db, *write).await;
        if first.is_ok() {
            first = made;
        }
    }
    first
}

/// All of `writes` in one transaction, or none.
async fn together(db: &Db, writes: &[Write<'_>]) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    for write in writes {
        match *write {
            Write::Audit(entry) => audit::insert_in(&mut tx, entry).await?,
            Write::Bump(topic) => versions::bump_in(&mut tx, topic).await?,
            Write::BadgeUsers {
                badge,
                mode,
                chunk,
                ids,
            } => badge_users::note_in(&mut tx, badge, mode, chunk, ids).await?,
        }
    }
    tx.commit().await
}

/// One write, committed on its own.
async fn alone(db: &Db, write: Write<'_>) -> Result<(), sqlx::Error> {
    match write {
        Write::Audit(entry) => audit::insert(db, entry).await,
        Write::Bump(topic) => {
            let mut conn = db.acquire().await?;
            versions::bump_in(&mut conn, topic).await
        }
        Write::BadgeUsers {
            badge,
            mode,
            chunk,
            ids,
        } => badge_users::note(db, badge, mode, chunk, ids).await,
    }
}
