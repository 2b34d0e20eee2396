//! Planning views shared by the calendar, the item pages and the composers: clash warnings, each
//! its sentence with its rule's name after it, and the "why won't it show?" checklist.

use crate::api::plan::{explain_item, item_clashes};
use crate::model::clash::Clash;
use crate::model::explain::{ExplainQuery, Explained, Mark, Verdict};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The clashes, each its sentence first and its rule's name after it, quietly; nothing when there
/// are none.
#[component]
pub fn ClashList(
    clashes: Vec<Clash>,
    #[prop(optional)] heading: Option<&'static str>,
) -> impl IntoView {
    (!clashes.is_empty()).then(|| {
        let count = clashes.len();
        view! {
            <section class="panel panel--warning" data-testid="clashes" aria-labelledby="clashes-heading">
                <h2 id="clashes-heading">{heading}{format!(" ({count})")}</h2>
                <ul class="clash-list">
                    {clashes.into_iter().map(|c| view! {
                        <li data-testid="clash" data-rule=c.rule.as_str()>
                            {c.sentence}" "<span class="rule-name">{c.rule.as_str()}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// A clash check's outcome: the clashes under `heading`, the sentence `none` when there are
/// none, or why it could not be made.
pub fn clash_outcome(
    result: Result<Vec<Clash>, crate::error::AppError>,
    none: &'static str,
    heading: &'static str,
) -> AnyView {
    match result {
        Ok(list) if list.is_empty() => {
            view! { <p class="muted" data-testid="no-clashes">{none}</p> }.into_any()
        }
        Ok(list) => view! { <ClashList clashes=list heading /> }.into_any(),
        Err(err) => view! {
            <p class="muted" role="status">{format!("Clashes could not be checked: {err}")}</p>
        }
        .into_any(),
    }
}

/// The clashes of published item `id` of `kind` (`offer`, `advertisement`).
#[component]
pub fn ItemClashes(kind: &'static str, id: i64) -> impl IntoView {
    let clashes = Resource::new(move || id, move |id| item_clashes(kind.to_owned(), id));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                clash_outcome(clashes.await, "No clashes with other offers, advertisements or rooms.", "Clashes")
            })}
        </Suspense>
    }
}

fn mark_text(mark: Mark) -> (&'static str, &'static str) {
    match mark {
        Mark::Pass => ("✓ passes", "check check--pass"),
        Mark::Block => ("✗ blocks", "check check--block"),
        Mark::Info => ("i for information", "check check--info"),
        Mark::Unknown => ("? not known", "check check--unknown"),
    }
}

/// The answer; `now` when it was asked for the present moment.
fn answer_view(explained: Explained, now: bool) -> impl IntoView {
    let (verdict_class, outcome) = match explained.answer.outcome {
        Verdict::Shows => ("verdict verdict--shows", "shows"),
        Verdict::Blocked => ("verdict verdict--blocked", "blocked"),
        Verdict::Unknown => ("verdict verdict--unknown", "unknown"),
    };
    let when = if now { "now, " } else { "" };
    view! {
        <p class=verdict_class data-testid="verdict" data-outcome=outcome role="status">{explained.answer.verdict}</p>
        <p class="muted" data-testid="asked-for">{format!("Asked for {when}{}; times in {} with UTC beside.", explained.at, explained.zone_label)}</p>
        <table class="table" data-testid="checklist">
            <caption>"What decides it"</caption>
            <thead><tr><th scope="col">"Check"</th><th scope="col">"Result"</th><th scope="col">"What it used"</th></tr></thead>
            <tbody>
                {explained.answer.lines.into_iter().map(|line| {
                    let (text, class) = mark_text(line.mark);
                    view! {
                        <tr data-testid="check" data-mark=format!("{:?}", line.mark).to_lowercase()>
                            <th scope="row">{line.check}</th>
                            <td class=class>{text}</td>
                            <td>{line.detail}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// "Why won't it show?" for published item `id` of `kind`: a GET form (user, room, moment) on
/// the item's own page, and the checklist once a user is given. Its "Now" button asks for the
/// present, whatever moment is typed; a moment asked for now is not written back into the field,
/// so the next question is for now again.
#[component]
pub fn Explainer(kind: &'static str, id: i64, base: &'static str) -> impl IntoView {
    let query = use_query_map();
    let asked = move || {
        query.with(|q| ExplainQuery {
            user: q.get("user").unwrap_or_default(),
            room: q.get("room").unwrap_or_default(),
            at: q.get("at").unwrap_or_default(),
            now: q.get("now").is_some_and(|v| !v.is_empty()),
        })
    };
    let answer = Resource::new(asked, move |q| async move {
        if q.user.trim().is_empty() {
            return None;
        }
        Some(explain_item(kind.to_owned(), id, q).await)
    });
    let action = format!("{base}/{id}");
    view! {
        <section class="panel" data-testid="explainer" aria-labelledby="explainer-heading">
            <h2 id="explainer-heading">"Why won’t it show?"</h2>
            <p class="muted">"Give a user id, and a room and a moment if you like (in your time zone; now when empty, or press Now)."</p>
            <Suspense fallback=|| view! { <p class="muted">"Checking…"</p> }>
                {move || {
                let action = action.clone();
                Suspend::new(async move {
                    let q = asked();
                    let result = answer.await;
                    let (problem_field, problem) = match &result {
                        Some(Err(crate::error::AppError::Invalid { field, message })) => (field.clone(), Some(message.clone())),
                        _ => (None, None),
                    };
                    // Only a moment chosen stays in the field: one asked for now stays now.
                    let now = q.now || q.at.trim().is_empty();
                    let at_value = match &result {
                        _ if now => String::new(),
                        Some(Ok(e)) => e.at_input.clone(),
                        _ => q.at.clone(),
                    };
                    let error_for = move |f: &str| {
                        let wire = match f {
                            "user" => "user_id",
                            "room" => "room_id",
                            _ => f,
                        };
                        matches!(problem_field.as_deref(), Some(p) if p == f || p == wire)
                            .then(|| view! { <span class="field-error" role="alert" id=format!("explain-{f}-error")>{problem.clone()}</span> })
                    };
                    view! {
                        <form method="get" action=action.clone() class="form form--inline filters" data-testid="explain-form">
                            <label class="field">
                                <span>"User id"</span>
                                <input type="text" name="user" value=q.user.clone() required=true autocomplete="off" />
                                {error_for("user")}
                            </label>
                            <label class="field">
                                <span>"Room id (optional)"</span>
                                <input type="text" name="room" value=q.room.clone() autocomplete="off" />
                                {error_for("room")}
                            </label>
                            <label class="field">
                                <span>"Moment (optional)"</span>
                                <input type="datetime-local" name="at" value=at_value />
                                {error_for("at")}
                            </label>
                            // "Explain" first: Enter in a field presses it, and asks for the moment typed.
                            <div class="button-row">
                                <button class="button" type="submit">"Explain"</button>
                                <button class="button button--quiet" type="submit" name="now" value="1">"Now"</button>
                            </div>
                        </form>
                        {match result {
                            Some(Ok(explained)) => Some(answer_view(explained, now).into_any()),
                            Some(Err(crate::error::AppError::Invalid { .. })) | None => None,
                            Some(Err(err)) => Some(view! { <p class="form-error" role="status">{format!("It could not be checked: {err}")}</p> }.into_any()),
                        }}
                    }
                })}}
            </Suspense>
        </section>
    }
}
