//! A second approver: the actions an administrator made wait become pending requests; another
//! member of staff whose role allows the action approves (sent exactly once) or rejects them
//! with a reason; unanswered ones expire. Every step is audited. Sending what was approved is
//! `approved`'s, above the areas whose changes it sends.

pub mod counts;

pub use counts::HeaderCounts;

/// The requests' table, in the storage room.
pub use crate::db::approvals as store;

use super::audit::{AuditEvent, Outcome, record_quietly};
use super::auth::staff::Account;
use super::state::AppState;
use crate::error::AppError;
use crate::model::approval::{
    self, Approval, ApprovalAction, ApprovalRule, ApprovalState, Payload,
};
use crate::model::staff::{Capability, Role};

/// Whether `action` waits for a second person now.
pub async fn required(state: &AppState, action: ApprovalAction) -> Result<bool, AppError> {
    let rules = store::rules(&state.db).await?;
    Ok(rules.iter().any(|r| r.action == action && r.enabled))
}

pub async fn rules(state: &AppState) -> Result<Vec<ApprovalRule>, AppError> {
    Ok(store::rules(&state.db).await?)
}

/// Turns each action's rule on or off (administrators only), audited when it changes.
pub async fn set_rules(
    state: &AppState,
    who: &Account,
    enabled: &[ApprovalAction],
) -> Result<Vec<ApprovalRule>, AppError> {
    let before = store::rules(&state.db).await?;
    for rule in before {
        let on = enabled.contains(&rule.action);
        if on == rule.enabled {
            continue;
        }
        store::set_rule(&state.db, rule.action, on, &who.username).await?;
        let summary = format!(
            "{}: {}",
            rule.action.label(),
            if on {
                "needs a second approver now"
            } else {
                "no longer needs a second approver"
            }
        );
        let event = AuditEvent::new(&who.username, rule.action.area(), "approval rule")
            .target(rule.action.as_str())
            .summary(summary);
        record_quietly(&state.db, event).await;
    }
    rules(state).await
}

/// Makes `action` with `payload` a pending request by `who`; answers its id. A request about
/// `subject` while another about it is open is refused with that one's id.
pub async fn request(
    state: &AppState,
    who: &Account,
    action: ApprovalAction,
    target: Option<String>,
    subject: Option<String>,
    label: &str,
    payload: &Payload,
) -> Result<i64, AppError> {
    let expires = state.clock.now() + state.config.approval_hours * 3600;
    let new = store::NewRequest {
        action,
        target: target.as_deref(),
        subject: subject.as_deref(),
        label,
        payload,
        by: &who.username,
        expires_at: expires,
    };
    let id = store::insert(&state.db, new)
        .await?
        .map_err(|request| AppError::AlreadyWaiting { request })?;
    state.approval_counts.changed().await;
    let mut event = AuditEvent::new(&who.username, action.area(), "request approval")
        .summary(format!(
            "asked for approval #{id}: {} “{label}”",
            action.label()
        ))
        .link(approval::request_path(id));
    if let Some(target) = target {
        event = event.target(target);
    }
    record_quietly(&state.db, event).await;
    Ok(id)
}

/// Requests past their time expire (audited once each).
pub async fn expire_due(state: &AppState) {
    match store::expire(&state.db, state.clock.now()).await {
        Ok(expired) => {
            if !expired.is_empty() {
                state.approval_counts.changed().await;
            }
            for (id, action, label, by) in expired {
                let area = ApprovalAction::parse(&action).map(ApprovalAction::area);
                let Some(area) = area else { continue };
                let event = AuditEvent::new("system", area, "approval expired")
                    .outcome(Outcome::Refused)
                    .summary(format!(
                        "approval #{id} (“{label}”, asked by {by}) expired unanswered"
                    ))
                    .link(approval::request_path(id));
                record_quietly(&state.db, event).await;
            }
        }
        Err(err) => {
            tracing::error!("cannot expire approval requests: {err}");
            state.breaker.note(&state.db, &err);
        }
    }
}

fn with_viewer(mut a: Approval, who: &Account) -> Approval {
    a.can_decide = a.state == ApprovalState::Pending
        && approval::may_decide(a.action, &a.requested_by, &who.username, who.role);
    a
}

