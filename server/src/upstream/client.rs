//! The shared HTTP client of one upstream and the one place its requests are paced, sent,
//! classified and (for GET) retried; the Watchers client on top of it.

use super::error::{Unavailable, UpstreamError};
use super::health::{HealthSnapshot, UpstreamHealth};
pub use super::pacer::Pacer;
use crate::door::pass::Pass;
use crate::model::deployment::Platform;
use crate::model::loose::{Listed, read_records};
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue, RETRY_AFTER};
use reqwest::{Method, RequestBuilder, StatusCode, Url};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use std::sync::Arc;
use std::time::Duration;

/// The largest answer read from an upstream; a larger one is refused as unreadable, so a broken
/// or hostile upstream cannot fill the server's memory.
pub const MAX_ANSWER_BYTES: usize = 8 * 1024 * 1024;

/// The project's Watchers credentials. Both are secrets of the server.
pub struct Credentials {
    pub api_key: SecretString,
    pub bearer_token: SecretString,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Credentials(..)")
    }
}

/// Timeouts and the GET retry backoff.
#[derive(Debug, Clone)]
pub struct ClientSettings {
    pub connect_timeout: Duration,
    /// The whole request, from sending to the last byte of the answer.
    pub timeout: Duration,
    /// How long a failed GET waits before its one retry.
    pub get_retry_backoff: Duration,
}

impl Default for ClientSettings {
    fn default() -> Self {
        ClientSettings {
            connect_timeout: Duration::from_secs(3),
            timeout: Duration::from_secs(10),
            get_retry_backoff: Duration::from_millis(300),
        }
    }
}

/// One upstream's HTTP client: its base URL, the headers every request carries, its health, and
/// the pace its documented rate limit asks for. Cheap to clone: clones share one connection pool.
#[derive(Clone)]
pub struct Upstream {
    inner: Arc<Inner>,
}

struct Inner {
    platform: Platform,
    http: reqwest::Client,
    base: Url,
    settings: ClientSettings,
    health: UpstreamHealth,
    pacer: Option<Pacer>,
}

impl std::fmt::Debug for Upstream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upstream")
            .field("platform", &self.inner.platform)
            .field("base", &self.inner.base.as_str())
            .finish_non_exhaustive()
    }
}

/// A client of one Watchers project. Cheap to clone: every clone shares one connection pool.
#[derive(Clone, Debug)]
pub struct WatchersClient(Upstream);

impl std::ops::Deref for WatchersClient {
    type Target = Upstream;
    fn deref(&self) -> &Upstream {
        &self.0
    }
}

/// A successful answer: status and body.
pub(super) struct Answer {
    pub status: StatusCode,
    pub body: Vec<u8>,
}

impl WatchersClient {
    /// `base_url` like `https://chatbackend.watchers.io`; the credentials go on every request.
    pub fn new(
        base_url: &str,
        credentials: &Credentials,
        settings: ClientSettings,
    ) -> Result<Self, UpstreamError> {
        let mut headers = HeaderMap::new();
        let mut key = header_value(credentials.api_key.expose_secret())?;
        key.set_sensitive(true);
        headers.insert("x-api-key", key);
        let mut bearer = header_value(&format!(
            "Bearer {}",
            credentials.bearer_token.expose_secret()
        ))?;
        bearer.set_sensitive(true);
        headers.insert(AUTHORIZATION, bearer);
        Upstream::new(Platform::Watchers, base_url, headers, settings, None).map(WatchersClient)
    }
}

