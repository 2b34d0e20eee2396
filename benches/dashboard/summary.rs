//! This bench's lines of the summary at the top of `make bench`'s results: each figure with its
//! goal and whether it was met, `| figure | measured | goal | met |`, appended to the file
//! BENCH_SUMMARY names (bench/sizes.mjs and bench/lighthouse.mjs append theirs after).

use std::io::Write;

/// One summary row.
pub fn row(figure: &str, measured: &str, goal: &str, met: bool) -> String {
    let met = if met { "yes" } else { "**no**" };
    format!("| {figure} | {measured} | {goal} | {met} |")
}

/// Appends `rows` to the file BENCH_SUMMARY names; nothing when it is unset or empty.
pub fn append(rows: &[String]) {
    let Some(path) = std::env::var("BENCH_SUMMARY")
        .ok()
        .filter(|path| !path.is_empty())
    else {
        return;
    };
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .unwrap_or_else(|e| panic!("cannot open the summary file {path}: {e}"));
    for row in rows {
        writeln!(file, "{row}")
            .unwrap_or_else(|e| panic!("cannot write the summary file {path}: {e}"));
    }
}

/// A whole number with thousands separated by commas: `8,000`.
pub fn thousands(n: f64) -> String {
    let digits = format!("{:.0}", n.max(0.0));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