/// Pending requests, then the last decided, as `who` sees them.
pub async fn list(state: &AppState, who: &Account) -> Result<Vec<Approval>, AppError> {
    expire_due(state).await;
    let all = store::list(&state.db).await?;
    Ok(all.into_iter().map(|a| with_viewer(a, who)).collect())
}

/// Request `id` with what it will send.
pub async fn get(state: &AppState, who: &Account, id: i64) -> Result<Approval, AppError> {
    expire_due(state).await;
    let found = store::get(&state.db, id).await?;
    found
        .map(|a| with_viewer(a, who))
        .ok_or_else(|| AppError::NotFound {
            what: "Approval request".into(),
        })
}

/// Request `id` as its page shows it to `who`. The requester opening it decided has seen the
/// decision: the header stops counting it for them.
pub async fn open(state: &AppState, who: &Account, id: i64) -> Result<Approval, AppError> {
    let request = get(state, who, id).await?;
    if request.state.is_decided() && request.requested_by == who.username {
        match store::seen(&state.db, id, &who.username).await {
            Ok(true) => state.approval_counts.changed().await,
            Ok(false) => {}
            Err(err) => {
                tracing::error!("cannot mark approval #{id} seen: {err}");
                state.breaker.note(&state.db, &err);
            }
        }
    }
    Ok(request)
}

/// `who`'s own requests decided since they last opened them, newest first.
pub async fn unseen(state: &AppState, who: &Account) -> Result<Vec<Approval>, AppError> {
    Ok(store::unseen(&state.db, &who.username).await?)
}

/// The header's two counts for `who`: pending requests they could decide, and their own requests
/// decided since they last opened them or past their time unanswered.
pub async fn header_counts(state: &AppState, who: &Account) -> HeaderCounts {
    // A read only, from memory (`counts`, judged against the clock now) but for the first after a
    // change: every page asks, so it neither expires nor writes anything. Not asked while the
    // database is known not to answer, so that a page does not wait out the pool before its 503.
    if state.breaker.is_open() {
        return HeaderCounts::default();
    }
    let counts = &state.approval_counts;
    match counts
        .for_header(&who.username, who.role, state.clock.now())
        .await
    {
        Ok(counts) => counts,
        Err(err) => {
            tracing::error!("cannot count approval requests: {err}");
            state.breaker.note(&state.db, &err);
            HeaderCounts::default()
        }
    }
}

/// Records `who`'s decision on request `id`: approved (it is `Sending` now, and the caller sends
/// it, once: `approved::decide`) or rejected. Only another member of staff whose role allows the
/// action may; a rejection needs a reason. Answers the request as it was asked for.
pub async fn decide(
    state: &AppState,
    who: &Account,
    id: i64,
    approve: bool,
    reason: &str,
) -> Result<Approval, AppError> {
    let reason = approval::reason(reason, !approve).map_err(super::change::invalid)?;
    let request = get(state, who, id).await?;
    if request.state != ApprovalState::Pending {
        return Err(AppError::invalid(
            "decision",
            format!(
                "This request is no longer waiting: {}.",
                request.state.label().to_lowercase()
            ),
        ));
    }
    if request.requested_by.eq_ignore_ascii_case(&who.username) {
        return Err(AppError::invalid(
            "decision",
            "You asked for this: another member of staff must approve or reject it.",
        ));
    }
    if !who.role.can(request.action.capability()) {
        return Err(AppError::Forbidden);
    }
    let to = if approve {
        ApprovalState::Sending
    } else {
        ApprovalState::Rejected
    };
    if !store::decide(&state.db, id, to, &who.username, &reason).await? {
        return Err(AppError::invalid(
            "decision",
            "Someone decided this request a moment ago.",
        ));
    }
    state.approval_counts.changed().await;
    let verb = if approve { "approve" } else { "reject" };
    let mut summary = format!(
        "{verb}d approval #{id}: {} “{}” (asked by {})",
        request.action.label(),
        request.label,
        request.requested_by
    );
    if !reason.is_empty() {
        summary.push_str(&format!("; reason: {reason}"));
    }
    let event = AuditEvent::new(&who.username, request.action.area(), verb)
        .summary(summary)
        .link(approval::request_path(id));
    record_quietly(&state.db, event).await;
    Ok(request)
}

/// Who may see the approvals pages: everyone whose role could ask for or decide one.
pub fn may_see(role: Role) -> bool {
    ApprovalAction::ALL.iter().any(|a| role.can(a.capability()))
        || role.can(Capability::ManageStaff)
}
