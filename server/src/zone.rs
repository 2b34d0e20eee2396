//! The viewer's time zone for the pages that show times in it: chosen on the page (`tz`, then
//! remembered in a cookie), detected by the browser (the same cookie, set by `/zone.js`), or UTC.

use crate::model::zone::{Tz, parse_zone};
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::{HeaderValue, request::Parts};
use leptos::prelude::use_context;
use leptos::reactive::owner::with_context;

/// The cookie that holds the zone's IANA name.
pub const COOKIE_NAME: &str = "tz";

/// The zone to show times in, and whether none was chosen or detected yet (the page then asks
/// the browser).
pub struct Viewer {
    pub zone: Tz,
    pub undetected: bool,
}

fn from_cookie() -> Option<Option<Tz>> {
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
}

/// The viewer's zone: `chosen` when it names one (remembered for the next page), else the
/// cookie's, else UTC; with the message for a `chosen` name that is not a zone.
pub fn viewer(chosen: Option<&str>) -> (Viewer, Option<String>) {
    let chosen = chosen.map(str::trim).filter(|c| !c.is_empty());
    let mut problem = None;
    if let Some(name) = chosen {
        match parse_zone(name) {
            Some(zone) => {
                remember(zone);
                return (
                    Viewer {
                        zone,
                        undetected: false,
                    },
                    None,
                );
            }
            None => {
                problem = Some(format!(
                    "“{}” is not a time zone this dashboard knows: use a name such as Europe/Berlin or UTC.",
                    name.chars().take(60).collect::<String>()
                ))
            }
        }
    }
    let viewer = match from_cookie() {
        Some(Some(zone)) => Viewer {
            zone,
            undetected: false,
        },
        Some(None) | None => Viewer {
            zone: Tz::UTC,
            undetected: true,
        },
    };
    (viewer, problem)
}

/// Sets the cookie on the answer to this request (the page, or the server function's answer).
fn remember(zone: Tz) {
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    let cookie = format!(
        "{COOKIE_NAME}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        zone.name()
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.append_header(SET_COOKIE, value);
    }
}
