//! The live island in the browser: listens to its form, posts it as typed to the form's answer,
//! and puts the answer in place (see the module above for the markup).

use leptos::prelude::document;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{
    Element, Event, FormData, Headers, HtmlElement, HtmlFormElement, HtmlInputElement,
    HtmlTemplateElement, RequestInit, Response, SubmitEvent, UrlSearchParams,
};

/// One form brought to life.
struct Live {
    form: HtmlFormElement,
    /// The path of the server function that answers its live parts.
    answer: String,
    /// Whether an ask is on its way: one at a time, so fast typing costs the server one answer
    /// per round trip, not one per keystroke.
    in_flight: Cell<bool>,
    /// Whether the form changed while an ask was on its way: it is asked again when that returns.
    again: Cell<bool>,
    /// Whether the answer to the last ask is in (nothing is on its way).
    settled: Cell<bool>,
    /// The last answer's problems: field and message.
    problems: RefCell<Vec<(String, String)>>,
    /// A submit held until the answer on its way comes in, with the button that made it.
    held: RefCell<Option<Option<HtmlElement>>>,
    /// Set while a held submit is let through.
    passing: Cell<bool>,
    /// Set while a `data-repeat` press goes on, chunk after chunk.
    repeating: Cell<bool>,
}

/// Starts listening to the form with id `form`; its answers come from `answer`.
pub fn start(form: &str, answer: &str) {
    let Some(form) = document()
        .get_element_by_id(form)
        .and_then(|el| el.dyn_into::<HtmlFormElement>().ok())
    else {
        return;
    };
    let live = Rc::new(Live {
        form,
        answer: answer.to_owned(),
        in_flight: Cell::new(false),
        again: Cell::new(false),
        settled: Cell::new(true),
        problems: RefCell::new(Vec::new()),
        held: RefCell::new(None),
        passing: Cell::new(false),
        repeating: Cell::new(false),
    });
    fill_browser_zone(&live.form);
    show_when(&live.form);
    start_rows(&live.form);
    let typed = {
        let live = live.clone();
        Closure::<dyn Fn(Event)>::new(move |event: Event| {
            touch(&event);
            show_when(&live.form);
            ask(live.clone());
        })
    };
    let submitted = {
        let live = live.clone();
        Closure::<dyn Fn(SubmitEvent)>::new(move |event: SubmitEvent| submit(&live, &event))
    };
    let clicked = {
        let live = live.clone();
        Closure::<dyn Fn(Event)>::new(move |event: Event| click(&live, &event))
    };
    for (name, listener) in [
        ("input", typed.as_ref()),
        ("change", typed.as_ref()),
        ("submit", submitted.as_ref()),
        ("click", clicked.as_ref()),
    ] {
        let _ = live
            .form
            .add_event_listener_with_callback(name, listener.unchecked_ref());
    }
    // The listeners live as long as the page.
    typed.forget();
    submitted.forget();
    clicked.forget();
    // A first answer: the zone just filled in, and what was typed before the island ran.
    ask(live);
}

/// Marks the field an event came from as touched: its problems are shown from now on. Typing in
/// a field that picks a radio button (`data-picks`) picks it.
fn touch(event: &Event) {
    let Some(field) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    if field.has_attribute("data-wire") {
        let _ = field.set_attribute("data-touched", "");
    }
    let picked = field
        .get_attribute("data-picks")
        .and_then(|id| document().get_element_by_id(&id))
        .and_then(|radio| radio.dyn_into::<HtmlInputElement>().ok());
    if let Some(radio) = picked {
        radio.set_checked(true);
        let _ = radio.set_attribute("data-touched", "");
    }
    mirror(&field);
}

/// A colour typed or picked: its twin (`data-mirror`, the text beside a colour picker, or the
/// picker beside it) follows. A picker holds six-digit hex only, so it follows text only then.
fn mirror(field: &Element) {
    let Some(field) = field.dyn_ref::<HtmlInputElement>() else {
        return;
    };
    let twin = field
        .get_attribute("data-mirror")
        .and_then(|id| document().get_element_by_id(&id))
        .and_then(|twin| twin.dyn_into::<HtmlInputElement>().ok());
    let Some(twin) = twin else {
        return;
    };
    let value = field.value();
    if field.type_() == "color" {
        twin.set_value(&value);
        let _ = twin.set_attribute("data-touched", "");
    } else {
        let hex = value.trim();
        let six = hex.len() == 7
            && hex.starts_with('#')
            && hex[1..].chars().all(|c| c.is_ascii_hexdigit());
        if six {
            twin.set_value(&hex.to_ascii_lowercase());
        }
    }
}

