//! Configuration from the environment: which Watchers API to call, in which region, with which
//! credentials, and TagMango's settings. Credentials are held in secret types that never print.

mod tagmango;

/// The Watchers credentials, as the client that sends them has them.
pub use crate::upstream::Credentials;
pub use tagmango::TagMangoConfig;

use crate::model::deployment::{Mode, Region};
use secrecy::SecretString;
use std::path::PathBuf;

/// Where sandbox mode keeps its data unless `WATCHERS_SANDBOX_FILE` says otherwise.
pub const DEFAULT_SANDBOX_FILE: &str = "data/sandbox.json";

/// Everything the dashboard reads from `WATCHERS_*` variables.
#[derive(Debug)]
pub struct Config {
    pub region: Region,
    /// `WATCHERS_BASE_URL`: overrides the region's host (no trailing slash).
    pub base_url: Option<String>,
    /// `None`: sandbox mode.
    pub credentials: Option<Credentials>,
    /// `WATCHERS_SANDBOX_FILE`: where sandbox mode keeps its data; `:memory:` keeps none.
    pub sandbox_file: Option<PathBuf>,
    /// `WATCHERS_SANDBOX_LOOSE=1`: the sandbox answers as a live API that drifted from its
    /// documents (see `sandbox::loose`).
    pub sandbox_loose: bool,
    /// `DATABASE_URL`: the SQLite database of staff, sessions and the audit log.
    pub database_url: String,
    /// `DASHBOARD_PUBLIC_URL` starts with `https://`: cookies are Secure and `__Host-` prefixed.
    pub https: bool,
    /// `DASHBOARD_TRUST_PROXY=1`: take the client address from `X-Forwarded-For`.
    pub trust_proxy: bool,
    /// `DASHBOARD_BOOTSTRAP_ADMIN_PASSWORD`: the first admin's password instead of a random one.
    pub bootstrap_admin_password: Option<SecretString>,
    /// `TAGMANGO_*`.
    pub tagmango: TagMangoConfig,
    /// `DASHBOARD_SNAPSHOT_DAYS`: how long a deleted item's snapshot can be restored (30).
    pub snapshot_days: i64,
    /// `DASHBOARD_APPROVAL_HOURS`: how long a request waits for a second person (24).
    pub approval_hours: i64,
    /// `DASHBOARD_AD_SAMPLE_SECONDS`: how often every advertisement's counters are read for its
    /// results (300); 0 turns the sampler off.
    pub ad_sample_seconds: i64,
    /// `DASHBOARD_AD_SAMPLE_DAYS`: how long those readings are kept (90).
    pub ad_sample_days: i64,
    /// `DASHBOARD_TEST_SEND_MINUTES`: how long a test send ("Send a test to me") stays up before
    /// the dashboard removes it upstream (15).
    pub test_send_minutes: i64,
    /// `DASHBOARD_TEST_SEND_SWEEP_SECONDS`: how often each replica looks for test sends whose
    /// time is up (15); 0 turns the look off (tests, which remove them when they say).
    pub test_send_sweep_seconds: u64,
    /// `DASHBOARD_READ_CACHE_MS`: how long a page's read of a platform (a list, an item) is
    /// answered again from memory (2000); 0 turns the copy off (tests, which change the sandbox
    /// between two reads). The dashboard's own changes drop it at once, on every replica.
    pub read_cache_ms: u64,
    /// `DASHBOARD_METRICS_ADDR`: where Prometheus metrics are served (`/metrics`); off when unset.
    pub metrics_addr: Option<std::net::SocketAddr>,
    /// `DASHBOARD_SHUTDOWN_SECONDS`: how long a stop waits for the requests under way (20).
    pub shutdown_seconds: u64,
}

/// How long a stop waits for requests under way unless `DASHBOARD_SHUTDOWN_SECONDS` says.
pub const DEFAULT_SHUTDOWN_SECONDS: u64 = 20;

