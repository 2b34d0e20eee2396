//! `watchers-dashboard db backup` and `db restore`: a consistent copy of the SQLite database taken
//! while the dashboard runs and writes, and putting such a copy back into an empty database.
//!
//! A backup is `VACUUM INTO`: SQLite writes the database as one read transaction saw it (every
//! change committed before it, nothing after, nothing half-written) into a new file, while the
//! server's writers carry on (the database is in WAL mode). The source is opened as it is: never
//! created, never migrated, nothing written to it.
//!
//! A restore goes through `db copy` (rows table by table, in one transaction on the target)
//! rather than putting the file in place, because that one piece of code already does all a
//! restore must: it refuses a target that holds anything, by the same tables `db copy` checks;
//! it brings an older backup's schema up to date first; it works for a SQLite and a PostgreSQL
//! target alike; and a target that is absent or holds only an empty schema is simply filled.
//! Putting the file in place would need its own test of "empty", could meet a stale `-wal` file
//! of the old database beside it, and would bring back the backup's sessions. Sessions, the
//! sign-in throttle and the cache versions are not restored: everyone signs in again. The backup
//! file itself is never changed: the copy reads a scratch copy of it.

use super::Backend;
use super::copy::{self, Copied};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// Why a backup or restore did not happen.
#[derive(Debug)]
pub enum Failure {
    /// Nothing was tried: what was asked is not safe or not possible (the message says why).
    Refused(String),
    /// It was tried and went wrong.
    Failed(String),
}

impl Failure {
    pub fn message(&self) -> &str {
        match self {
            Failure::Refused(message) | Failure::Failed(message) => message,
        }
    }
}

/// What a backup wrote.
#[derive(Debug)]
pub struct Written {
    pub path: PathBuf,
    pub bytes: u64,
    /// Rows per table in the backup, by table name.
    pub tables: Vec<(String, i64)>,
}

/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Writes a consistent copy of the SQLite database at `url` into the new file `file`.
pub async fn backup(url: &str, file: &Path) -> Result<Written, Failure> {
    if Backend::of(url).map_err(|e| Failure::Refused(e.to_string()))? == Backend::Postgres {
        return Err(Failure::Refused(
            "DATABASE_URL is a PostgreSQL database, and db backup copies SQLite only: back it up \
             with pg_dump --format=custom (and put it back with pg_restore into an empty database)"
                .into(),
        ));
    }
    let source = existing_sqlite(url)?;
    if file.symlink_metadata().is_ok() {
        return Err(already_exists(file));
    }
    if let Some(dir) = file.parent()
        && !dir.as_os_str().is_empty()
        && !dir.is_dir()
    {
        return Err(Failure::Refused(format!(
            "the folder {} does not exist",
            dir.display()
        )));
    }
    let path = file
        .to_str()
        .ok_or_else(|| Failure::Refused(format!("{}: name the file in UTF-8", file.display())))?;
    let mut conn = source
        .connect()
        .await
        .map_err(|e| Failure::Failed(format!("cannot open {url}: {e}")))?;
    // Bound, not spliced into the statement: any file name is safe.
    let vacuumed = sqlx::query("VACUUM INTO ?")
        .bind(path)
        .execute(&mut conn)
        .await;
    let _ = conn.close().await;
    if let Err(err) = vacuumed {
        let message = err.to_string();
        if message.contains("already exists") {
            // Created by someone else since the check above: theirs, left alone.
            return Err(already_exists(file));
        }
        let _ = std::fs::remove_file(file);
        return Err(Failure::Failed(format!(
            "cannot write {}: {message}",
            file.display()
        )));
    }
    let written = || -> std::io::Result<u64> {
        let handle = std::fs::File::open(file)?;
        handle.sync_all()?;
        Ok(handle.metadata()?.len())
    };
    let bytes = written()
        .map_err(|e| Failure::Failed(format!("cannot read back {}: {e}", file.display())))?;
    let tables = row_counts(file)
        .await
        .map_err(|e| Failure::Failed(format!("cannot read back {}: {e}", file.display())))?;
    Ok(Written {
        path: file.to_owned(),
        bytes,
        tables,
    })
}