/// Asks for the live parts of the form as typed now. While an ask is on its way the form is only
/// marked changed, and asked again as it stands when that answer returns (which is then dropped).
fn ask(live: Rc<Live>) {
    live.settled.set(false);
    if live.in_flight.get() {
        live.again.set(true);
        return;
    }
    live.in_flight.set(true);
    let body = form_body(&live.form);
    spawn_local(async move {
        let html = match body {
            Some(body) => fetch_answer(&live.answer, &body).await,
            None => None,
        };
        live.in_flight.set(false);
        if live.again.replace(false) {
            ask(live);
            return;
        }
        live.settled.set(true);
        if let Some(html) = &html {
            apply(&live, html);
        }
        let held = live.held.borrow_mut().take();
        if let Some(submitter) = held {
            // Without an answer the server judges the post itself.
            if html.is_none() || live.problems.borrow().is_empty() {
                pass(&live, submitter);
            } else {
                show_all(&live);
            }
        }
    });
}

/// The answer's HTML (the server function answers it as a JSON string), or `None` when it could
/// not be had: what is shown stays as it was.
async fn fetch_answer(url: &str, body: &str) -> Option<String> {
    let response = post(url, body).await?;
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    js_sys::JSON::parse(&text).ok()?.as_string()
}

/// Posts `body` (a form, URL-encoded) to the server function at `url`, asking for its JSON
/// answer; `None` unless it answered 2xx.
async fn post(url: &str, body: &str) -> Option<Response> {
    let headers = Headers::new().ok()?;
    headers
        .set("content-type", "application/x-www-form-urlencoded")
        .ok()?;
    headers.set("accept", "application/json").ok()?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(body));
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .ok()?
        .dyn_into::<Response>()
        .ok()?;
    response.ok().then_some(response)
}

/// A press of a `data-repeat` button ("Give back all"): the form is posted to its action, each
/// post one chunk the person asked for with this press, and its live parts drawn again after
/// each, while the answer says more is left (`data-more`) and no post failed. A failed
/// post is never sent again: the press stops there, saying so (`data-repeat-failed`).
fn repeat(live: Rc<Live>) {
    if live.repeating.replace(true) {
        return;
    }
    let failed = live
        .form
        .query_selector("[data-repeat-failed]")
        .ok()
        .flatten();
    if let Some(note) = &failed {
        let _ = note.set_attribute("hidden", "");
    }
    spawn_local(async move {
        let action = live.form.action();
        let stopped = loop {
            let Some(body) = form_body(&live.form) else {
                break true;
            };
            let sent = post(&action, &body).await.is_some();
            if let Some(html) = fetch_answer(&live.answer, &body).await {
                apply(&live, &html);
            }
            if !sent {
                break true;
            }
            if live
                .form
                .query_selector("[data-more]")
                .ok()
                .flatten()
                .is_none()
            {
                break false;
            }
        };
        live.repeating.set(false);
        if let (true, Some(note)) = (stopped, failed) {
            let _ = note.remove_attribute("hidden");
        }
    });
}

/// The form as it stands, URL-encoded.
fn form_body(form: &HtmlFormElement) -> Option<String> {
    FormData::new_with_form(form)
        .and_then(|data| UrlSearchParams::new_with_str_sequence_sequence(&data))
        .map(|params| String::from(params.to_string()))
        .ok()
}

/// Puts an answer in place: its regions, then its problems beside the touched fields.
fn apply(live: &Live, html: &str) {
    let Ok(template) = document().create_element("template") else {
        return;
    };
    let template = template.unchecked_into::<HtmlTemplateElement>();
    template.set_inner_html(html);
    let answer = template.content();
    for region in all(answer.query_selector_all("[data-live]")) {
        let name = region.get_attribute("data-live").unwrap_or_default();
        if let Ok(Some(target)) = live.form.query_selector(&format!("[data-live='{name}']")) {
            // A part the person opened (the payload, the click message) stays open.
            let open: Vec<bool> = all(target.query_selector_all("details"))
                .map(|d| d.has_attribute("open"))
                .collect();
            target.set_inner_html(&region.inner_html());
            // The island runs: the region's parts that need it show.
            for part in all(target.query_selector_all("[data-live-only][hidden]")) {
                let _ = part.remove_attribute("hidden");
            }
            for (details, open) in all(target.query_selector_all("details")).zip(open) {
                if open {
                    let _ = details.set_attribute("open", "");
                }
            }
        }
    }
    let problems = all(answer.query_selector_all("[data-problem]"))
        .map(|p| {
            let field = p.get_attribute("data-problem").unwrap_or_default();
            (field, p.text_content().unwrap_or_default())
        })
        .collect();
    *live.problems.borrow_mut() = problems;
    show(live, false);
}

