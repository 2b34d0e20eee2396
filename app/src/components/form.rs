//! Form helpers: a server function's error shown next to its field, and a result line.

use crate::error::AppError;
use leptos::prelude::*;

/// How the last submission of a form ended, without its value: `None` before any.
pub type Outcome = Signal<Option<Result<(), AppError>>>;

/// The outcome of an action's value, e.g. `outcome(action.value())`.
pub fn outcome<T, V>(value: V) -> Outcome
where
    T: Clone + Send + Sync + 'static,
    V: Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    Signal::derive(move || value.get().map(|r| r.map(|_| ())))
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

/// "Done" after success, or an error that belongs to no field.
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

/// The buttons under an editor: submit (`submit`), cancel (back to `cancel`), and how the last
/// submission ended (`ok` when it went through).
#[component]
pub fn FormActions(
    submit: &'static str,
    #[prop(into)] cancel: String,
    result: Outcome,
    ok: &'static str,
) -> impl IntoView {
    view! {
        <div class="form-actions">
            <button class="button" type="submit">{submit}</button>
            <a class="button button--quiet" href=cancel>"Cancel"</a>
            <ResultNote result ok />
        </div>
    }
}