/// Why the dashboard refuses to start.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "{set} is set but {missing} is not. Set both to call the live Watchers API, or neither to run on the sandbox."
    )]
    HalfCredentials {
        set: &'static str,
        missing: &'static str,
    },
    #[error(
        "{set} is set but {missing} is not. Set both to call the live TagMango API, or neither to run it on the sandbox."
    )]
    HalfTagMango {
        set: &'static str,
        missing: &'static str,
    },
    #[error(
        "TAGMANGO_HOST={0:?} must be a host name such as mydomain.tagmango.com (no scheme, port or path)."
    )]
    BadTagMangoHost(String),
    #[error("WATCHERS_REGION={0:?} is not a Watchers region; use one of eu, us, sa, hk, za.")]
    UnknownRegion(String),
    #[error("{0:?} must be an http:// or https:// URL (WATCHERS_BASE_URL or TAGMANGO_BASE_URL).")]
    BadBaseUrl(String),
    #[error("{0}={1:?} must be a whole number from 1 to 3650.")]
    BadNumber(&'static str, String),
    #[error(
        "DASHBOARD_AD_SAMPLE_SECONDS={0:?} must be a whole number of seconds from 0 (no sampling) to 86400."
    )]
    BadSamplePeriod(String),
    #[error(
        "DASHBOARD_READ_CACHE_MS={0:?} must be a whole number of milliseconds from 0 (no copy) to 60000."
    )]
    BadReadCache(String),
    #[error("DASHBOARD_METRICS_ADDR={0:?} must be an address and port, such as 127.0.0.1:9464.")]
    BadMetricsAddr(String),
    #[error("DASHBOARD_PUBLIC_URL={0:?} must be an http:// or https:// URL.")]
    BadPublicUrl(String),
    #[error(
        "{0:?} is plain http: the credentials would cross the network unencrypted. Use https:// (plain http is allowed only on loopback)."
    )]
    PlainHttpUpstream(String),
    #[error(
        "LEPTOS_ENV=PROD on plain http: set DASHBOARD_PUBLIC_URL=https://… when TLS ends at a proxy in front of the dashboard (or DASHBOARD_TLS_PROXY=1 to say so explicitly)."
    )]
    NoTlsInProduction,
}