/// Shows each problem beside its field: every field's when `every`, else the touched fields'
/// only. A refusal the page was drawn with stays until its field is touched.
fn show(live: &Live, every: bool) {
    let problems = live.problems.borrow();
    for span in all(live.form.query_selector_all("[data-problem-for]")) {
        let field = span.get_attribute("data-problem-for").unwrap_or_default();
        let touched = every
            || live
                .form
                .query_selector(&format!("[data-wire='{field}'][data-touched]"))
                .ok()
                .flatten()
                .is_some();
        if !touched && span.has_attribute("data-landed") {
            continue;
        }
        let _ = span.remove_attribute("data-landed");
        let message = problems
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
            .filter(|_| touched);
        span.set_text_content(message);
        let _ = match message {
            Some(_) => span.remove_attribute("hidden"),
            None => span.set_attribute("hidden", ""),
        };
    }
}

/// Shows every problem and takes the person to the first.
fn show_all(live: &Live) {
    show(live, true);
    let first = live
        .form
        .query_selector("[data-problem-for]:not([hidden])")
        .ok()
        .flatten()
        .and_then(|span| span.get_attribute("data-problem-for"))
        .and_then(|field| {
            let field = format!("[data-wire='{field}']");
            live.form.query_selector(&field).ok().flatten()
        });
    if let Some(field) = first.and_then(|f| f.dyn_into::<HtmlElement>().ok()) {
        let _ = field.focus();
    }
}

/// A submit: let through when the last answer found no problem; held while an answer is on its
/// way (and let through, or not, when it comes); kept on the page, every problem shown, else. A
/// button marked `formnovalidate` ("Save draft": a draft keeps what has problems) always goes.
/// A `data-repeat` button's press is the island's own ([`repeat`]); while one goes on, the form
/// is not posted.
fn submit(live: &Rc<Live>, event: &SubmitEvent) {
    if live.passing.replace(false) {
        return;
    }
    let submitter = event
        .submitter()
        .and_then(|s| s.dyn_into::<HtmlElement>().ok());
    if live.repeating.get() {
        event.prevent_default();
        return;
    }
    if submitter
        .as_ref()
        .is_some_and(|s| s.has_attribute("data-repeat"))
    {
        event.prevent_default();
        repeat(live.clone());
        return;
    }
    if submitter
        .as_ref()
        .is_some_and(|s| s.has_attribute("formnovalidate"))
    {
        return;
    }
    if live.settled.get() {
        if !live.problems.borrow().is_empty() {
            event.prevent_default();
            show_all(live);
        }
        return;
    }
    event.prevent_default();
    *live.held.borrow_mut() = Some(submitter);
}

/// Lets a held submit through, as the same button made it.
fn pass(live: &Live, submitter: Option<HtmlElement>) {
    live.passing.set(true);
    let sent = live.form.request_submit_with_submitter(submitter.as_ref());
    if sent.is_err() {
        live.passing.set(false);
    }
}

/// Fills the form's empty browser-zone input with the browser's own zone (`Europe/Berlin`). The
/// times such a form was drawn with are UTC: each is written again in the browser's zone, which
/// the server then reads them in.
fn fill_browser_zone(form: &HtmlFormElement) {
    let Some(input) = form
        .query_selector("input[data-browser-zone]")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    if !input.value().is_empty() {
        return;
    }
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    let zone = js_sys::Reflect::get(&format.resolved_options(), &JsValue::from_str("timeZone"))
        .ok()
        .and_then(|zone| zone.as_string());
    let Some(zone) = zone else {
        return;
    };
    input.set_value(&zone);
    let times = all(form.query_selector_all("input[type='datetime-local']"))
        .filter_map(|el| el.dyn_into::<HtmlInputElement>().ok());
    for time in times {
        if let Some(local) = utc_to_local(&time.value()) {
            time.set_value(&local);
        }
    }
}

/// A `datetime-local` value read as UTC, written in the browser's zone; `None` when empty or
/// unreadable.
fn utc_to_local(utc: &str) -> Option<String> {
    if utc.is_empty() {
        return None;
    }
    let date = js_sys::Date::new(&JsValue::from_str(&format!("{utc}Z")));
    if date.get_time().is_nan() {
        return None;
    }
    Some(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    ))
}

