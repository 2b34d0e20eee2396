//! Load from outside the process with `wrk`: the requests per second, the 99th percentile of the
//! latency and the failed answers of one run, read from wrk's own report.

use std::process::Command;
use std::time::Duration;

/// What one wrk run measured.
pub struct Load {
    /// Requests per second (zero when wrk printed none).
    pub rps: f64,
    /// The 99th percentile of the latency (`--latency`), zero when wrk printed none.
    pub p99: Duration,
    /// Answers that were neither 2xx nor 3xx.
    pub failed: u64,
}

/// Runs wrk (2 threads, 5 s, `--latency`) against `url` with `connections` connections, sending
/// the session `cookie` when there is one, and `extra` arguments (a Lua script, say).
pub fn run(url: &str, connections: u32, cookie: Option<&str>, extra: &[&str]) -> Load {
    let mut command = Command::new("wrk");
    command.args(["-t2", &format!("-c{connections}"), "-d5s", "--latency"]);
    if let Some(cookie) = cookie {
        command.args(["-H", &format!("Cookie: {cookie}")]);
    }
    let out = command
        .args(extra)
        .arg(url)
        .output()
        .expect("wrk (Debian package wrk) is installed by make bench");
    parse(&String::from_utf8_lossy(&out.stdout))
}

/// Reads wrk's report: the `Requests/sec:` line, the `99%` line of the latency distribution and
/// the `Non-2xx or 3xx responses:` line (absent when every answer was 2xx or 3xx).
fn parse(report: &str) -> Load {
    let mut load = Load {
        rps: 0.0,
        p99: Duration::ZERO,
        failed: 0,
    };
    for line in report.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("Requests/sec:") {
            load.rps = rest.trim().parse().unwrap_or(0.0);
        } else if let Some(rest) = line.strip_prefix("99%") {
            load.p99 = duration(rest.trim()).unwrap_or(Duration::ZERO);
        } else if let Some(rest) = line.strip_prefix("Non-2xx or 3xx responses:") {
            load.failed = rest.trim().parse().unwrap_or(0);
        }
    }
    load
}

/// A time as wrk prints it: two decimals and a unit, `812.00us`, `12.34ms` or `1.20s`.
fn duration(text: &str) -> Option<Duration> {
    let (number, seconds) = if let Some(n) = text.strip_suffix("us") {
        (n, 1e-6)
    } else if let Some(n) = text.strip_suffix("ms") {
        (n, 1e-3)
    } else if let Some(n) = text.strip_suffix('s') {
        (n, 1.0)
    } else if let Some(n) = text.strip_suffix('m') {
        (n, 60.0)
    } else {
        return None;
    };
    let n: f64 = number.parse().ok()?;
    Some(Duration::from_secs_f64(n * seconds))
}