/// Puts the backup `file` back into the database at `url`, which must hold nothing yet.
pub async fn restore(file: &Path, url: &str) -> Result<Copied, Failure> {
    Backend::of(url).map_err(|e| Failure::Refused(e.to_string()))?;
    if !file.is_file() {
        return Err(Failure::Refused(format!(
            "{} does not exist",
            file.display()
        )));
    }
    let mut header = [0u8; 16];
    let read = std::fs::File::open(file).and_then(|mut f| {
        use std::io::Read;
        f.read_exact(&mut header)
    });
    if read.is_err() || &header != SQLITE_HEADER {
        return Err(Failure::Refused(format!(
            "{} is not a SQLite database, so not a backup of the dashboard",
            file.display()
        )));
    }
    let tables = row_counts(file)
        .await
        .map_err(|e| Failure::Failed(format!("cannot read {}: {e}", file.display())))?;
    let has = |name: &str| tables.iter().any(|(table, _)| table == name);
    if !(has("_sqlx_migrations") && has("staff")) {
        return Err(Failure::Refused(format!(
            "{} is not a dashboard database (it has no _sqlx_migrations or staff table)",
            file.display()
        )));
    }
    let scratch = Scratch::copy_of(file)
        .map_err(|e| Failure::Failed(format!("cannot copy {}: {e}", file.display())))?;
    let from = format!("sqlite://{}", scratch.0.display());
    copy::copy(&from, url).await.map_err(|message| {
        // The one refusal `db copy` makes once both databases are open.
        if message.contains("already holds data") {
            Failure::Refused(message.replace("copy into", "restore into"))
        } else {
            Failure::Failed(message)
        }
    })
}

fn already_exists(file: &Path) -> Failure {
    Failure::Refused(format!(
        "{} already exists, and VACUUM INTO only writes a new file: name another (a dated one)",
        file.display()
    ))
}

/// How to open the SQLite database at `url`, which must exist (opening a missing file would
/// create an empty one).
fn existing_sqlite(url: &str) -> Result<SqliteConnectOptions, Failure> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|e| Failure::Refused(format!("{url}: {e}")))?
        .create_if_missing(false)
        .busy_timeout(Duration::from_secs(5));
    if !options.get_filename().is_file() {
        return Err(Failure::Refused(format!(
            "{} does not exist",
            options.get_filename().display()
        )));
    }
    Ok(options)
}

/// The rows of every table of the SQLite file `file` (read only, and nothing beside it created).
async fn row_counts(file: &Path) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let mut conn = SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .immutable(true)
        .connect()
        .await?;
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         ORDER BY name",
    )
    .fetch_all(&mut conn)
    .await?;
    let mut counts = Vec::new();
    for name in names {
        let quoted = name.replace('"', "\"\"");
        let rows: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM \"{quoted}\""))
            .fetch_one(&mut conn)
            .await?;
        counts.push((name, rows));
    }
    let _ = conn.close().await;
    Ok(counts)
}

/// A copy of a backup in the temporary folder, removed (with SQLite's files beside it) when
/// dropped: restoring brings its schema up to date, which the backup itself must not undergo.
struct Scratch(PathBuf);

impl Scratch {
    fn copy_of(file: &Path) -> std::io::Result<Scratch> {
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        let path = std::env::temp_dir().join(format!(
            "watchers-dashboard-restore-{}-{stamp}.db",
            std::process::id()
        ));
        let mut source = std::fs::File::open(file)?;
        // Never someone else's file: only one made here is removed.
        let mut target = std::fs::File::create_new(&path)?;
        let scratch = Scratch(path);
        std::io::copy(&mut source, &mut target)?;
        Ok(scratch)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = self.0.clone().into_os_string();
            name.push(suffix);
            let _ = std::fs::remove_file(name);
        }
    }
}