/// Shows each part marked `data-shown-when="<field>=<value>"` only while the form holds that value
/// there (a chosen radio button or option, a ticked box), and hides it else. Without JavaScript
/// every part shows.
fn show_when(form: &HtmlFormElement) {
    let Ok(data) = FormData::new_with_form(form) else {
        return;
    };
    for part in all(form.query_selector_all("[data-shown-when]")) {
        let rule = part.get_attribute("data-shown-when").unwrap_or_default();
        let Some((name, value)) = rule.split_once('=') else {
            continue;
        };
        let holds = data
            .get_all(name)
            .iter()
            .any(|v| v.as_string().as_deref() == Some(value));
        let _ = if holds {
            part.remove_attribute("hidden")
        } else {
            part.set_attribute("hidden", "")
        };
    }
}

/// Rows the person adds and removes (an advertisement's languages): parts that work only with
/// JavaScript (`data-live-only`, hidden without it) show, and the spare blank row drawn for a
/// form without JavaScript (`data-spare`) goes: "Add a language" adds rows instead.
fn start_rows(form: &HtmlFormElement) {
    show_live_only(form);
    for spare in all(form.query_selector_all("[data-row][data-spare]")) {
        spare.remove();
    }
    number_rows(form);
}

/// Shows the parts that work only with JavaScript (`data-live-only`), new rows' included.
fn show_live_only(form: &HtmlFormElement) {
    for part in all(form.query_selector_all("[data-live-only][hidden]")) {
        let _ = part.remove_attribute("hidden");
    }
}

/// A click on "Add" (`data-add-row`) or "Remove" (`data-remove-row`) of a row.
fn click(live: &Rc<Live>, event: &Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let within = |selector: &str| target.closest(selector).ok().flatten();
    if within("[data-add-row]").is_some() {
        add_row(&live.form);
    } else if let Some(row) =
        within("[data-remove-row]").and_then(|b| b.closest("[data-row]").ok().flatten())
    {
        remove_row(&live.form, &row);
        ask(live.clone());
    }
}

/// Adds a row, copied from the form's `<template data-row-template>` with its index (`__row__`)
/// the next one, and takes the person to its first field.
fn add_row(form: &HtmlFormElement) {
    let rows = form.query_selector("[data-rows]").ok().flatten();
    let template = form
        .query_selector("template[data-row-template]")
        .ok()
        .flatten()
        .and_then(|t| t.dyn_into::<HtmlTemplateElement>().ok());
    let (Some(rows), Some(template)) = (rows, template) else {
        return;
    };
    // Removed rows stay, blank and hidden, so indices are never used twice.
    let index = rows
        .query_selector_all("[data-row]")
        .map_or(0, |l| l.length());
    let html = template.inner_html().replace("__row__", &index.to_string());
    let _ = rows.insert_adjacent_html("beforeend", &html);
    show_live_only(form);
    number_rows(form);
    let first = rows
        .last_element_child()
        .and_then(|row| row.query_selector("input, textarea").ok().flatten())
        .and_then(|field| field.dyn_into::<HtmlElement>().ok());
    if let Some(field) = first {
        let _ = field.focus();
    }
}

/// Removes a row: its fields emptied (a blank row is not sent) and the row hidden.
fn remove_row(form: &HtmlFormElement, row: &Element) {
    for field in all(row.query_selector_all("input, textarea")) {
        if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
            input.set_value("");
        } else if let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.set_value("");
        }
    }
    let _ = row.set_attribute("hidden", "");
    number_rows(form);
}

/// Numbers the rows shown (`data-row-number`) from 1; the last one shown cannot be removed.
fn number_rows(form: &HtmlFormElement) {
    let shown: Vec<Element> =
        all(form.query_selector_all("[data-rows] [data-row]:not([hidden])")).collect();
    for (i, row) in shown.iter().enumerate() {
        if let Ok(Some(number)) = row.query_selector("[data-row-number]") {
            number.set_text_content(Some(&(i + 1).to_string()));
        }
        if let Ok(Some(remove)) = row.query_selector("[data-remove-row]") {
            let _ = match shown.len() {
                1 => remove.set_attribute("disabled", ""),
                _ => remove.remove_attribute("disabled"),
            };
        }
    }
}

/// The elements of a query's answer.
fn all(list: Result<web_sys::NodeList, JsValue>) -> impl Iterator<Item = Element> {
    let list = list.ok();
    let n = list.as_ref().map_or(0, |l| l.length());
    (0..n).filter_map(move |i| {
        list.as_ref()
            .and_then(|l| l.item(i))
            .and_then(|node| node.dyn_into::<Element>().ok())
    })
}
