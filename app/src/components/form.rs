//! Form helpers: what a form's post did, on the page it lands on (a notice at the top, the
//! refusal also by its field), a server function's error shown next to its field, and a result
//! line for islands.
//!
//! A page outside an island posts its forms as plain HTML, with JavaScript or without, and the
//! browser lands on a page drawn anew: `server::landed` keeps what the post did for that page,
//! and [`LandedNote`] and [`form_outcome`] show it. An island's action shows its own outcome in
//! the browser ([`outcome`]); what its plain post did shows in the page's [`LandedNote`] only, as
//! the browser, which never learns it, must draw the island as the server did.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// How the last submission of a form ended, without its value: `None` before any.
pub type Outcome = Signal<Option<Result<(), AppError>>>;

/// The outcome of an action's value, e.g. `outcome(action.value())`: in an island.
pub fn outcome<T, V>(value: V) -> Outcome
where
    T: Clone + Send + Sync + 'static,
    V: Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    Signal::derive(move || value.get().map(|r| r.map(|_| ())))
}

/// The outcome of a form outside an island: its action's value, or what its last post did when
/// this page is where it landed.
pub fn form_outcome<S>(action: ServerAction<S>) -> Outcome
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    let sent = outcome(action.value());
    let landed = landed()
        .filter(|(form, _)| form == S::PATH)
        .map(|(_, result)| result.map(|_| ()));
    Signal::derive(move || sent.get().or_else(|| landed.clone()))
}

/// Why the last post to server function `form` (its path) was refused, when this page is where it
/// landed: for a form drawn on the server, which shows it by its field.
pub fn landed_refusal(form: &str) -> Option<AppError> {
    landed()
        .filter(|(path, _)| path == form)
        .and_then(|(_, result)| result.err())
}

/// The arguments of the last post to server function `S` as typed, when it was refused and this
/// page is where it landed (for the server functions that keep them: `landed::KEEPS_TYPED`): a
/// form drawn on the server draws them again.
pub fn landed_typed<S>() -> Option<S>
where
    S: ServerFn + serde::de::DeserializeOwned,
{
    #[cfg(feature = "ssr")]
    {
        crate::server::landed::typed::<S>(S::PATH)
    }
    #[cfg(not(feature = "ssr"))]
    None
}

/// What the last post did, when this page is where it landed: the server function's path, and
/// what it said it did or why it was refused.
#[cfg(feature = "ssr")]
fn landed() -> Option<(String, Result<Option<String>, AppError>)> {
    use crate::server::landed::Landed;
    leptos::reactive::owner::with_context::<axum::http::request::Parts, _>(|parts| {
        parts
            .extensions
            .get::<Landed>()
            .map(|landed| (landed.form.clone(), landed.result.clone()))
    })
    .flatten()
}

/// In the browser nothing lands: pages are drawn by the server.
#[cfg(not(feature = "ssr"))]
fn landed() -> Option<(String, Result<Option<String>, AppError>)> {
    None
}

/// At the top of the page a post landed on: what it did (unless the page says it itself), or why
/// it was refused, with the page that says more (an approval request).
#[component]
pub fn LandedNote() -> impl IntoView {
    match landed().map(|(_, result)| result) {
        Some(Ok(Some(text))) => Some(
            view! { <p class="notice" role="status" data-testid="landed">{text}</p> }.into_any(),
        ),
        Some(Err(err)) => {
            let link = err
                .link()
                .map(|href| view! { " " <a href=href>"Open the request"</a> });
            Some(
                view! {
                    <p class="form-error" role="alert" data-testid="landed">
                        {err.to_string()}
                        {link}
                    </p>
                }
                .into_any(),
            )
        }
        Some(Ok(None)) | None => None,
    }
}

/// The message of `result` when it is an error about `field`.
#[component]
pub fn FieldError(result: Outcome, #[prop(into)] field: String) -> impl IntoView {
    move || match result.get() {
        Some(Err(err)) if err.field() == Some(field.as_str()) => Some(view! {
            <span class="field-error" role="alert" data-field=field.clone()>
                {err.to_string()}
            </span>
        }),
        _ => None,
    }
}

/// "Done" after success, or an error that belongs to no field: in an island.
#[component]
pub fn ResultNote(result: Outcome, ok: &'static str) -> impl IntoView {
    move || match result.get() {
        Some(Ok(())) => Some(view! { <p class="notice" role="status">{ok}</p> }.into_any()),
        Some(Err(err)) if err.field().is_none() => {
            Some(view! { <p class="form-error" role="alert">{err.to_string()}</p> }.into_any())
        }
        _ => None,
    }
}