const API_KEY: &str = "WATCHERS_API_KEY";
const BEARER_TOKEN: &str = "WATCHERS_BEARER_TOKEN";

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads variables through `lookup`; an empty value counts as unset.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let region = match get("WATCHERS_REGION") {
            None => Region::default(),
            Some(code) => Region::parse(&code).ok_or(ConfigError::UnknownRegion(code))?,
        };
        let base_url = match get("WATCHERS_BASE_URL") {
            None => None,
            Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                Some(url.trim_end_matches('/').to_owned())
            }
            Some(url) => return Err(ConfigError::BadBaseUrl(url)),
        };
        let credentials = match (get(API_KEY), get(BEARER_TOKEN)) {
            (None, None) => None,
            (Some(key), Some(token)) => Some(Credentials {
                api_key: SecretString::from(key),
                bearer_token: SecretString::from(token),
            }),
            (Some(_), None) => {
                return Err(ConfigError::HalfCredentials {
                    set: API_KEY,
                    missing: BEARER_TOKEN,
                });
            }
            (None, Some(_)) => {
                return Err(ConfigError::HalfCredentials {
                    set: BEARER_TOKEN,
                    missing: API_KEY,
                });
            }
        };
        let sandbox_file = match get("WATCHERS_SANDBOX_FILE") {
            Some(path) if path.trim() == ":memory:" => None,
            Some(path) => Some(PathBuf::from(path)),
            None => Some(PathBuf::from(DEFAULT_SANDBOX_FILE)),
        };
        let https = match get("DASHBOARD_PUBLIC_URL") {
            None => false,
            Some(url) if url.starts_with("https://") => true,
            Some(url) if url.starts_with("http://") => false,
            Some(url) => return Err(ConfigError::BadPublicUrl(url)),
        };
        let flag = |name: &str| get(name).is_some_and(|v| v == "1" || v == "true");
        if get("LEPTOS_ENV").is_some_and(|env| env.eq_ignore_ascii_case("prod"))
            && !https
            && !flag("DASHBOARD_TLS_PROXY")
        {
            return Err(ConfigError::NoTlsInProduction);
        }
        if credentials.is_some()
            && let Some(url) = base_url.as_deref()
            && url.starts_with("http://")
            && !is_loopback_url(url)
        {
            return Err(ConfigError::PlainHttpUpstream(url.to_owned()));
        }
        let number = |name: &'static str, default: i64| match get(name) {
            None => Ok(default),
            Some(v) => v
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=3650).contains(n))
                .ok_or(ConfigError::BadNumber(name, v)),
        };
        let metrics_addr = match get("DASHBOARD_METRICS_ADDR") {
            None => None,
            Some(addr) => Some(
                addr.trim()
                    .parse()
                    .map_err(|_| ConfigError::BadMetricsAddr(addr))?,
            ),
        };
        Ok(Config {
            metrics_addr,
            shutdown_seconds: match get("DASHBOARD_SHUTDOWN_SECONDS") {
                None => DEFAULT_SHUTDOWN_SECONDS,
                Some(v) => v
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|n| (1..=3650).contains(n))
                    .ok_or(ConfigError::BadNumber("DASHBOARD_SHUTDOWN_SECONDS", v))?,
            },
            snapshot_days: number(
                "DASHBOARD_SNAPSHOT_DAYS",
                crate::model::undo::DEFAULT_KEEP_DAYS,
            )?,
            approval_hours: number(
                "DASHBOARD_APPROVAL_HOURS",
                crate::model::approval::DEFAULT_EXPIRY_HOURS,
            )?,
            ad_sample_seconds: match get("DASHBOARD_AD_SAMPLE_SECONDS") {
                None => crate::model::results::DEFAULT_SAMPLE_SECONDS,
                Some(v) => v
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|n| (0..=86_400).contains(n))
                    .ok_or(ConfigError::BadSamplePeriod(v))?,
            },
            ad_sample_days: number(
                "DASHBOARD_AD_SAMPLE_DAYS",
                crate::model::results::DEFAULT_KEEP_DAYS,
            )?,
            test_send_minutes: number(
                "DASHBOARD_TEST_SEND_MINUTES",
                crate::model::test_send::DEFAULT_MINUTES,
            )?,
            test_send_sweep_seconds: match get("DASHBOARD_TEST_SEND_SWEEP_SECONDS") {
                None => 15,
                Some(v) => v.trim().parse::<u64>().ok().filter(|n| *n <= 3_600).ok_or(
                    ConfigError::BadNumber("DASHBOARD_TEST_SEND_SWEEP_SECONDS", v),
                )?,
            },
            read_cache_ms: match get("DASHBOARD_READ_CACHE_MS") {
                None => crate::read_cache::DEFAULT_MS,
                Some(v) => v
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|n| *n <= crate::read_cache::MAX_MS)
                    .ok_or(ConfigError::BadReadCache(v))?,
            },
            region,
            base_url,
            credentials,
            sandbox_file,
            sandbox_loose: get("WATCHERS_SANDBOX_LOOSE").is_some_and(|v| v == "1" || v == "true"),
            database_url: get("DATABASE_URL")
                .unwrap_or_else(|| crate::db::DEFAULT_DATABASE_URL.to_owned()),
            https,
            trust_proxy: get("DASHBOARD_TRUST_PROXY").is_some_and(|v| v == "1" || v == "true"),
            bootstrap_admin_password: get("DASHBOARD_BOOTSTRAP_ADMIN_PASSWORD")
                .map(SecretString::from),
            tagmango: TagMangoConfig::read(get)?,
        })
    }

    /// The Watchers API address in live mode: `WATCHERS_BASE_URL`, else the region's host.
    pub fn live_base_url(&self) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(|| format!("https://{}", self.region.host()))
    }

    /// TagMango: sandbox without its token and host, live with them.
    pub fn tagmango_mode(&self) -> Mode {
        if self.tagmango.credentials.is_some() {
            Mode::Live
        } else {
            Mode::Sandbox
        }
    }

    /// Watchers: sandbox without credentials, live with them.
    pub fn mode(&self) -> Mode {
        if self.credentials.is_some() {
            Mode::Live
        } else {
            Mode::Sandbox
        }
    }
}

