//! `/approvals`: the viewer's own requests decided since they last opened them, requests waiting
//! for a second person (then the last decided), and which actions wait (administrators change
//! that here); `/approvals/:id` is one request (see [`request`]).

mod request;

pub use request::ApprovalPage;

use crate::api::approvals::{SetApprovalRules, list_approvals};
use crate::components::error_panel::ErrorPanel;
use crate::components::header::IfCan;
use crate::components::time_zone::page_zone;
use crate::model::approval::{Approval, ApprovalRule, ApprovalState, request_path};
use crate::model::staff::Capability;
use crate::model::zone::{Tz, show_in};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ApprovalsPage() -> impl IntoView {
    let save = ServerAction::<SetApprovalRules>::new();
    let page = Resource::new(move || save.version().get(), |_| list_approvals());
    let zone = page_zone();
    view! {
        <Title text="Waiting for approval" />
        <div class="page-head">
            <h1>"Waiting for approval"</h1>
            <p class="lead">"Actions that reach everyone can wait for a second person: another member of staff whose role allows the action approves (it is then sent, once) or rejects it with a reason."</p>
        </div>
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    let zone = zone.or_utc().await;
                    page.await.map(|p| view! {
                        <DecidedForYou list=p.unseen />
                        <RequestTable list=p.requests zone />
                        <Rules rules=p.rules hours=p.hours save />
                    })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

/// The viewer's own requests decided since they last opened them: each stays here (and counted
/// in the header) until they open it.
#[component]
fn DecidedForYou(list: Vec<Approval>) -> impl IntoView {
    (!list.is_empty()).then(|| view! {
        <section class="panel notice-panel" role="status" data-testid="decided-for-you">
            <h2>"Your requests, decided"</h2>
            <ul>
                {list.into_iter().map(|a| {
                    let what = format!("#{} {} “{}”", a.id, a.action.label(), a.label);
                    let how = match &a.decided_by {
                        Some(by) => format!(": {} (decided by {by})", a.state.label()),
                        None => format!(": {}", a.state.label()),
                    };
                    view! { <li data-request=a.id.to_string()><a href=request_path(a.id)>{what}</a>{how}</li> }
                }).collect_view()}
            </ul>
            <p class="muted">"Open one to read the decision; it then leaves this list."</p>
        </section>
    })
}

#[component]
fn RequestTable(list: Vec<Approval>, zone: Tz) -> impl IntoView {
    if list.is_empty() {
        return view! { <section class="panel"><p class="muted" data-testid="approvals-empty">"No requests yet."</p></section> }
            .into_any();
    }
    view! {
        <section class="panel">
            <table class="table" data-testid="approvals">
                <caption>"Requests: waiting ones first, then the last decided"</caption>
                <thead><tr>
                    <th scope="col">"Request"</th><th scope="col">"Asked by"</th>
                    <th scope="col">"State"</th><th scope="col">"Expires"</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|a| {
                        let what = format!("#{} {} “{}”", a.id, a.action.label(), a.label);
                        let state = if a.can_decide { "Waiting for you".to_owned() } else { a.state.label().to_owned() };
                        let expires = if a.state == ApprovalState::Pending { show_in(zone, &a.expires_at) } else { String::new() };
                        view! {
                            <tr data-request=a.id.to_string() data-state=a.state.as_str()>
                                <td><a href=request_path(a.id)>{what}</a></td>
                                <td>{format!("{} at {}", a.requested_by, show_in(zone, &a.requested_at))}</td>
                                <td>{state}</td>
                                <td>{expires}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
    .into_any()
}

/// Which actions wait: checkboxes for administrators, a list for everyone else.
#[component]
fn Rules(
    rules: Vec<ApprovalRule>,
    hours: i64,
    save: ServerAction<SetApprovalRules>,
) -> impl IntoView {
    let listed = rules.clone();
    let list = move || {
        listed
            .iter()
            .map(|r| {
                let state = if r.enabled {
                    "waits for a second person"
                } else {
                    "sent at once"
                };
                view! { <li>{format!("{}: {state}", r.action.label())}</li> }
            })
            .collect_view()
    };
    let boxes: Vec<(String, &'static str, bool)> = rules
        .iter()
        .map(|r| {
            (
                format!("rules[{}]", r.action.as_str()),
                r.action.label(),
                r.enabled,
            )
        })
        .collect();
    view! {
        <section class="panel" data-testid="approval-rules">
            <h2>"What waits for a second person"</h2>
            <ul>{list}</ul>
            <p class="muted">{format!("A request nobody decides expires after {hours} hours (DASHBOARD_APPROVAL_HOURS).")}</p>
            <IfCan capability=Capability::ManageStaff>
                <RulesEditor save boxes=boxes.clone() />
            </IfCan>
        </section>
    }
}

/// The administrators' checkboxes: (field name, label, ticked) per action. "Saved." shows at the
/// top of the page it lands on (`LandedNote`).
#[component]
fn RulesEditor(
    save: ServerAction<SetApprovalRules>,
    boxes: Vec<(String, &'static str, bool)>,
) -> impl IntoView {
    view! {
        <ActionForm action=save attr:class="form">
            <input type="hidden" name="rules[sent]" value="1" />
            <fieldset>
                <legend>"Needs a second approver (administrators choose)"</legend>
                {boxes.into_iter().map(|(name, label, checked)| view! {
                    <label class="check">
                        <input type="checkbox" name=name value="on" checked=checked />
                        {label}
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="form-actions">
                <button class="button" type="submit">"Save"</button>
            </div>
        </ActionForm>
    }
}
