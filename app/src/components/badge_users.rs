//! Giving a badge to users, or taking it away: paste ids or upload a CSV; they are trimmed,
//! de-duplicated and counted before anything is sent, then sent in chunks with a progress bar and
//! a result per chunk. A failed chunk can be sent again alone. Without JavaScript the same form
//! sends one chunk.

use crate::api::badges::change_badge_users;
use crate::error::AppError;
use crate::model::badge::{USERS_CHUNK, UserIdList, UsersChanged, UsersMode};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
enum ChunkState {
    Waiting,
    Sending,
    Done(UsersChanged),
    Failed(AppError),
}

#[derive(Clone, Debug)]
struct Chunk {
    ids: Vec<String>,
    state: ChunkState,
}

fn parse_mode(value: &str) -> UsersMode {
    match value {
        "remove" => UsersMode::Remove,
        "replace" => UsersMode::Replace,
        _ => UsersMode::Add,
    }
}

/// Sends chunk `index`, records its outcome, and answers whether it went through.
async fn send_chunk(
    badge: i64,
    mode: UsersMode,
    index: usize,
    chunks: RwSignal<Vec<Chunk>>,
) -> bool {
    let Some(ids) = chunks.with_untracked(|c| c.get(index).map(|c| c.ids.join("\n"))) else {
        return false;
    };
    chunks.update(|c| c[index].state = ChunkState::Sending);
    let result = change_badge_users(badge, mode, ids, index as u32).await;
    let ok = result.is_ok();
    chunks.update(|c| {
        c[index].state = match result {
            Ok(changed) => ChunkState::Done(changed),
            Err(err) => ChunkState::Failed(err),
        }
    });
    ok
}

