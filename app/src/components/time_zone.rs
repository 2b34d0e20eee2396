//! Times typed in the person's time zone: the one they chose on their account page, or their
//! browser's (the server reads the form in it); else, before any zone is known, UTC, which the
//! live island turns into the browser's zone. The zone of a page drawn on the server, the time
//! fields of a form drawn there, and the sentence that says which zone they are in.

use super::header::{MeResource, use_me};
use super::live::{id_for, problem};
use crate::model::time::{LocalTime, describe_offset, format_room_time};
use crate::model::zone::{Tz, describe_zone, parse_zone};
use chrono::Utc;
use leptos::prelude::*;

/// The signed-in person's zone, for a page drawn on the server: made while it renders, awaited
/// inside its `Suspend`.
#[derive(Clone, Copy)]
pub struct PageZone(MeResource);

/// The zone of the page being drawn.
pub fn page_zone() -> PageZone {
    PageZone(use_me())
}

impl PageZone {
    /// The zone they chose, else their browser's; `None` while neither is known.
    pub async fn known(self) -> Option<Tz> {
        self.0
            .await
            .ok()
            .flatten()
            .and_then(|me| parse_zone(&me.zone))
    }

    /// Their zone, or UTC while none is known.
    pub async fn or_utc(self) -> Tz {
        self.known().await.unwrap_or(Tz::UTC)
    }
}

/// What a form says of the zone its times are written in: `label` names it when known
/// ("Asia/Tokyo (UTC+09:00)"); else the browser's offset now (`offset`, minutes as
/// `getTimezoneOffset` counts them), or UTC.
pub fn zone_sentence(label: Option<&str>, offset: i32) -> String {
    match (label, offset) {
        (Some(label), _) => format!(
            "Times are in your time zone, {label}, with UTC beside each; Watchers gets them in UTC. "
        ),
        (None, 0) => "Times are UTC. ".to_owned(),
        (None, minutes) => format!(
            "Times are in your time zone ({}) and sent to Watchers in UTC. ",
            describe_offset(minutes)
        ),
    }
}

/// The link after [`zone_sentence`]: to change the zone once one is known, else to choose one.
pub fn zone_link(known: bool) -> &'static str {
    if known {
        "Change your time zone"
    } else {
        "Choose your time zone"
    }
}

/// [`zone_sentence`] and [`zone_link`] for a form drawn on the server whose times are read in
/// `zone` (an IANA name; empty or unknown: at `offset`), `known` when it is the person's own: a
/// live part (`zone`).
pub fn zone_line(zone: &str, offset: i32, known: bool) -> impl IntoView + use<> {
    let label = parse_zone(zone).map(|zone| describe_zone(zone, Utc::now()));
    let text = zone_sentence(label.as_deref(), offset);
    view! { {text} <a href="/account">{zone_link(known)}</a> }
}

/// A time field of a form drawn on the server: the `datetime-local` input (`name`, e.g.
/// `form[start]`, holding `time`), its offset (hidden), where the problem of `wire` goes (showing
/// `landed`), and the UTC time it stands for beside it, a live part named `wire`.
pub fn time_input(
    label: &'static str,
    name: &str,
    wire: &'static str,
    time: &LocalTime,
    landed: Option<String>,
) -> impl IntoView + use<> {
    let local = format!("{name}[local]");
    let id = id_for(&local);
    view! {
        <div>
            <div class="field">
                <span class="field__label"><label for=id.clone()>{label}</label></span>
                <input id=id type="datetime-local" step="1" name=local value=time.local.clone() data-wire=wire />
                {problem(wire, landed)}
            </div>
            <input type="hidden" name=format!("{name}[offset]") value=time.offset.to_string() />
            <span data-live=wire>{utc_hint(time)}</span>
        </div>
    }
}

/// "= 2030-07-01 12:00:00 UTC" beside a time, when it is one.
pub fn utc_hint(time: &LocalTime) -> impl IntoView + use<> {
    time.to_utc().map(|t| {
        view! { <span class="field__hint" data-testid="utc">{format!("= {} UTC", format_room_time(t))}</span> }
    })
}