impl Upstream {
    /// A client of `platform` at `base_url` whose every request carries `headers`.
    pub fn new(
        platform: Platform,
        base_url: &str,
        mut headers: HeaderMap,
        settings: ClientSettings,
        pacer: Option<Pacer>,
    ) -> Result<Self, UpstreamError> {
        let base = Url::parse(base_url).map_err(|e| UpstreamError::Protocol {
            reason: format!("bad base URL: {e}"),
        })?;
        headers.insert("accept", HeaderValue::from_static("application/json"));
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .connect_timeout(settings.connect_timeout)
            .timeout(settings.timeout)
            .pool_idle_timeout(Duration::from_secs(90))
            .pool_max_idle_per_host(32)
            .tcp_keepalive(Duration::from_secs(60))
            // A redirect would carry the credentials to another host.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("watchers-dashboard/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| UpstreamError::Protocol {
                reason: format!("cannot build HTTP client: {e}"),
            })?;
        Ok(Upstream {
            inner: Arc::new(Inner {
                platform,
                http,
                base,
                settings,
                health: UpstreamHealth::default(),
                pacer,
            }),
        })
    }

    pub fn platform(&self) -> Platform {
        self.inner.platform
    }

    pub fn base_url(&self) -> &str {
        self.inner.base.as_str()
    }

    pub fn health(&self) -> HealthSnapshot {
        self.inner.health.snapshot()
    }

    /// The base URL with `segments` appended, each percent-encoded.
    pub(super) fn url(&self, segments: &[&str]) -> Url {
        let mut url = self.inner.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(segments);
        }
        url
    }

    /// A GET: tried once more after a short pause if it meets a timeout, a lost connection or a
    /// 5xx.
    pub(super) async fn get(&self, url: Url) -> Result<Answer, UpstreamError> {
        self.send(Method::GET, url, |r| r).await
    }

    /// A write (POST, PATCH, DELETE) built by `build`: sent exactly once, and only with the pass
    /// the door hands the change it sends.
    pub(super) async fn write(
        &self,
        _pass: Pass,
        method: Method,
        url: Url,
        build: impl Fn(RequestBuilder) -> RequestBuilder,
    ) -> Result<Answer, UpstreamError> {
        debug_assert_ne!(method, Method::GET, "a write is not a GET");
        self.send(method, url, build).await
    }

    /// Sends a request built by `build`, within the upstream's pace. A GET that meets a timeout,
    /// a lost connection or a 5xx is tried once more after a short pause; POST, PATCH and DELETE
    /// are sent exactly once.
    async fn send(
        &self,
        method: Method,
        url: Url,
        build: impl Fn(RequestBuilder) -> RequestBuilder,
    ) -> Result<Answer, UpstreamError> {
        let attempts = if method == Method::GET { 2 } else { 1 };
        let mut attempt = 1;
        loop {
            if let Some(pacer) = &self.inner.pacer
                && let Err(wait) = pacer.admit().await
            {
                tracing::warn!(platform = %self.inner.platform, %method, path = url.path(), "over the documented rate limit; not sent");
                return Err(UpstreamError::RateLimited {
                    retry_after: Some(wait.max(Duration::from_secs(1))),
                });
            }
            let request = build(self.inner.http.request(method.clone(), url.clone()));
            let started = std::time::Instant::now();
            let result = self.send_once(request).await;
            crate::metrics::upstream_call(
                self.inner.platform,
                method.as_str(),
                url.path(),
                result
                    .as_ref()
                    .map_or_else(UpstreamError::outcome, |_| "ok"),
                started.elapsed(),
            );
            match &result {
                Ok(_) => self.inner.health.record_answer(),
                Err(err) if err.upstream_answered() => self.inner.health.record_answer(),
                Err(err) => self.inner.health.record_failure(failure_kind(err)),
            }
            match result {
                Err(err @ UpstreamError::Unavailable { .. }) if attempt < attempts => {
                    tracing::warn!(platform = %self.inner.platform, %method, path = url.path(), %err, "GET failed; retrying once");
                    tokio::time::sleep(self.inner.settings.get_retry_backoff).await;
                    attempt += 1;
                }
                Err(err) => {
                    tracing::warn!(platform = %self.inner.platform, %method, path = url.path(), %err, "upstream call failed");
                    return Err(err);
                }
                Ok(answer) => return Ok(answer),
            }
        }
    }

    async fn send_once(&self, request: RequestBuilder) -> Result<Answer, UpstreamError> {
        let response = request.send().await.map_err(transport_error)?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let mut response = response;
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(transport_error)? {
            if body.len() + chunk.len() > MAX_ANSWER_BYTES {
                return Err(UpstreamError::Protocol {
                    reason: format!("an answer larger than {MAX_ANSWER_BYTES} bytes"),
                });
            }
            body.extend_from_slice(&chunk);
        }
        classify(status, retry_after, body)
    }

    /// GETs and reads a JSON answer as `T`.
    pub(super) async fn get_json<T: DeserializeOwned>(&self, url: Url) -> Result<T, UpstreamError> {
        let answer = self.get(url).await?;
        parse_json(&answer.body)
    }

    /// GETs one item by id: a 404, an empty answer or `null` all mean it is not there.
    pub(super) async fn one<T: DeserializeOwned>(&self, url: Url) -> Result<T, UpstreamError> {
        let answer = self.get(url).await?;
        let text = String::from_utf8_lossy(&answer.body);
        if matches!(text.trim(), "" | "null") {
            return Err(UpstreamError::NotFound);
        }
        parse_json(&answer.body)
    }

    /// Sends and reads a JSON array, each record on its own: one that cannot be read as `T` is
    /// kept as unreadable and the rest are read. An answer that is not an array is an error.
    pub(super) async fn records<T: DeserializeOwned>(
        &self,
        url: Url,
    ) -> Result<Vec<Listed<T>>, UpstreamError> {
        let records: Vec<serde_json::Value> = self.get_json(url).await?;
        Ok(read_records(records))
    }

    /// Writes and accepts any successful answer (`true`, empty, or a body the caller ignores).
    pub(super) async fn done(
        &self,
        pass: Pass,
        method: Method,
        url: Url,
        build: impl Fn(RequestBuilder) -> RequestBuilder,
    ) -> Result<(), UpstreamError> {
        let answer = self.write(pass, method, url, build).await?;
        let text = String::from_utf8_lossy(&answer.body);
        if text.trim() == "false" {
            return Err(UpstreamError::Protocol {
                reason: format!("answered false ({})", answer.status),
            });
        }
        Ok(())
    }
}