/// An island: reading the file, the chunks and their progress run in the browser.
#[island(lazy)]
pub fn BadgeUsersPanel(badge: i64) -> impl IntoView {
    super::island::mark_ready();
    let text = RwSignal::new(String::new());
    let mode = RwSignal::new(UsersMode::Add);
    let chunks = RwSignal::new(Vec::<Chunk>::new());
    let list = Memo::new(move |_| text.with(|t| UserIdList::parse(t)));
    let running = RwSignal::new(false);

    let start = move || {
        let parts = list.with_untracked(UserIdList::chunks);
        chunks.set(
            parts
                .into_iter()
                .map(|ids| Chunk {
                    ids,
                    state: ChunkState::Waiting,
                })
                .collect(),
        );
        running.set(true);
        let mode = mode.get_untracked();
        leptos::task::spawn_local(async move {
            let total = chunks.with_untracked(Vec::len);
            for index in 0..total {
                let sent = send_chunk(badge, mode, index, chunks).await;
                // A replace must not go on after its first chunk failed (the rest would only
                // add): the other chunks are marked not sent, each with its own retry.
                if !sent && mode == UsersMode::Replace && index == 0 {
                    let held = AppError::Invalid {
                        field: None,
                        message: "Not sent: the first chunk of the replace failed.".into(),
                    };
                    chunks.update(|c| {
                        for chunk in c.iter_mut().skip(1) {
                            chunk.state = ChunkState::Failed(held.clone());
                        }
                    });
                    break;
                }
            }
            running.set(false);
        });
    };
    let retry = move |index: usize| {
        let mode = mode.get_untracked();
        leptos::task::spawn_local(async move {
            send_chunk(badge, mode, index, chunks).await;
        });
    };

    let on_file = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                leptos::task::spawn_local(async move {
                    if let Ok(value) = wasm_bindgen_futures::JsFuture::from(file.text()).await
                        && let Some(content) = value.as_string()
                    {
                        text.set(content);
                    }
                });
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };

    let done = move || {
        chunks.with(|c| {
            c.iter()
                .filter(|c| matches!(c.state, ChunkState::Done(_) | ChunkState::Failed(_)))
                .count()
        })
    };
    let total_added = move || {
        chunks.with(|c| {
            c.iter()
                .filter_map(|c| match &c.state {
                    ChunkState::Done(r) => Some((r.added.unwrap_or(0), r.removed.unwrap_or(0))),
                    _ => None,
                })
                .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
        })
    };
    let failed_ids = move || {
        chunks.with(|c| {
            c.iter()
                .filter(|c| matches!(c.state, ChunkState::Failed(_)))
                .map(|c| c.ids.len())
                .sum::<usize>()
        })
    };

    view! {
        <section class="panel" data-testid="badge-users">
            <h2>"Users"</h2>
            <form
                method="post"
                action="/api/badges/users"
                class="form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    if !running.get_untracked() && !list.with_untracked(|l| l.ids.is_empty()) {
                        start();
                    }
                }
            >
                <input type="hidden" name="id" value=badge.to_string() />
                <input type="hidden" name="chunk" value="0" />
                <label class="field">
                    <span>"What to do"</span>
                    <select name="mode" on:change=move |ev| mode.set(parse_mode(&event_target_value(&ev)))>
                        <option value="add">"Give the badge to these users"</option>
                        <option value="remove">"Take the badge from these users"</option>
                        <option value="replace">"Replace: exactly these users have it"</option>
                    </select>
                </label>
                <label class="field">
                    <span>"User ids (commas, spaces or one per line)"</span>
                    <textarea name="ids" rows="5" prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </label>
                <label class="field">
                    <span>"…or a CSV file (one id per line, a header line is skipped)"</span>
                    <input type="file" accept=".csv,.txt,text/csv,text/plain" on:change=on_file data-testid="users-file" />
                </label>
                <p class="muted" data-testid="users-count">
                    {move || list.with(|l| {
                        if l.ids.is_empty() {
                            format!("No ids yet. Without JavaScript, send at most {USERS_CHUNK} at a time.")
                        } else {
                            let chunks = l.ids.len().div_ceil(USERS_CHUNK);
                            format!(
                                "{} unique ids ({} duplicates removed{}) — {} request(s) of at most {USERS_CHUNK}.",
                                l.ids.len(),
                                l.duplicates,
                                if l.header_skipped { ", header skipped" } else { "" },
                                chunks
                            )
                        }
                    })}
                </p>
                <button class="button" type="submit" disabled=move || running.get()>"Send"</button>
            </form>
            {move || (!chunks.with(Vec::is_empty)).then(|| {
                let total = chunks.with(Vec::len);
                view! {
                    <div class="progress">
                        <progress max=total value=done data-testid="users-progress"></progress>
                        <p data-testid="users-result">
                            {move || {
                                let (added, removed) = total_added();
                                let failed = failed_ids();
                                let mut parts = vec![format!("{} of {} request(s) done", done(), total)];
                                if added > 0 { parts.push(format!("{added} added")); }
                                if removed > 0 { parts.push(format!("{removed} removed")); }
                                if failed > 0 { parts.push(format!("{failed} ids not sent (retry below)")); }
                                parts.join(" · ")
                            }}
                        </p>
                        <ol class="chunks">
                            {move || chunks.get().into_iter().enumerate().map(|(index, chunk)| {
                                let label = format!("Ids {}–{}", index * USERS_CHUNK + 1, index * USERS_CHUNK + chunk.ids.len());
                                let state = match chunk.state {
                                    ChunkState::Waiting => view! { <span class="muted">"waiting"</span> }.into_any(),
                                    ChunkState::Sending => view! { <span class="muted">"sending…"</span> }.into_any(),
                                    ChunkState::Done(r) => view! {
                                        <span class="pill pill--ok">{match (r.added, r.removed, r.waiting) {
                                            (_, _, Some(w)) => format!("waiting for approval (request #{w})"),
                                            (Some(a), _, _) => format!("{a} added"),
                                            (_, Some(r), _) => format!("{r} removed"),
                                            _ => "done".into(),
                                        }}</span>
                                    }.into_any(),
                                    ChunkState::Failed(err) => view! {
                                        <span class="pill pill--failed">{err.to_string()}</span>
                                        <button type="button" class="button button--small button--quiet"
                                            on:click=move |_| retry(index)>"Retry"</button>
                                    }.into_any(),
                                };
                                view! { <li data-testid="users-chunk">{label} " " {state}</li> }
                            }).collect_view()}
                        </ol>
                    </div>
                }
            })}
        </section>
    }
}
