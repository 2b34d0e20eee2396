//! The viewer's time zone, for every page, form and message that shows or takes times: the one
//! they chose on their account page, else their browser's (the `tz` cookie `/zone.js` sets),
//! else UTC.

use crate::auth::staff::Account;
use crate::model::zone::{Tz, parse_zone};
use axum::http::header::COOKIE;
use axum::http::request::Parts;
use leptos::reactive::owner::with_context;

/// The cookie that holds the browser's zone's IANA name.
pub const COOKIE_NAME: &str = "tz";

/// The zone to show times in, and where it came from.
pub struct Viewer {
    pub zone: Tz,
    /// The zone is the one they chose on their account page.
    pub saved: bool,
    /// Their browser's zone, when it has told it (whether or not they chose another).
    pub browser: Option<Tz>,
    /// Neither chosen nor told by the browser yet: the page asks the browser (`/zone.js`).
    pub undetected: bool,
}

/// The zone the browser told, from the request's `tz` cookie.
fn from_cookie() -> Option<Tz> {
    with_context::<Parts, _>(|parts| {
        let header = parts.headers.get_all(COOKIE);
        header
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .find_map(|pair| {
                let (name, value) = pair.trim().split_once('=')?;
                (name == COOKIE_NAME).then(|| parse_zone(&value.replace("%2F", "/")))
            })
    })
    .flatten()
    .flatten()
}

/// `account`'s zone: the one they chose, else their browser's, else UTC.
pub fn viewer(account: &Account) -> Viewer {
    let browser = from_cookie();
    let chosen = account.time_zone.as_deref().and_then(parse_zone);
    Viewer {
        zone: chosen.or(browser).unwrap_or(Tz::UTC),
        saved: chosen.is_some(),
        browser,
        undetected: chosen.is_none() && browser.is_none(),
    }
}
