//! What a form's post did, shown on the page it lands on. A server function posted as a plain
//! form (no JavaScript, or a page outside an island) answers with a redirect, and so does one whose
//! success the browser follows to another page; the page the browser then asks for cannot tell how
//! the post went. server_fn puts a refusal in that page's address (`?__path=…&__err=…`), where only
//! the address bar shows it. Here the answer goes with the redirect in a cookie of a minute for
//! that page instead, which takes it once, and the address is left clean. A cookie, not the
//! session: each browser has its own, and a person's other tabs and requests cannot lose it.

use crate::error::AppError;
use crate::error_status::{MAX_ERROR_BYTES, SERVER_FN_ERROR_HEADER};
use crate::model::query::encode;
use crate::state::AppState;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, Uri, header};
use axum::middleware::Next;
use axum::response::Response;
use leptos::reactive::owner::with_context;
use leptos::server_fn::redirect::REDIRECT_HEADER;
use serde::{Deserialize, Serialize};

/// What a post to a server function did, for the page it landed on (the app's `LandedNote`).
/// It comes from the browser's cookie: a page shows it as text, and trusts it for nothing else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Landed {
    /// The server function's path, e.g. `/api/staff/add`.
    pub form: String,
    /// What it said it did ([`done`]; `None` when the page it lands on says it), or why it was
    /// refused.
    pub result: Result<Option<String>, AppError>,
    /// A refused form's fields as typed (the post's body, passwords left out), for the forms
    /// that draw themselves again from it ([`KEEPS_TYPED`], [`typed`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typed: Option<String>,
}

/// The server functions whose refused plain posts keep the form as typed for the page they land
/// on, which draws it again ([`typed`]): forms drawn on the server, posted as they are with
/// JavaScript or without.
pub const KEEPS_TYPED: &[&str] = &[
    "/api/badges/create",
    "/api/badges/update",
    "/api/rooms/create",
    "/api/tagmango/create",
    "/api/tagmango/update",
];

/// A form's body is kept only up to this size (a cookie holds under 4 KB in all).
const MAX_TYPED_BYTES: u64 = 2500;

/// A [`Landed`] on its way to the page at path `at`.
#[derive(Serialize, Deserialize)]
struct Kept {
    landed: Landed,
    at: String,
}

/// How long a kept answer waits for its page.
const KEEP_SECONDS: u32 = 60;
/// A cookie's value stays well under the 4 KB browsers keep.
const MAX_COOKIE_BYTES: usize = 3500;
/// How a server function tells [`carry`] what it did (percent-encoded); never sent on.
const DONE_HEADER: &str = "x-dashboard-done";

/// Says in one sentence what the server function being served did; the page the browser lands on
/// shows it. A page that calls a server function while it renders says nothing by it.
pub fn done(text: impl AsRef<str>) {
    let served = with_context::<Parts, _>(|parts| parts.uri.path().starts_with("/api/"));
    if served == Some(true)
        && let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
        && let Ok(value) = HeaderValue::from_str(&encode(text.as_ref()))
    {
        response.insert_header(HeaderName::from_static(DONE_HEADER), value);
    }
}

/// The layer: sends what a post to a server function did along with the answer that takes the
/// browser to a page, and gives it to that page's render as a request extension ([`Landed`]).
pub async fn carry(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let https = state.config.https;
    let path = request.uri().path().to_owned();
    if path.starts_with("/api/") {
        let post = request.method() == Method::POST;
        let plain = accepts_html(request.headers());
        let (request, typed) = if post && plain && KEEPS_TYPED.contains(&path.as_str()) {
            take_typed(request).await
        } else {
            (request, None)
        };
        let mut response = next.run(request).await;
        if post {
            return keep(https, path, plain, typed, response).await;
        }
        response.headers_mut().remove(DONE_HEADER);
        return response;
    }
    let landed = (request.method() == Method::GET && accepts_html(request.headers()))
        .then(|| read_cookie(https, request.headers()))
        .flatten()
        .filter(|kept| kept.at == path);
    let Some(kept) = landed else {
        return next.run(request).await;
    };
    request.extensions_mut().insert(kept.landed);
    let mut response = next.run(request).await;
    if let Ok(gone) = HeaderValue::from_str(&cookie(https, "", 0)) {
        response.headers_mut().append(header::SET_COOKIE, gone);
    }
    response
}

