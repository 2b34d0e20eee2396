//! TagMango's settings: `TAGMANGO_TOKEN` (secret) and `TAGMANGO_HOST` together, or neither for
//! the sandbox; `TAGMANGO_BASE_URL` for another address than the documented one.

use super::{ConfigError, is_loopback_url};
use crate::upstream::tagmango::{DEFAULT_BASE_URL, TagMangoCredentials};
use secrecy::SecretString;

const TOKEN: &str = "TAGMANGO_TOKEN";
const HOST: &str = "TAGMANGO_HOST";

/// What the dashboard reads from `TAGMANGO_*` variables.
#[derive(Debug, Default)]
pub struct TagMangoConfig {
    /// `None`: the sandbox emulates TagMango.
    pub credentials: Option<TagMangoCredentials>,
    /// `TAGMANGO_BASE_URL` (no trailing slash).
    pub base_url: Option<String>,
}

impl TagMangoConfig {
    pub fn read(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let credentials = match (get(TOKEN), get(HOST)) {
            (None, None) => None,
            (Some(token), Some(host)) => {
                let host = host.trim().to_owned();
                if host.contains(['/', ' ', ':']) {
                    return Err(ConfigError::BadTagMangoHost(host));
                }
                Some(TagMangoCredentials {
                    token: SecretString::from(token),
                    host,
                })
            }
            (Some(_), None) => {
                return Err(ConfigError::HalfTagMango {
                    set: TOKEN,
                    missing: HOST,
                });
            }
            (None, Some(_)) => {
                return Err(ConfigError::HalfTagMango {
                    set: HOST,
                    missing: TOKEN,
                });
            }
        };
        let base_url = match get("TAGMANGO_BASE_URL") {
            None => None,
            Some(url) if url.starts_with("https://") => Some(url.trim_end_matches('/').to_owned()),
            Some(url) if url.starts_with("http://") => {
                if credentials.is_some() && !is_loopback_url(&url) {
                    return Err(ConfigError::PlainHttpUpstream(url));
                }
                Some(url.trim_end_matches('/').to_owned())
            }
            Some(url) => return Err(ConfigError::BadBaseUrl(url)),
        };
        Ok(TagMangoConfig {
            credentials,
            base_url,
        })
    }

    /// The address in live mode.
    pub fn live_base_url(&self) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(|| DEFAULT_BASE_URL.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::tests::config;

    #[test]
    fn tagmango_needs_its_token_and_host_together() {
        let half = config(&[("TAGMANGO_TOKEN", "t")]).unwrap_err();
        assert!(half.to_string().contains("TAGMANGO_HOST"), "{half}");
        let other_half = config(&[("TAGMANGO_HOST", "me.tagmango.com")]).unwrap_err();
        assert!(other_half.to_string().contains("TAGMANGO_TOKEN"));
        let sandbox = config(&[]).unwrap();
        assert!(sandbox.tagmango.credentials.is_none());
        let live = config(&[
            ("TAGMANGO_TOKEN", "t"),
            ("TAGMANGO_HOST", "me.tagmango.com"),
        ])
        .unwrap();
        assert_eq!(live.tagmango.live_base_url(), DEFAULT_BASE_URL);
        assert!(format!("{live:?}").contains("me.tagmango.com"));
        assert!(
            !format!("{live:?}").contains("\"t\""),
            "the token never prints"
        );
    }

    #[test]
    fn a_live_tagmango_address_must_be_https_unless_on_loopback() {
        let live = [
            ("TAGMANGO_TOKEN", "t"),
            ("TAGMANGO_HOST", "me.tagmango.com"),
        ];
        let plain = [
            live[0],
            live[1],
            ("TAGMANGO_BASE_URL", "http://api.example"),
        ];
        assert!(matches!(
            config(&plain),
            Err(ConfigError::PlainHttpUpstream(_))
        ));
        let local = [
            live[0],
            live[1],
            ("TAGMANGO_BASE_URL", "http://127.0.0.1:9"),
        ];
        assert!(config(&local).is_ok());
        let bad_host = [
            ("TAGMANGO_TOKEN", "t"),
            ("TAGMANGO_HOST", "https://me.tagmango.com"),
        ];
        assert!(matches!(
            config(&bad_host),
            Err(ConfigError::BadTagMangoHost(_))
        ));
    }
}