/// An http(s) URL whose host is this machine (`localhost`, `127.x.x.x`, `[::1]`).
fn is_loopback_url(url: &str) -> bool {
    let rest = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    let host = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// A configuration read from `vars` alone (also for the TagMango settings' tests).
    pub(super) fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn nothing_set_means_sandbox_in_europe() {
        let c = config(&[]).unwrap();
        assert_eq!(c.mode(), Mode::Sandbox);
        assert_eq!(c.region, Region::Eu);
        assert!(c.base_url.is_none());
    }

    #[test]
    fn both_credentials_mean_live_and_never_print() {
        let c = config(&[
            ("WATCHERS_API_KEY", "canary-key-1234"),
            ("WATCHERS_BEARER_TOKEN", "canary-token-5678"),
            ("WATCHERS_REGION", "HK"),
        ])
        .unwrap();
        assert_eq!(c.mode(), Mode::Live);
        assert_eq!(c.region, Region::Hk);
        let printed = format!("{c:?}");
        assert!(!printed.contains("canary"), "{printed}");
    }

    #[test]
    fn one_credential_alone_is_refused_with_a_reason() {
        let err = config(&[("WATCHERS_API_KEY", "k")]).unwrap_err();
        assert_eq!(
            err,
            ConfigError::HalfCredentials {
                set: "WATCHERS_API_KEY",
                missing: "WATCHERS_BEARER_TOKEN"
            }
        );
        assert!(err.to_string().contains("WATCHERS_BEARER_TOKEN is not"));
        let err = config(&[("WATCHERS_BEARER_TOKEN", "t"), ("WATCHERS_API_KEY", " ")]).unwrap_err();
        assert!(matches!(
            err,
            ConfigError::HalfCredentials {
                missing: "WATCHERS_API_KEY",
                ..
            }
        ));
    }

    #[test]
    fn bad_region_and_base_url_are_refused() {
        assert_eq!(
            config(&[("WATCHERS_REGION", "mars")]).unwrap_err(),
            ConfigError::UnknownRegion("mars".into())
        );
        assert!(matches!(
            config(&[("WATCHERS_BASE_URL", "ftp://x")]).unwrap_err(),
            ConfigError::BadBaseUrl(_)
        ));
        let c = config(&[("WATCHERS_BASE_URL", "http://127.0.0.1:9/")]).unwrap();
        assert_eq!(c.base_url.as_deref(), Some("http://127.0.0.1:9"));
    }

    #[test]
    fn advertisement_sampling_defaults_and_can_be_turned_off() {
        let c = config(&[]).unwrap();
        assert_eq!((c.ad_sample_seconds, c.ad_sample_days), (300, 90));
        let c = config(&[
            ("DASHBOARD_AD_SAMPLE_SECONDS", "0"),
            ("DASHBOARD_AD_SAMPLE_DAYS", "7"),
        ])
        .unwrap();
        assert_eq!((c.ad_sample_seconds, c.ad_sample_days), (0, 7));
        assert_eq!(
            config(&[("DASHBOARD_AD_SAMPLE_SECONDS", "-5")]).unwrap_err(),
            ConfigError::BadSamplePeriod("-5".into())
        );
        assert!(matches!(
            config(&[("DASHBOARD_AD_SAMPLE_DAYS", "0")]).unwrap_err(),
            ConfigError::BadNumber("DASHBOARD_AD_SAMPLE_DAYS", _)
        ));
    }

    #[test]
    fn live_mode_refuses_plain_http_except_on_loopback() {
        let live = |url: &'static str| {
            Config::from_lookup(move |name| match name {
                "WATCHERS_API_KEY" | "WATCHERS_BEARER_TOKEN" => Some("x".into()),
                "WATCHERS_BASE_URL" => Some(url.into()),
                _ => None,
            })
        };
        assert_eq!(
            live("http://api.example.com").unwrap_err(),
            ConfigError::PlainHttpUpstream("http://api.example.com".into())
        );
        assert!(live("http://127.0.0.1:9").is_ok());
        assert!(live("http://localhost:8787/").is_ok());
        assert!(live("http://[::1]:8787").is_ok());
        assert!(live("http://127.0.0.1.evil.example").is_err());
        assert!(live("https://api.example.com").is_ok());
    }

    #[test]
    fn a_test_send_stays_up_fifteen_minutes_unless_told() {
        assert_eq!(config(&[]).unwrap().test_send_minutes, 15);
        let c = config(&[("DASHBOARD_TEST_SEND_MINUTES", " 5 ")]).unwrap();
        assert_eq!(c.test_send_minutes, 5);
        for bad in ["0", "-3", "soon", "1.5"] {
            assert_eq!(
                config(&[("DASHBOARD_TEST_SEND_MINUTES", bad)]).unwrap_err(),
                ConfigError::BadNumber("DASHBOARD_TEST_SEND_MINUTES", bad.into())
            );
        }
    }

    #[test]
    fn test_sends_are_looked_for_every_fifteen_seconds_unless_told() {
        assert_eq!(config(&[]).unwrap().test_send_sweep_seconds, 15);
        let c = config(&[("DASHBOARD_TEST_SEND_SWEEP_SECONDS", "0")]).unwrap();
        assert_eq!(c.test_send_sweep_seconds, 0, "0 turns it off");
        for bad in ["-1", "soon", "3601"] {
            assert_eq!(
                config(&[("DASHBOARD_TEST_SEND_SWEEP_SECONDS", bad)]).unwrap_err(),
                ConfigError::BadNumber("DASHBOARD_TEST_SEND_SWEEP_SECONDS", bad.into())
            );
        }
    }

    #[test]
    fn page_reads_are_kept_two_seconds_unless_told() {
        assert_eq!(config(&[]).unwrap().read_cache_ms, 2_000);
        let c = config(&[("DASHBOARD_READ_CACHE_MS", "0")]).unwrap();
        assert_eq!(c.read_cache_ms, 0, "0 turns it off");
        for bad in ["-1", "soon", "60001", "1.5"] {
            assert_eq!(
                config(&[("DASHBOARD_READ_CACHE_MS", bad)]).unwrap_err(),
                ConfigError::BadReadCache(bad.into())
            );
        }
    }

    #[test]
    fn production_refuses_plain_http_unless_tls_ends_in_front() {
        let prod = |vars: &'static [(&'static str, &'static str)]| {
            Config::from_lookup(move |name| {
                (name == "LEPTOS_ENV")
                    .then(|| "PROD".to_owned())
                    .or_else(|| {
                        vars.iter()
                            .find(|(n, _)| *n == name)
                            .map(|(_, v)| v.to_string())
                    })
            })
        };
        assert_eq!(prod(&[]).unwrap_err(), ConfigError::NoTlsInProduction);
        assert!(prod(&[("DASHBOARD_PUBLIC_URL", "http://dash.example")]).is_err());
        assert!(
            prod(&[("DASHBOARD_PUBLIC_URL", "https://dash.example")])
                .unwrap()
                .https
        );
        assert!(prod(&[("DASHBOARD_TLS_PROXY", "1")]).is_ok());
    }
}
