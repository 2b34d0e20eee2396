//! Times entered in the browser's own time zone: its offset once hydrated (0, UTC, without
//! JavaScript), and the sentence that says which zone the form's times are in.

use super::field::{FormState, TextField};
use crate::model::time::{LocalTime, describe_offset, format_room_time};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// Calls `apply` with the browser's offset (`Date.getTimezoneOffset()`, minutes) once the page
/// has hydrated. Without JavaScript it is never called and forms keep offset 0 (UTC).
pub fn on_browser_offset(apply: impl Fn(i32) + 'static) {
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        apply(js_sys::Date::new_0().get_timezone_offset() as i32);
        #[cfg(not(feature = "hydrate"))]
        let _ = &apply;
    });
}

/// "Times are UTC." or "Times are in your time zone (UTC+02:00) and sent to Watchers in UTC."
#[component]
pub fn ZoneNote(#[prop(into)] offset: Signal<i32>) -> impl IntoView {
    let text = move || match offset.get() {
        0 => "Times are UTC.".to_owned(),
        minutes => format!(
            "Times are in your time zone ({}) and sent to Watchers in UTC.",
            describe_offset(minutes)
        ),
    };
    view! { <p class="muted" data-testid="time-zone">{text}</p> }
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

/// Sets a time from what was typed, with the browser's offset at that local time.
pub fn type_local(time: &mut LocalTime, value: String) {
    #[cfg(feature = "hydrate")]
    {
        let offset =
            js_sys::Date::new(&wasm_bindgen::JsValue::from_str(value.trim())).get_timezone_offset();
        if offset.is_finite() {
            time.offset = offset as i32;
        }
    }
    time.local = value;
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
) -> impl IntoView
where
    F: Send + Sync + 'static,
{
    let initial_offset = form.with_untracked(|f| get(f).offset);
    let utc = move || {
        form.with(|f| get(f).to_utc()).map(|t| {
            view! { <span class="field__hint" data-testid="utc">{format!("= {} UTC", format_room_time(t))}</span> }
        })
    };
    view! {
        <div>
            <TextField label name=format!("{name}[local]") wire form state kind="datetime-local"
                get=move |f: &F| get(f).local.clone() set=move |f: &mut F, v: String| type_local(set(f), v) />
            <input type="hidden" name=format!("{name}[offset]") value=initial_offset.to_string()
                prop:value=move || form.with(|f| get(f).offset.to_string()) />
            {utc}
        </div>
    }
}
