//! What can go wrong calling an upstream, typed; and how each kind reaches the browser.

use crate::error::AppError;
use crate::model::deployment::Platform;
use crate::model::validate::WIRE_FIELDS;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UpstreamError {
    /// 401 or 403: the key or token is wrong, expired or lacks rights.
    #[error("unauthorized ({status})")]
    Unauthorized { status: u16 },
    /// 404.
    #[error("not found")]
    NotFound,
    /// 400 or 422, with the upstream's message (for the log, and as a hint to the user).
    #[error("refused as invalid ({status}): {message}")]
    Validation { status: u16, message: String },
    /// 409: what was to be created exists already (a room id taken, say).
    #[error("conflict: {message}")]
    Conflict { message: String },
    /// 429, with `Retry-After` when given.
    #[error("rate limited (retry after {retry_after:?})")]
    RateLimited { retry_after: Option<Duration> },
    /// 5xx, a timeout, or no connection.
    #[error("unavailable: {cause}")]
    Unavailable { cause: Unavailable },
    /// An answer that cannot be read: unparseable body, a redirect, an unexpected status.
    #[error("protocol: {reason}")]
    Protocol { reason: String },
}

/// Why an upstream could not be used: the typed cause behind [`UpstreamError::Unavailable`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unavailable {
    /// No answer within the client's timeout.
    #[error("timeout")]
    Timeout,
    /// No connection could be made.
    #[error("connection failed")]
    Connect,
    /// It answered with a 5xx status.
    #[error("status {status}")]
    ServerError { status: u16 },
    /// The connection broke in another way (reset, TLS, a body cut short).
    #[error("transport: {detail}")]
    Transport { detail: String },
}

impl Unavailable {
    /// A short name for the health record and the logs.
    pub fn kind(&self) -> &'static str {
        match self {
            Unavailable::Timeout => "timeout",
            Unavailable::Connect => "connect",
            Unavailable::ServerError { .. } => "server_error",
            Unavailable::Transport { .. } => "transport",
        }
    }
}

impl UpstreamError {
    /// How a failed call ended, as the metrics label it (a call that went through is `ok`).
    pub fn outcome(&self) -> &'static str {
        match self {
            UpstreamError::Unauthorized { .. } => "rejected_credentials",
            UpstreamError::NotFound => "not_found",
            UpstreamError::Validation { .. } | UpstreamError::Conflict { .. } => "refused",
            UpstreamError::RateLimited { .. } => "rate_limited",
            UpstreamError::Unavailable { .. } => "unavailable",
            UpstreamError::Protocol { .. } => "unreadable",
        }
    }

    /// Whether Watchers answered at all (anything but a timeout, no connection or a 5xx).
    pub fn upstream_answered(&self) -> bool {
        !matches!(self, UpstreamError::Unavailable { .. })
    }

    /// The browser's view of this error from `platform`; `what` names the thing asked for (for
    /// "not found").
    pub fn into_app_error(self, platform: Platform, what: &str) -> AppError {
        match self {
            UpstreamError::Unauthorized { .. } => {
                AppError::UpstreamRejectedCredentials { platform }
            }
            UpstreamError::NotFound => AppError::NotFound {
                what: what.to_owned(),
            },
            UpstreamError::Validation { message, .. } => AppError::Invalid {
                field: named_field(&message),
                message: format!("{platform} refused this: {}", short(&message)),
            },
            UpstreamError::Conflict { .. } => AppError::Conflict {
                what: what.to_owned(),
            },
            UpstreamError::RateLimited { retry_after } => AppError::UpstreamRateLimited {
                platform,
                retry_after_secs: retry_after
                    .map(|d| d.as_secs().clamp(1, 3600) as u32)
                    .unwrap_or(30),
            },
            UpstreamError::Unavailable { .. } => AppError::Unavailable { platform },
            UpstreamError::Protocol { .. } => AppError::Protocol { platform },
        }
    }
}

/// The field an upstream refusal names, when its message starts with the wire name of a field the
/// dashboard's forms have (`tooltip must be shorter than …`, `templateData.bgColor: invalid`):
/// the form shows the message next to it; otherwise at the top of the form.
fn named_field(message: &str) -> Option<String> {
    let first = message
        .split_whitespace()
        .next()?
        .trim_end_matches([':', ',']);
    (WIRE_FIELDS.contains(&first) || crate::model::tagmango::FIELDS.contains(&first))
        .then(|| first.to_owned())
}

/// Upstream text shown to staff: one line, printable, at most 200 characters.
fn short(message: &str) -> String {
    let clean: String = message
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let clean = clean.trim();
    if clean.chars().count() > 200 {
        format!("{}…", clean.chars().take(200).collect::<String>())
    } else if clean.is_empty() {
        "no reason given".to_owned()
    } else {
        clean.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_map_to_plain_language() {
        let e = UpstreamError::RateLimited {
            retry_after: Some(Duration::from_secs(12)),
        };
        assert_eq!(
            e.into_app_error(Platform::Watchers, "Badge 1"),
            AppError::UpstreamRateLimited {
                platform: Platform::Watchers,
                retry_after_secs: 12
            }
        );
        assert_eq!(
            UpstreamError::NotFound.into_app_error(Platform::Watchers, "Badge 9"),
            AppError::NotFound {
                what: "Badge 9".into()
            }
        );
        let long = UpstreamError::Validation {
            status: 400,
            message: format!("tooltip\n{}", "x".repeat(300)),
        }
        .into_app_error(Platform::Watchers, "");
        let text = long.to_string();
        assert!(text.starts_with("Watchers refused this: tooltip x"));
        assert!(text.chars().count() < 240);
        assert_eq!(long.field(), Some("tooltip"));
    }

    #[test]
    fn a_refusal_is_shown_next_to_the_field_it_names() {
        let refused = |message: &str| {
            UpstreamError::Validation {
                status: 400,
                message: message.into(),
            }
            .into_app_error(Platform::Watchers, "")
        };
        let field = |message: &str| refused(message).field().map(str::to_owned);
        assert_eq!(
            field("communicationTitle must be shorter than or equal to 140 characters"),
            Some("communicationTitle".into())
        );
        assert_eq!(
            field("templateData.bgColor: invalid"),
            Some("templateData.bgColor".into())
        );
        assert_eq!(field("Bad request"), None);
        assert_eq!(field("a b"), None);
        assert_eq!(
            field("someField is wrong"),
            None,
            "not a field of the forms"
        );
        assert_eq!(refused("Bad request").status(), 422);
        let conflict = UpstreamError::Conflict {
            message: "exists".into(),
        }
        .into_app_error(Platform::Watchers, "Room r-1");
        assert_eq!(conflict.to_string(), "Room r-1 already exists.");
        assert_eq!(conflict.status(), 409);
    }
}
