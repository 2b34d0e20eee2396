//! `/approvals/:id`: one request: what it is, who asked, exactly what approving it sends (the
//! composer's own preview for offers and advertisements), and approve / reject for those who may.

use crate::api::approvals::{DecideApproval, get_approval};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FieldError, ResultNote, outcome};
use crate::model::approval::{Approval, ApprovalState, Payload, list_path};
use crate::pages::marketing::MarketingPages;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ApprovalPage() -> impl IntoView {
    let id = crate::pages::route_id();
    let request = Resource::new(id, get_approval);
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move { request.await.map(|a| view! { <Request a /> }) })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn Request(a: Approval) -> impl IntoView {
    let title = format!("Approval request #{}", a.id);
    let decided = a.decided_by.clone().map(|by| {
        let reason = a.reason.clone().filter(|r| !r.is_empty());
        view! {
            <dt>"Decided"</dt><dd>{format!("by {by} at {}", a.decided_at.clone().unwrap_or_default())}</dd>
            {reason.map(|r| view! { <dt>"Reason"</dt><dd data-testid="approval-reason">{r}</dd> })}
        }
    });
    let outcome_line = a
        .outcome
        .clone()
        .map(|o| view! { <dt>"Sent"</dt><dd data-testid="approval-outcome">{o}</dd> });
    let waiting_note = (a.state == ApprovalState::Pending && !a.can_decide).then(|| view! {
        <p class="muted" data-testid="approval-waiting">"Waiting for another member of staff whose role allows this: the person who asked cannot approve it."</p>
    });
    view! {
        <Title text=title.clone() />
        <div class="page-head">
            <p class="muted"><a href=list_path()>"← Waiting for approval"</a></p>
            <h1>{title}</h1>
            <p class="lead">{format!("{}: “{}”", a.action.label(), a.label)}</p>
        </div>
        <section class="panel" data-testid="approval">
            <dl class="facts">
                <dt>"State"</dt><dd data-testid="approval-state">{a.state.label()}</dd>
                <dt>"Asked by"</dt><dd>{format!("{} at {}", a.requested_by, a.requested_at)}</dd>
                <dt>"Expires"</dt><dd>{a.expires_at.clone()}</dd>
                {decided}
                {outcome_line}
            </dl>
            {waiting_note}
            {a.can_decide.then(|| view! { <Decide id=a.id /> })}
        </section>
        <section class="panel">
            <h2>"What approving sends"</h2>
            {a.payload.clone().map(sent)}
        </section>
    }
}

/// Exactly what the request sends.
fn sent(payload: Payload) -> AnyView {
    match payload {
        Payload::Offer { form, target, .. } => marketing(&*form, target),
        Payload::Advertisement { form, target, .. } => marketing(&*form, target),
        Payload::DeleteRoom { room } => view! {
            <p>{format!(
                "Deletes room “{}” ({}), LIVE when asked, scheduled {} to {} UTC. A copy is kept for “Restore”.",
                room.name.clone().unwrap_or_default(),
                room.room_id,
                room.start_time.clone().unwrap_or_else(|| "—".into()),
                room.end_time.clone().unwrap_or_else(|| "—".into()),
            )}</p>
        }
        .into_any(),
        Payload::ReplaceUsers { badge_id, ids, total } => {
            let shown = ids.len() as u32;
            let more = (total > shown).then(|| format!(" … and {} more", total - shown));
            view! {
                <p>{format!("Badge #{badge_id}'s users become exactly these {total} ids (everyone else loses it):")}</p>
                <p class="id-list" data-testid="approval-ids">{ids.join(", ")}{more}</p>
            }
            .into_any()
        }
    }
}

fn marketing<F: MarketingPages>(form: &F, target: Option<i64>) -> AnyView {
    let what = match target {
        Some(id) => format!(
            "Updates {} #{id} to this, for everyone (GLOBAL):",
            F::KIND.as_str()
        ),
        None => format!(
            "Publishes this new {} to everyone (GLOBAL):",
            F::KIND.as_str()
        ),
    };
    view! {
        <p>{what}</p>
        <div class="approval-preview">{F::preview(form.payload())}</div>
    }
    .into_any()
}

/// Approve (with an optional note) or reject (with a reason).
#[component]
fn Decide(id: i64) -> impl IntoView {
    let decide = ServerAction::<DecideApproval>::new();
    let result = outcome(decide.value());
    view! {
        <ActionForm action=decide attr:class="form" attr:data-testid="decide-form">
            <input type="hidden" name="id" value=id.to_string() />
            <label class="field"><span>"Reason (needed to reject; a note when approving)"</span>
                <textarea name="reason" rows="2" maxlength="500"></textarea>
                <FieldError result field="reason" /></label>
            <div class="form-actions">
                <button class="button" type="submit" name="decision" value="approve">"Approve and send"</button>
                <button class="button button--danger" type="submit" name="decision" value="reject">"Reject"</button>
            </div>
            <FieldError result field="decision" />
            <ResultNote result ok="Decided." />
        </ActionForm>
    }
}
