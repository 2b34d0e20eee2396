//! `/approvals/:id`: one request: what it is, who asked, exactly what approving it sends (the
//! composer's own preview for offers and advertisements), and approve / reject for those who may;
//! once decided, who decided it, when and why, and what was asked.

use crate::api::approvals::{DecideApproval, get_approval};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FieldError, form_outcome};
use crate::components::time_zone::page_zone;
use crate::model::approval::{Approval, ApprovalState, Payload, list_path};
use crate::model::zone::{Tz, show_in};
use crate::pages::marketing::MarketingPages;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ApprovalPage() -> impl IntoView {
    let id = crate::pages::route_id();
    let request = Resource::new(id, get_approval);
    let zone = page_zone();
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors /> }>
                {move || Suspend::new(async move {
                    let zone = zone.or_utc().await;
                    request.await.map(|a| view! { <Request a zone /> })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn Request(a: Approval, zone: Tz) -> impl IntoView {
    let title = format!("Approval request #{}", a.id);
    let pending = a.state == ApprovalState::Pending;
    // Waiting: when it expires. Decided: by whom, when and why.
    let when = if pending {
        view! { <dt>"Expires"</dt><dd>{show_in(zone, &a.expires_at)}</dd> }.into_any()
    } else {
        let at = a
            .decided_at
            .as_deref()
            .map(|t| show_in(zone, t))
            .unwrap_or_default();
        let by = match &a.decided_by {
            Some(by) => format!("by {by} at {at}"),
            None => format!("by nobody: it expired unanswered at {at}"),
        };
        let reason = a.reason.clone().filter(|r| !r.is_empty());
        view! {
            <dt>"Decided"</dt>
            <dd data-testid="approval-decided">
                {by}
                {reason.map(|r| view! { ": "<span data-testid="approval-reason">{r}</span> })}
            </dd>
        }
        .into_any()
    };
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
                <dt>"Asked by"</dt><dd>{format!("{} at {}", a.requested_by, show_in(zone, &a.requested_at))}</dd>
                {when}
                {outcome_line}
            </dl>
            {waiting_note}
            {a.can_decide.then(|| view! { <Decide id=a.id /> })}
        </section>
        <section class="panel" data-testid="approval-payload">
            <h2>{if pending { "What approving sends" } else { "What was asked" }}</h2>
            {a.payload.clone().map(|p| sent(p, !pending, zone))}
        </section>
    }
}

/// Exactly what the request sends; `asked` once it is decided (what was asked for); times in
/// `zone` with UTC beside.
fn sent(payload: Payload, asked: bool, zone: Tz) -> AnyView {
    match payload {
        Payload::Offer { form, target, .. } => marketing(&*form, target, asked),
        Payload::Advertisement { form, target, .. } => marketing(&*form, target, asked),
        Payload::DeleteRoom { room } => {
            let (verb, kept) = if asked {
                ("Asked to delete", "")
            } else {
                ("Deletes", " A copy is kept for “Restore”.")
            };
            view! {
                <p>{format!(
                    "{verb} room “{}” ({}), LIVE when asked, scheduled {} to {}.{kept}",
                    room.name.clone().unwrap_or_default(),
                    room.room_id,
                    room.start_time.as_deref().map_or_else(|| "—".into(), |t| show_in(zone, t)),
                    room.end_time.as_deref().map_or_else(|| "—".into(), |t| show_in(zone, t)),
                )}</p>
            }
            .into_any()
        }
        Payload::ReplaceUsers {
            badge_id,
            ids,
            total,
        } => {
            let shown = ids.len() as u32;
            let more = (total > shown).then(|| format!(" … and {} more", total - shown));
            let what = if asked {
                format!(
                    "Asked that badge #{badge_id}'s users become exactly these {total} ids (everyone else losing it):"
                )
            } else {
                format!(
                    "Badge #{badge_id}'s users become exactly these {total} ids (everyone else loses it):"
                )
            };
            view! {
                <p>{what}</p>
                <p class="id-list" data-testid="approval-ids">{ids.join(", ")}{more}</p>
            }
            .into_any()
        }
    }
}

fn marketing<F: MarketingPages>(form: &F, target: Option<i64>, asked: bool) -> AnyView {
    let kind = F::KIND.as_str();
    let what = match (target, asked) {
        (Some(id), false) => format!("Updates {kind} #{id} to this, for everyone (GLOBAL):"),
        (Some(id), true) => format!("Asked to update {kind} #{id} to this, for everyone (GLOBAL):"),
        (None, false) => format!("Publishes this new {kind} to everyone (GLOBAL):"),
        (None, true) => format!("Asked to publish this new {kind} to everyone (GLOBAL):"),
    };
    view! {
        <p>{what}</p>
        <div class="approval-preview">{F::preview(form.payload())}</div>
    }
    .into_any()
}

/// Approve (with an optional note) or reject (with a reason). How it ended shows at the top of the
/// request's page (`LandedNote`), where this form is gone once it is decided (a tab opened
/// earlier shows the refusal there too); a missing reason also by its field.
#[component]
fn Decide(id: i64) -> impl IntoView {
    let decide = ServerAction::<DecideApproval>::new();
    let result = form_outcome(decide);
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
        </ActionForm>
    }
}
