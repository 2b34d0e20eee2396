//! What a page shows instead of its content when something in it failed, and (on the server) the
//! status the page is answered with: the worst of its errors' own statuses, never 200.

use crate::error::AppError;
use leptos::prelude::*;

/// The fallback of the app's error boundary: every error in plain language, and a way on. On the
/// server it also sets the page's status from its errors (a 503 with `Retry-After`) and shows the
/// request's id to quote.
#[component]
pub fn ErrorPanel(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let status = errors
        .read_untracked()
        .iter()
        .map(|(_, err)| status_of(err))
        .max()
        .unwrap_or(500);
    let request_id = answer_with(status);
    let messages = move || {
        errors
            .get()
            .into_iter()
            .map(|(_, err)| view! { <li>{err.to_string()}</li> })
            .collect_view()
    };
    view! {
        <section class="panel panel--error" role="alert" data-status=status>
            <h1>"Something went wrong"</h1>
            <p>"This page could not be shown. Reload to try again, or go back to the overview."</p>
            <ul class="error-list">{messages}</ul>
            {request_id.map(|id| view! {
                <p class="muted">"If you report this, quote this id: " <code data-testid="request-id">{id}</code></p>
            })}
            <p>
                <a href="/">"Back to the overview"</a>
            </p>
        </section>
    }
}

/// The HTTP status an error in a page stands for: an [`AppError`]'s own, else 500.
fn status_of(err: &leptos::error::Error) -> u16 {
    err.downcast_ref::<AppError>().map_or(500, AppError::status)
}

/// On the server: answers the page with `status` (and `Retry-After` on 503), and gives the
/// request's id. Read synchronously while the panel is drawn, before anything awaits.
#[cfg(feature = "ssr")]
fn answer_with(status: u16) -> Option<String> {
    use axum::http::{HeaderValue, StatusCode, header, request::Parts};
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(code) = StatusCode::from_u16(status)
    {
        response.set_status(code);
        if code == StatusCode::SERVICE_UNAVAILABLE {
            response.insert_header(
                header::RETRY_AFTER,
                HeaderValue::from(crate::server::error_status::RETRY_AFTER_SECS),
            );
        }
    }
    leptos::reactive::owner::with_context::<Parts, _>(|parts| {
        crate::server::telemetry::request_id(&parts.headers)
    })
    .flatten()
}

/// In the browser the page's status was settled long ago, and the id is in its first answer.
#[cfg(not(feature = "ssr"))]
fn answer_with(_status: u16) -> Option<String> {
    None
}
