//! Times typed in the person's time zone: the one they chose on their account page, or their
//! browser's, with its offsets handed to the form (the server reads the form in it again); else,
//! before any zone is known, the browser's own offset once hydrated (UTC without JavaScript). The
//! sentence that says which, and the zone of a page drawn on the server.

use super::field::{FormState, TextField, id_for};
use super::live::problem;
use super::header::{MeResource, use_me};
use crate::model::time::{LocalTime, describe_offset, format_room_time};
use crate::model::zone::{Tz, ZoneOffsets, describe_zone, parse_zone};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// The zone a form's times are written in: the person's, with its offsets; `None` while no zone
/// is known (the browser's own offsets, or UTC).
pub type FormZone = StoredValue<Option<ZoneOffsets>>;

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

/// Calls `apply` with the browser's offset (`Date.getTimezoneOffset()`, minutes) once the page
/// has hydrated. Without JavaScript it is never called and forms keep the offsets the page wrote.
pub fn on_browser_offset(apply: impl Fn(i32) + 'static) {
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        apply(js_sys::Date::new_0().get_timezone_offset() as i32);
        #[cfg(not(feature = "hydrate"))]
        let _ = &apply;
    });
}

/// "Times are in your time zone, Asia/Tokyo (UTC+09:00), …"; before any zone is known, "Times
/// are UTC." or the browser's offset; with a link to choose the zone.
#[component]
pub fn ZoneNote(#[prop(into)] offset: Signal<i32>, zone: FormZone) -> impl IntoView {
    let label = zone.with_value(|z| z.as_ref().map(|z| z.label.clone()));
    let link = zone_link(label.is_some());
    let text = move || zone_sentence(label.as_deref(), offset.get());
    view! {
        <p class="muted" data-testid="time-zone">
            {text}
            <a href="/account">{link}</a>
        </p>
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

/// The browser's UTC offset at instant `time` (0 outside the browser).
pub fn offset_at(time: DateTime<Utc>) -> i32 {
    #[cfg(feature = "hydrate")]
    {
        let ms = wasm_bindgen::JsValue::from_f64(time.timestamp_millis() as f64);
        js_sys::Date::new(&ms).get_timezone_offset() as i32
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = time;
        0
    }
}

/// Sets a time from what was typed: at the person's zone's offset then, when the form is in
/// it; else at the browser's offset at that local time.
pub fn type_local(time: &mut LocalTime, value: String, zone: FormZone) {
    let offset = zone
        .with_value(|z| z.as_ref().map(|z| z.read(&value)))
        .unwrap_or_else(|| browser_offset_of(&value));
    if let Some(offset) = offset {
        time.offset = offset;
    }
    time.local = value;
}

/// The browser's offset at local time `value` (`None` outside the browser, or when it is not a
/// time).
fn browser_offset_of(value: &str) -> Option<i32> {
    #[cfg(feature = "hydrate")]
    {
        let typed = wasm_bindgen::JsValue::from_str(value.trim());
        let offset = js_sys::Date::new(&typed).get_timezone_offset();
        offset.is_finite().then_some(offset as i32)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = value;
        None
    }
}

/// A time field of a form: the `datetime-local` input, its offset (hidden), and the UTC time it
/// stands for beside it.
#[component]
pub fn TimeField<F>(
    label: &'static str,
    /// The form name of the time, e.g. `form[start]`.
    name: &'static str,
    wire: &'static str,
    form: RwSignal<F>,
    get: fn(&F) -> &LocalTime,
    set: fn(&mut F) -> &mut LocalTime,
    state: FormState,
    /// The zone the times are written in.
    zone: FormZone,
) -> impl IntoView
where
    F: Send + Sync + 'static,
{
    let initial_offset = form.with_untracked(|f| get(f).offset);
    let utc = move || form.with(|f| utc_hint(get(f)));
    view! {
        <div>
            <TextField label name=format!("{name}[local]") wire form state kind="datetime-local"
                get=move |f: &F| get(f).local.clone() set=move |f: &mut F, v: String| type_local(set(f), v, zone) />
            <input type="hidden" name=format!("{name}[offset]") value=initial_offset.to_string()
                prop:value=move || form.with(|f| get(f).offset.to_string()) />
            {utc}
        </div>
    }
}