/// The form as typed in a refused plain post to server function `form` (one of [`KEEPS_TYPED`]),
/// when the page being drawn is where it landed, read as `T` (the server function's arguments,
/// as server_fn reads a form).
pub fn typed<T: serde::de::DeserializeOwned>(form: &str) -> Option<T> {
    let typed = with_context::<Parts, _>(|parts| {
        let landed = parts.extensions.get::<Landed>()?;
        (landed.form == form)
            .then(|| landed.typed.clone())
            .flatten()
    })
    .flatten()?;
    serde_qs::Config::new(5, false).deserialize_str(&typed).ok()
}

/// Reads a form's body to keep it as typed, when it says it is small enough; the request goes on
/// with the same body. A body it cannot read goes on empty, and the server function refuses it.
async fn take_typed(request: Request) -> (Request, Option<String>) {
    let small = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|n| n <= MAX_TYPED_BYTES);
    if !small {
        return (request, None);
    }
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, MAX_TYPED_BYTES as usize)
        .await
        .unwrap_or_default();
    let typed = std::str::from_utf8(&bytes).ok().map(without_passwords);
    (Request::from_parts(parts, Body::from(bytes)), typed)
}

/// A form's body without any field whose name speaks of a password: never kept in a cookie.
fn without_passwords(body: &str) -> String {
    body.split('&')
        .filter(|pair| {
            let key = pair.split('=').next().unwrap_or_default();
            !key.to_ascii_lowercase().contains("password")
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Whether the server function being served was posted as a plain form (no JavaScript), whose
/// answer is a redirect to a page drawn anew, as server_fn tells them from its client's posts.
pub fn plain_form() -> bool {
    leptos::prelude::use_context::<Parts>().is_some_and(|parts| accepts_html(&parts.headers))
}

/// The path of the page the request being served came from (its `Referer`, which the browser
/// sends within the site), when it is `base` or under it: `/offers/new` for `/offers`.
pub fn came_from(base: &str) -> Option<String> {
    let parts = leptos::prelude::use_context::<Parts>()?;
    let referer = parts.headers.get(header::REFERER)?.to_str().ok()?;
    let path = Uri::try_from(referer).ok()?.path().to_owned();
    under(&path, base).then_some(path)
}

/// Whether `path` is `base` or a page under it.
fn under(path: &str, base: &str) -> bool {
    path.strip_prefix(base)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// A browser's own request (a page, a plain form), as server_fn tells them from its client's.
fn accepts_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

/// The answer to a post to server function `form`, sent along when the browser goes on to a page:
/// a plain form's redirect (success or refusal), or a success the JavaScript client follows.
async fn keep(
    https: bool,
    form: String,
    plain: bool,
    typed: Option<String>,
    response: Response,
) -> Response {
    let (mut parts, body) = response.into_parts();
    let said = parts
        .headers
        .remove(DONE_HEADER)
        .and_then(|v| v.to_str().ok().map(decode));
    let followed = if plain {
        parts.status.is_redirection()
    } else {
        parts.status.is_success() && parts.headers.contains_key(REDIRECT_HEADER)
    };
    let location = parts
        .headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(without_error);
    let Some(location) = location.filter(|_| followed) else {
        return Response::from_parts(parts, body);
    };
    if let Ok(value) = HeaderValue::from_str(&location) {
        parts.headers.insert(header::LOCATION, value);
    }
    // A refusal's body is its `AppError`, as server_fn encoded it (JSON), whatever the address.
    let (result, body) = if parts.headers.contains_key(SERVER_FN_ERROR_HEADER) {
        let bytes = to_bytes(body, MAX_ERROR_BYTES).await.unwrap_or_default();
        let err = serde_json::from_slice::<AppError>(&bytes).unwrap_or(AppError::Internal);
        (Err(err), Body::from(bytes))
    } else {
        (Ok(said), body)
    };
    let at = Uri::try_from(location.as_str())
        .map(|uri| uri.path().to_owned())
        .unwrap_or_default();
    // The form as typed goes along with a refusal only, and is dropped first when it would make
    // the cookie too long.
    let typed = typed.filter(|_| result.is_err());
    let mut kept = Kept {
        landed: Landed {
            form,
            result,
            typed,
        },
        at,
    };
    let mut value = cookie_value(&kept);
    if value.is_none() && kept.landed.typed.take().is_some() {
        value = cookie_value(&kept);
    }
    match value {
        Some(value) => {
            if let Ok(set) = HeaderValue::from_str(&cookie(https, &value, KEEP_SECONDS)) {
                parts.headers.append(header::SET_COOKIE, set);
            }
        }
        None => tracing::warn!(form = %kept.landed.form, "what a form did is too long to send on"),
    }
    Response::from_parts(parts, body)
}

/// The cookie's value that carries `kept`, when it is short enough.
fn cookie_value(kept: &Kept) -> Option<String> {
    let value = serde_json::to_string(kept).map(|json| encode(&json)).ok()?;
    (value.len() <= MAX_COOKIE_BYTES).then_some(value)
}

/// The cookie's name: `__Host-` prefixed over https, like the session's.
fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-watchers_landed"
    } else {
        "watchers_landed"
    }
}

/// The `Set-Cookie` value that keeps `value` for `seconds` (0: forgets it).
fn cookie(https: bool, value: &str, seconds: u32) -> String {
    let secure = if https { "; Secure" } else { "" };
    format!(
        "{}={value}; Path=/; Max-Age={seconds}; HttpOnly; SameSite=Strict{secure}",
        cookie_name(https)
    )
}

/// What the request's cookie carries, if it can be read.
fn read_cookie(https: bool, headers: &HeaderMap) -> Option<Kept> {
    let name = cookie_name(https);
    let value = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find_map(|(key, value)| (key == name).then_some(value))?;
    serde_json::from_str(&decode(value)).ok()
}

/// `location` without server_fn's `__path` and `__err`.
fn without_error(location: &str) -> String {
    let Some((base, query)) = location.split_once('?') else {
        return location.to_owned();
    };
    let rest: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            let key = pair.split('=').next().unwrap_or_default();
            !pair.is_empty() && key != "__path" && key != "__err"
        })
        .collect();
    if rest.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", rest.join("&"))
    }
}

