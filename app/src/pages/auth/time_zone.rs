//! The account page's time zone: the one every page, form and message shows this person's times
//! in, with UTC beside. Chosen from a searchable list of every IANA zone (an `<input list>`, which
//! works without JavaScript); until they choose, their browser's zone is offered in one click.

use crate::api::auth::SetTimeZone;
use crate::components::form::{FieldError, Outcome, form_outcome};
use crate::components::header::use_me;
use crate::model::staff::Me;
use crate::model::zone::{all_zones, describe_zone, parse_zone};
use leptos::prelude::*;

#[component]
pub fn TimeZoneSection() -> impl IntoView {
    let me = use_me();
    let set = ServerAction::<SetTimeZone>::new();
    // How a save ended shows at the top of the page it lands on (`LandedNote`); a refused name
    // also by its field.
    let result = form_outcome(set);
    view! {
        <section class="panel" data-testid="time-zone-settings">
            <h2>"Your time zone"</h2>
            <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    me.await.ok().flatten().map(|me| view! { <ZoneForm me set result /> })
                })}
            </Suspense>
        </section>
    }
}

/// The zone in use now, the browser's offered while none is chosen, and the list to choose from.
#[component]
fn ZoneForm(me: Me, set: ServerAction<SetTimeZone>, result: Outcome) -> impl IntoView {
    let now = chrono::Utc::now();
    let zone = parse_zone(&me.zone);
    let in_use = match zone {
        Some(zone) if me.zone_saved => format!(
            "Your times are shown in {}, with UTC beside them, on every page and in every form.",
            describe_zone(zone, now)
        ),
        Some(zone) => format!(
            "You have not chosen a time zone yet: your times are shown in your browser's, {}, with UTC beside them.",
            describe_zone(zone, now)
        ),
        None => "You have not chosen a time zone yet: your times are shown in UTC.".to_owned(),
    };
    // Before a choice, the browser's zone in one click (known once `/zone.js` has told it).
    let offer = parse_zone(&me.browser_zone)
        .filter(|_| !me.zone_saved)
        .map(|browser| {
            let name = browser.name();
            view! {
                <ActionForm action=set attr:class="form form--inline" attr:data-testid="browser-zone">
                    <input type="hidden" name="time_zone" value=name />
                    <button class="button" type="submit">{format!("Use {name} (your browser's zone)")}</button>
                </ActionForm>
            }
        });
    let ask_browser = me.zone.is_empty();
    view! {
        {ask_browser.then(|| view! { <script src="/zone.js" defer></script> })}
        <p data-testid="time-zone-now">{in_use}</p>
        {offer}
        <ActionForm action=set attr:class="form" attr:data-testid="time-zone-form">
            <div class="field">
                <label class="field__label" for="time-zone">"Time zone"</label>
                <input id="time-zone" name="time_zone" list="time-zones" value=me.zone.clone()
                    required autocomplete="off" spellcheck="false" placeholder="e.g. Europe/Berlin"
                    aria-describedby="time-zone-hint" />
                <span class="field__hint" id="time-zone-hint">
                    "Type part of a name to search the list, e.g. Tokyo or Berlin."
                </span>
                <FieldError result field="time_zone" />
            </div>
            <datalist id="time-zones">
                {all_zones().map(|name| view! { <option value=name></option> }).collect_view()}
            </datalist>
            <button class="button" type="submit">"Save time zone"</button>
        </ActionForm>
    }
}
