//! `AppError`: the one typed, plain-language error the browser receives from the server.
//!
//! Detail (upstream bodies, stack of causes) goes to the server log; what crosses the wire here is
//! only what a member of staff can act on.

#[cfg(feature = "ssr")]
pub mod database;

use dashboard_model::deployment::Platform;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// No one is signed in, or the session has ended.
    #[error("Please sign in to continue.")]
    Unauthorized,
    /// Signed in, but the role does not allow the action.
    #[error("Your role does not allow this action.")]
    Forbidden,
    /// The thing asked for does not exist (here or upstream).
    #[error("{what} was not found.")]
    NotFound { what: String },
    /// What was to be created exists already (a room id that is taken, say).
    #[error("{what} already exists.")]
    Conflict { what: String },
    /// The change is already waiting for a second person as request `request`: it cannot be
    /// asked for (or sent) again until that request is decided.
    #[error(
        "This is already waiting for approval (request #{request}); it cannot be published or asked for again until that request is decided."
    )]
    AlreadyWaiting { request: i64 },
    /// Input that fails validation; `field` names the form field it belongs next to.
    #[error("{message}")]
    Invalid {
        field: Option<String>,
        message: String,
    },
    /// An upstream refused the dashboard's credentials (401/403).
    #[error(
        "The {platform} API refused the dashboard's credentials. An administrator needs to check its settings."
    )]
    UpstreamRejectedCredentials { platform: Platform },
    /// Too many attempts (sign-in, password change): try again later.
    #[error("Too many attempts. Try again in {retry_after_secs} seconds.")]
    RateLimited { retry_after_secs: u32 },
    /// An upstream asked us to slow down, or the dashboard kept under its documented limit.
    #[error(
        "The {platform} API is receiving too many requests. Try again in {retry_after_secs} seconds."
    )]
    UpstreamRateLimited {
        platform: Platform,
        retry_after_secs: u32,
    },
    /// An upstream timed out, could not be reached or failed (5xx).
    #[error(
        "The {platform} API is not answering right now. Check whether the change went through before trying again."
    )]
    Unavailable { platform: Platform },
    /// An upstream answered something the dashboard could not read.
    #[error("The {platform} API sent an answer the dashboard could not read.")]
    Protocol { platform: Platform },
    /// The request could not be read (malformed arguments, wrong method): a client's mistake.
    #[error("The request could not be read: {message}")]
    BadRequest { message: String },
    /// The browser could not talk to the dashboard server, or could not read its answer.
    #[error("The dashboard server could not be reached. Check your connection and try again.")]
    Transport,
    /// The dashboard's own database did not answer (down, unreachable, locked): nothing was
    /// changed.
    #[error(
        "The dashboard's database is not answering, so nothing was changed. Try again in a minute."
    )]
    DatabaseUnavailable,
    /// A fault inside the dashboard server; the detail is in the server log.
    #[error("Something went wrong on the dashboard server. The details are in its log.")]
    Internal,
}

impl AppError {
    /// A validation error attached to one form field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError::Invalid {
            field: Some(field.to_owned()),
            message: message.into(),
        }
    }

    /// The HTTP status a server function answers with when it fails with this error: the one
    /// place the status is decided (`server::error_status` applies it to every answer).
    pub fn status(&self) -> u16 {
        match self {
            AppError::BadRequest { .. } => 400,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::NotFound { .. } => 404,
            AppError::Conflict { .. } | AppError::AlreadyWaiting { .. } => 409,
            AppError::Invalid { .. } => 422,
            AppError::RateLimited { .. } | AppError::UpstreamRateLimited { .. } => 429,
            AppError::UpstreamRejectedCredentials { .. } | AppError::Protocol { .. } => 502,
            AppError::Unavailable { .. } | AppError::DatabaseUnavailable => 503,
            AppError::Transport | AppError::Internal => 500,
        }
    }

    /// A page that says more about this error (the approval request a change waits in).
    pub fn link(&self) -> Option<String> {
        match self {
            AppError::AlreadyWaiting { request } => Some(format!("/approvals/{request}")),
            _ => None,
        }
    }

    /// The form field this error belongs next to, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Invalid { field, .. } => field.as_deref(),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// On the server these are the request's faults (it could not be decoded) or ours (the answer
    /// could not be encoded); in the browser, a request that failed or an answer it cannot read.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(message) | ServerFnErrorErr::MissingArg(message) => {
                AppError::Invalid {
                    field: None,
                    message: format!("The request was incomplete: {message}"),
                }
            }
            ServerFnErrorErr::Request(_) => AppError::Transport,
            ServerFnErrorErr::Deserialization(message)
            | ServerFnErrorErr::UnsupportedRequestMethod(message) => {
                if cfg!(feature = "ssr") {
                    AppError::BadRequest { message }
                } else {
                    AppError::Transport
                }
            }
            ServerFnErrorErr::Serialization(message) => {
                if cfg!(feature = "ssr") {
                    #[cfg(feature = "ssr")]
                    tracing::error!("cannot encode a server function's answer: {message}");
                    AppError::Internal
                } else {
                    let _ = message;
                    AppError::Transport
                }
            }
            _ => AppError::Internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_plain_language() {
        assert_eq!(
            AppError::Unauthorized.to_string(),
            "Please sign in to continue."
        );
        assert_eq!(
            AppError::NotFound {
                what: "Badge 7".into()
            }
            .to_string(),
            "Badge 7 was not found."
        );
        let invalid = AppError::invalid("tooltip", "Tooltip is limited to 140 characters.");
        assert_eq!(invalid.field(), Some("tooltip"));
        assert_eq!(invalid.to_string(), "Tooltip is limited to 140 characters.");
    }

    #[test]
    fn transport_failures_map_to_a_typed_error() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Request("boom".into()));
        assert_eq!(err, AppError::Transport);
    }
}
