//! "Test sends": the tests a person sent themself with "Send a test to me", newest first, each
//! with what it is, when it was sent and where it stands (live until …, removed at …, removal
//! failed: why, next try at …), times in their zone with UTC beside, and "Remove now" while it is
//! up. On each composer (that kind's) and on the account page (every kind). Plain forms outside
//! any island: they work without JavaScript, and what a removal did shows at the top of the page
//! it lands on. Also the "Test" mark the lists and the item pages put on a test.

use super::error_panel::ErrorPanel;
use super::header::use_me;
use super::table::captioned_table;
use super::time_zone::page_zone;
use crate::api::test_sends::{RemoveTestSend, list_test_sends};
use crate::model::draft::DraftKind;
use crate::model::staff::{Capability, Role};
use crate::model::test_send::{TestSend, TestSendState};
use crate::model::zone::{Tz, show_in};
use leptos::prelude::*;

/// Whether `role` may send tests of `kind` (of either kind when `None`).
fn may_send(role: Role, kind: Option<DraftKind>) -> bool {
    match kind {
        Some(kind) => role.can(kind.capability()),
        None => role.can(Capability::EditOffers) || role.can(Capability::EditAdvertisements),
    }
}

/// The panel of the signed-in person's tests of `kind` (a composer), or of every kind (`None`:
/// the account page); nothing for a role that cannot send tests.
#[component]
pub fn TestSendsPanel(kind: Option<DraftKind>) -> impl IntoView {
    let me = use_me();
    let zone = page_zone();
    let tests = Resource::new(move || kind, list_test_sends);
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading your test sends…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    let may = me.await.ok().flatten().is_some_and(|me| may_send(me.role, kind));
                    let zone = zone.or_utc().await;
                    tests
                        .await
                        .map(|list| may.then(|| view! { <TestSendsSection list kind zone /> }))
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn TestSendsSection(list: Vec<TestSend>, kind: Option<DraftKind>, zone: Tz) -> impl IntoView {
    let what = match kind {
        Some(kind) => format!("The {}s", kind.as_str()),
        None => "The offers and advertisements".to_owned(),
    };
    let intro = format!(
        "{what} you sent yourself with “Send a test to me”, newest first. Each reaches your own test audience alone, and the dashboard removes it after its time; “Remove now” removes it at once."
    );
    let body = if list.is_empty() {
        view! { <p class="muted" data-testid="test-sends-empty">"No tests sent yet."</p> }
            .into_any()
    } else {
        view! { <TestSendTable list zone /> }.into_any()
    };
    view! {
        <section class="panel" id="test-sends" data-testid="test-sends"
            aria-labelledby="test-sends-heading">
            <h2 id="test-sends-heading">"Test sends"</h2>
            <p class="muted">{intro}</p>
            {body}
        </section>
    }
}

#[component]
fn TestSendTable(list: Vec<TestSend>, zone: Tz) -> impl IntoView {
    let remove = ServerAction::<RemoveTestSend>::new();
    let caption = format!(
        "Your tests, newest first; times in {} with UTC beside",
        zone.name()
    );
    let rows = list
        .into_iter()
        .map(|test| test_row(test, zone, remove))
        .collect_view();
    captioned_table(
        "test-sends-table",
        caption,
        &["Test", "Kind", "Sent", "State", "Remove"],
        rows,
    )
}

/// One test's row: its name (a link to the item while it is up), kind, when it was sent, its
/// state, and "Remove now" while it is up (live, or its removal failed).
fn test_row(test: TestSend, zone: Tz, remove: ServerAction<RemoveTestSend>) -> impl IntoView {
    let (state, look, detail) = state_words(&test, zone);
    let up = !matches!(test.state, TestSendState::Removed { .. });
    let name = match test.upstream_id.filter(|_| up) {
        Some(id) => view! { <a href=format!("{}/{id}", test.kind.base())>{test.label.clone()}</a> }
            .into_any(),
        None => view! { <span>{test.label.clone()}</span> }.into_any(),
    };
    let action = up.then(|| {
        view! {
            <ActionForm action=remove attr:class="form form--inline">
                <input type="hidden" name="kind" value=test.kind.as_str() />
                <input type="hidden" name="id" value=test.id.to_string() />
                <button class="button button--small" type="submit"
                    aria-label=format!("Remove now: {}", test.label)
                    data-testid="remove-test-send">"Remove now"</button>
            </ActionForm>
        }
    });
    view! {
        <tr data-testid="test-send" data-test-send=test.id.to_string() data-state=state>
            <th scope="row">{name}</th>
            <td>{test.kind.noun()}</td>
            <td>{show_in(zone, &test.sent_at)}</td>
            <td><span class=format!("pill pill--{look}")>{state_label(state)}</span>" "{detail}</td>
            <td>{match action {
                Some(form) => form.into_any(),
                None => view! { <span class="muted">"—"</span> }.into_any(),
            }}</td>
        </tr>
    }
}

/// Where `test` stands: its state's name (`live`, `removed`, `failed`), the look of its mark, and
/// the rest in words, times in `zone` with UTC beside.
fn state_words(test: &TestSend, zone: Tz) -> (&'static str, &'static str, String) {
    match &test.state {
        TestSendState::Live => (
            "live",
            "live",
            format!("until {}", show_in(zone, &test.remove_at)),
        ),
        TestSendState::Removed { at } => ("removed", "ended", format!("at {}", show_in(zone, at))),
        TestSendState::Failed { why, next_try } => {
            let next = match next_try {
                Some(next) => format!("next try at {}", show_in(zone, next)),
                None => "no further try is planned: press “Remove now”".to_owned(),
            };
            let tries = match test.attempts {
                1 => "1 try".to_owned(),
                n => format!("{n} tries"),
            };
            ("failed", "failed", format!("{why} ({tries}) — {next}."))
        }
    }
}

/// What a state's mark says.
fn state_label(state: &str) -> &'static str {
    match state {
        "live" => "Live",
        "removed" => "Removed",
        _ => "Removal failed:",
    }
}

/// The mark a test carries wherever an item shows: in the lists, on its own page.
#[component]
pub fn TestMark() -> impl IntoView {
    view! {
        <span class="pill pill--test" data-testid="test-mark"
            title="A test sent with “Send a test to me”, to its sender’s test audience alone">"Test"</span>
    }
}