fn header_value(value: &str) -> Result<HeaderValue, UpstreamError> {
    HeaderValue::from_str(value).map_err(|_| UpstreamError::Protocol {
        reason: "a credential holds characters an HTTP header cannot carry".into(),
    })
}

fn transport_error(err: reqwest::Error) -> UpstreamError {
    let cause = if err.is_timeout() {
        Unavailable::Timeout
    } else if err.is_connect() {
        Unavailable::Connect
    } else {
        // Never the URL's credentials: there are none in it; headers are not in reqwest errors.
        Unavailable::Transport {
            detail: err.to_string(),
        }
    };
    UpstreamError::Unavailable { cause }
}

fn failure_kind(err: &UpstreamError) -> &'static str {
    match err {
        UpstreamError::Unavailable { cause } => cause.kind(),
        _ => "protocol",
    }
}

/// Turns a status and body into an answer or a typed error.
pub(super) fn classify(
    status: StatusCode,
    retry_after: Option<Duration>,
    body: Vec<u8>,
) -> Result<Answer, UpstreamError> {
    let code = status.as_u16();
    match code {
        200..=299 => Ok(Answer { status, body }),
        401 | 403 => Err(UpstreamError::Unauthorized { status: code }),
        404 => Err(UpstreamError::NotFound),
        400 | 422 => Err(UpstreamError::Validation {
            status: code,
            message: error_message(&body),
        }),
        409 => Err(UpstreamError::Conflict {
            message: error_message(&body),
        }),
        429 => Err(UpstreamError::RateLimited { retry_after }),
        500..=599 => Err(UpstreamError::Unavailable {
            cause: Unavailable::ServerError { status: code },
        }),
        _ => Err(UpstreamError::Protocol {
            reason: format!("unexpected status {code}"),
        }),
    }
}

/// The `message` of an error body (a string or a list of strings), else the body as text.
fn error_message(body: &[u8]) -> String {
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) {
        match &value["message"] {
            serde_json::Value::String(s) => return s.clone(),
            serde_json::Value::Array(items) => {
                return items
                    .iter()
                    .filter_map(|i| i.as_str())
                    .collect::<Vec<_>>()
                    .join("; ");
            }
            _ => {}
        }
    }
    String::from_utf8_lossy(body).chars().take(500).collect()
}

pub(super) fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, UpstreamError> {
    serde_json::from_slice(body).map_err(|e| UpstreamError::Protocol {
        reason: format!("unreadable answer: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_become_typed_errors() {
        let err = |code: u16| classify(StatusCode::from_u16(code).unwrap(), None, vec![]).err();
        assert_eq!(err(401), Some(UpstreamError::Unauthorized { status: 401 }));
        assert_eq!(err(403), Some(UpstreamError::Unauthorized { status: 403 }));
        assert_eq!(err(404), Some(UpstreamError::NotFound));
        assert_eq!(
            err(503),
            Some(UpstreamError::Unavailable {
                cause: Unavailable::ServerError { status: 503 }
            })
        );
        assert!(matches!(err(302), Some(UpstreamError::Protocol { .. })));
        assert!(err(201).is_none());
        let body = br#"{"statusCode":400,"message":["tooltip is too long","text is empty"]}"#;
        assert_eq!(
            classify(StatusCode::BAD_REQUEST, None, body.to_vec()).err(),
            Some(UpstreamError::Validation {
                status: 400,
                message: "tooltip is too long; text is empty".into()
            })
        );
    }
}