/// The text [`encode`] percent-encoded.
fn decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_keeps_its_own_query_only() {
        assert_eq!(
            without_error("http://h/staff?__path=%2Fapi%2Fstaff%2Fadd&__err=eyJ9"),
            "http://h/staff"
        );
        assert_eq!(
            without_error("/exclusions?changed=u-1&__path=%2Fapi&__err=e30%3D"),
            "/exclusions?changed=u-1"
        );
        assert_eq!(without_error("http://h/badges/5?"), "http://h/badges/5");
        assert_eq!(without_error("/rooms?deleted=3"), "/rooms?deleted=3");
    }

    #[test]
    fn a_page_is_under_its_base_alone() {
        assert!(under("/offers/new", "/offers"));
        assert!(under("/offers/drafts/ab12", "/offers"));
        assert!(under("/offers", "/offers"));
        assert!(!under("/offersx/new", "/offers"));
        assert!(!under("/advertisements/new", "/offers"));
        assert!(!under("//evil.example/offers", "/offers"));
    }

    #[test]
    fn what_was_done_survives_the_header() {
        let text = "Added “ann”. Tell them their password in person: 100% sure?";
        assert_eq!(decode(&encode(text)), text);
        assert_eq!(decode("50%"), "50%");
    }

    #[test]
    fn a_password_is_never_kept_as_typed() {
        let body = "username=ann&password=secret-one&form%5Bnew_password%5D=x&role=admin";
        assert_eq!(without_passwords(body), "username=ann&role=admin");
    }

    #[test]
    fn the_cookie_brings_back_what_was_kept() {
        let kept = Kept {
            landed: Landed {
                form: "/api/staff/add".into(),
                result: Err(AppError::invalid("username", "ann already exists.")),
                typed: None,
            },
            at: "/staff".into(),
        };
        let value = encode(&serde_json::to_string(&kept).unwrap());
        let set = cookie(false, &value, KEEP_SECONDS);
        assert!(set.starts_with("watchers_landed=") && set.contains("HttpOnly"));
        let mut headers = HeaderMap::new();
        let sent = format!("watchers_session=abc; watchers_landed={value}");
        headers.insert(header::COOKIE, HeaderValue::from_str(&sent).unwrap());
        let back = read_cookie(false, &headers).unwrap();
        assert_eq!((back.landed, back.at), (kept.landed, kept.at));
        assert!(read_cookie(true, &headers).is_none());
    }
}
