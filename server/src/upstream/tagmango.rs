//! The TagMango badge API: its own shared client (bearer token and `x-whitelabel-host` on every
//! call), paced under the documented 120 requests per 10 seconds, with the same retry rules as
//! Watchers (a GET once more, never a POST or PATCH).

use super::client::{Pacer, Upstream, parse_json};
use super::{ClientSettings, SharedPace, UpstreamError};
use crate::door::pass::Pass;
use crate::model::deployment::Platform;
use crate::model::loose::{Listed, read_records};
use crate::model::tagmango::{MangoBadge, MangoBadgeInput, RATE_LIMIT, RATE_WINDOW, is_object_id};
use reqwest::Method;
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue};
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;
use std::time::Duration;

/// The documented production host.
pub const DEFAULT_BASE_URL: &str = "https://api-prod-new.tagmango.com";

/// How long a call waits for room under the rate limit before it is refused (429) unsent.
pub const PACE_WAIT: Duration = Duration::from_secs(2);

/// What TagMango needs on every call.
#[derive(Debug, Clone)]
pub struct TagMangoCredentials {
    pub token: SecretString,
    /// Sent as `x-whitelabel-host`, e.g. `mydomain.tagmango.com`.
    pub host: String,
}

/// A client of one TagMango dashboard. Cheap to clone: every clone shares one connection pool
/// and one pace.
#[derive(Clone, Debug)]
pub struct TagMangoClient(Upstream);

impl std::ops::Deref for TagMangoClient {
    type Target = Upstream;
    fn deref(&self) -> &Upstream {
        &self.0
    }
}

/// The badge a create answered with: its `_id` when the answer could be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub id: Option<String>,
    /// Why the answer could not be read, when it could not.
    pub unread: Option<String>,
}

impl TagMangoClient {
    /// A client pacing itself alone (one process).
    pub fn new(
        base_url: &str,
        credentials: &TagMangoCredentials,
        settings: ClientSettings,
    ) -> Result<Self, UpstreamError> {
        Self::pacing_with(base_url, credentials, settings, None)
    }

    /// A client that paces itself in `shared` (the window every replica counts in), if given.
    pub fn pacing_with(
        base_url: &str,
        credentials: &TagMangoCredentials,
        settings: ClientSettings,
        shared: Option<SharedPace>,
    ) -> Result<Self, UpstreamError> {
        let header = |value: &str| {
            HeaderValue::from_str(value).map_err(|_| UpstreamError::Protocol {
                reason: "a TagMango setting holds characters an HTTP header cannot carry".into(),
            })
        };
        let mut headers = HeaderMap::new();
        let mut bearer = header(&format!("Bearer {}", credentials.token.expose_secret()))?;
        bearer.set_sensitive(true);
        headers.insert(AUTHORIZATION, bearer);
        headers.insert("x-whitelabel-host", header(credentials.host.trim())?);
        let pacer = Pacer::new(RATE_LIMIT, RATE_WINDOW, PACE_WAIT).shared(shared);
        Upstream::new(Platform::TagMango, base_url, headers, settings, Some(pacer))
            .map(TagMangoClient)
    }

    fn badges_url(&self, id: Option<&str>) -> reqwest::Url {
        let mut segments = vec!["api", "v1", "external", "gamification", "badges"];
        segments.extend(id);
        self.url(&segments)
    }

    /// `GET …/gamification/badges`: the creator's badges, each read on its own. The documents
    /// show no list answer: a bare array, or one under `result`, `data` or `badges`, is read.
    pub async fn list_badges(&self) -> Result<Vec<Listed<MangoBadge>>, UpstreamError> {
        let answer: Value = self.get_json(self.badges_url(None)).await?;
        let records = match answer {
            Value::Array(records) => records,
            Value::Object(mut wrapper) => ["result", "data", "badges"]
                .into_iter()
                .find_map(|key| match wrapper.remove(key) {
                    Some(Value::Array(records)) => Some(records),
                    _ => None,
                })
                .ok_or_else(|| UpstreamError::Protocol {
                    reason: "a badge list answer without a list in it".into(),
                })?,
            _ => {
                return Err(UpstreamError::Protocol {
                    reason: "a badge list answer that is not a list".into(),
                });
            }
        };
        Ok(read_records(records))
    }

    /// `POST …/gamification/badges`, sent once; a 2xx is a success even when its answer cannot
    /// be read (the new badge's `_id` is then unknown).
    pub async fn create_badge(
        &self,
        pass: Pass,
        input: &MangoBadgeInput,
    ) -> Result<Created, UpstreamError> {
        let answer = self
            .write(pass, Method::POST, self.badges_url(None), |r| r.json(input))
            .await?;
        Ok(match parse_json::<Value>(&answer.body) {
            Ok(value) => {
                let record = value.get("result").unwrap_or(&value);
                match record.get("_id").and_then(Value::as_str) {
                    Some(id) if is_object_id(id) => Created {
                        id: Some(id.to_owned()),
                        unread: None,
                    },
                    _ => Created {
                        id: None,
                        unread: Some("no _id in it".into()),
                    },
                }
            }
            Err(err) => Created {
                id: None,
                unread: Some(err.to_string()),
            },
        })
    }

    /// `PATCH …/gamification/badges/{badgeId}`, sent once. `id` must be an object id: nothing
    /// else goes into the path.
    pub async fn update_badge(
        &self,
        pass: Pass,
        id: &str,
        input: &MangoBadgeInput,
    ) -> Result<(), UpstreamError> {
        if !is_object_id(id) {
            return Err(UpstreamError::NotFound);
        }
        let body = input.update_body();
        self.write(pass, Method::PATCH, self.badges_url(Some(id)), |r| {
            r.json(&body)
        })
        .await
        .map(|_| ())
    }
}
