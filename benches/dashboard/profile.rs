//! Where the CPU goes: samples this process with `perf` while some load runs and groups the self
//! time by crate, so each bench run carries the profile behind its SSR figure.

use std::collections::BTreeMap;
use std::process::{Command, Stdio};

/// Runs `work` while `perf record` samples this process; answers its result and a Markdown table
/// of the busiest groups, or why there is no profile (perf missing or not permitted).
pub fn sample<T>(work: impl FnOnce() -> T) -> (T, String) {
    let data = std::env::temp_dir().join(format!("bench-{}.perf", std::process::id()));
    let recorder = Command::new("perf")
        .args([
            "record",
            "-F",
            "499",
            "-p",
            &std::process::id().to_string(),
            "-o",
        ])
        .arg(&data)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let result = work();
    let Ok(mut recorder) = recorder else {
        return (result, "no CPU profile: `perf` is not installed\n".into());
    };
    let _ = Command::new("kill")
        .args(["-INT", &recorder.id().to_string()])
        .status();
    let _ = recorder.wait();
    let report = Command::new("perf")
        .args([
            "report",
            "--no-children",
            "--sort",
            "comm,dso,sym",
            "-g",
            "none",
        ])
        .args(["--stdio", "-q", "--percent-limit", "0.01", "-i"])
        .arg(&data)
        .stderr(Stdio::null())
        .output();
    let _ = std::fs::remove_file(&data);
    let text = report
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let groups = group(&text);
    if groups.is_empty() {
        return (result, "no CPU profile: perf recorded nothing\n".into());
    }
    let mut table = String::from("| CPU self time by group | share |\n| --- | --- |\n");
    for (name, share) in groups.iter().take(14) {
        table.push_str(&format!("| {name} | {share:.1} % |\n"));
    }
    (result, table)
}

/// Sums `perf report` lines (`  5.09%  tokio-rt-worker  libc.so.6  [.] _int_malloc`) by group,
/// busiest first.
fn group(report: &str) -> Vec<(String, f64)> {
    let mut sums: BTreeMap<String, f64> = BTreeMap::new();
    for line in report.lines() {
        let mut parts = line.split_whitespace();
        let (Some(share), Some(thread), Some(dso), Some(kind)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let Ok(share) = share.trim_end_matches('%').parse::<f64>() else {
            continue;
        };
        let symbol = parts.collect::<Vec<_>>().join(" ");
        let group = if thread.starts_with("sqlx-sqlite") {
            "SQLite threads (sqlx: queries, locks, waking)".to_owned()
        } else {
            classify(dso, kind, &symbol)
        };
        *sums.entry(group).or_default() += share;
    }
    let mut groups: Vec<_> = sums.into_iter().collect();
    groups.sort_by(|a, b| b.1.total_cmp(&a.1));
    groups
}

fn classify(dso: &str, kind: &str, symbol: &str) -> String {
    const ALLOC: [&str; 9] = [
        "malloc",
        "free",
        "realloc",
        "calloc",
        "_int_",
        "unlink_chunk",
        "__rdl_",
        "__rust_",
        "mi_",
    ];
    if kind == "[k]" {
        return "kernel: syscalls, TCP, scheduling".into();
    }
    if ALLOC.iter().any(|a| symbol.contains(a)) {
        return "allocator (malloc/free)".into();
    }
    if symbol.contains("memmove") || symbol.contains("memcpy") || symbol.contains("memset") {
        return "memory copies (libc)".into();
    }
    if dso.starts_with("libc") || dso.starts_with("libm") || dso == "[vdso]" {
        return "libc, other".into();
    }
    // The crate is the first name followed by `::`: `<&mut serde_json::de::…>` → serde_json.
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    symbol
        .match_indices("::")
        .find_map(|(end, _)| {
            let head = &symbol[..end];
            let name = &head[head.rfind(|c| !ident(c)).map_or(0, |i| i + 1)..];
            (!name.is_empty()).then(|| format!("crate {name}"))
        })
        .unwrap_or_else(|| "other".into())
}
