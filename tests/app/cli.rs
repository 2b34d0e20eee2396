//! `watchers-dashboard user …` against a real database (SQLite, or PostgreSQL in that run).

use std::io::Write;
use std::process::{Command, Stdio};

fn user(db: &str, args: &[&str], stdin: Option<&str>) -> (bool, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_watchers-dashboard"))
        .arg("user")
        .args(args)
        .env("DATABASE_URL", db)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn staff_can_be_managed_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let db = runtime.block_on(crate::support::database_url(dir.path()));
    let (ok, out) = user(
        &db,
        &["add", "Ann", "--role", "marketing", "--password-stdin"],
        Some("ann-password-123\n"),
    );
    assert!(ok, "{out}");
    assert!(out.contains("Added ann (marketing)"), "{out}");
    let (ok, out) = user(
        &db,
        &["add", "ann", "--role", "admin", "--password-stdin"],
        Some("ann-password-123\n"),
    );
    assert!(!ok && out.contains("already exists"), "{out}");
    let (ok, out) = user(
        &db,
        &["add", "bob", "--role", "moderator", "--password-stdin"],
        Some("short\n"),
    );
    assert!(!ok && out.contains("at least 12 characters"), "{out}");
    let (ok, _) = user(&db, &["set-role", "ann", "admin"], None);
    assert!(ok);
    let (ok, _) = user(&db, &["disable", "ann"], None);
    assert!(ok);
    let (ok, out) = user(&db, &["list"], None);
    assert!(ok);
    let line = out
        .lines()
        .find(|l| l.starts_with("ann"))
        .expect("ann listed");
    assert!(
        line.contains("admin") && line.contains("disabled"),
        "{line}"
    );
    let (ok, out) = user(&db, &["reset-password", "ann"], None);
    assert!(ok);
    let generated = out
        .lines()
        .find_map(|l| l.strip_prefix("Password for ann: "))
        .expect("a generated password is printed");
    assert_eq!(generated.len(), 20);
    let (ok, out) = user(&db, &["set-role", "nobody", "admin"], None);
    assert!(!ok && out.contains("no account nobody"), "{out}");
    let (ok, _) = user(&db, &["add", "x", "--role", "owner"], None);
    assert!(!ok, "unknown roles are refused");
    let (ok, out) = user(&db, &["unlock", "ann"], None);
    assert!(ok && out.contains("ann can sign in again"), "{out}");
    let (ok, out) = user(&db, &["unlock", "nobody"], None);
    assert!(!ok && out.contains("no account nobody"), "{out}");
}
