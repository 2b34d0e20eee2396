//! `/login`: a plain HTML form posted to `/auth/login`, so it works without JavaScript. A failed
//! attempt comes back here with the username kept and one message for any wrong combination.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

fn message(error: &str, retry_secs: u64) -> Option<String> {
    let minutes = retry_secs.div_ceil(60).max(1);
    match error {
        "invalid" => Some("Wrong username or password.".into()),
        "throttled" => Some(format!(
            "Too many failed sign-ins from your address. Try again in {minutes} minute(s)."
        )),
        "locked" => Some(format!(
            "Too many failed sign-ins for this username. Try again in {minutes} minute(s), or ask an administrator to unlock it."
        )),
        "busy" => Some("Many sign-ins are being checked right now. Try again in a moment.".into()),
        "unavailable" => Some("The dashboard's database is not answering, so no one can sign in right now. Nothing was changed. Try again in a minute.".into()),
        _ => None,
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let get = move |key: &str| query.with_untracked(|q| q.get(key).unwrap_or_default());
    let retry = get("retry").parse::<u64>().unwrap_or(60);
    let error = message(&get("error"), retry);
    let signed_out = !get("signed_out").is_empty();
    let next = get("next");
    let username = get("username");
    let focus_password = !username.is_empty();
    view! {
        <Title text="Sign in" />
        <section class="auth-card">
            <h1>"Sign in"</h1>
            <p class="muted">"Staff of this Watchers project only."</p>
            {signed_out
                .then(|| view! { <p class="notice" data-testid="signed-out">"You have signed out."</p> })}
            {error
                .map(|m| {
                    view! {
                        <p class="form-error" role="alert" data-testid="login-error">
                            {m}
                        </p>
                    }
                })}
            <form method="post" action="/auth/login" class="form">
                <input type="hidden" name="next" value=next />
                <label class="field">
                    <span>"Username"</span>
                    <input
                        name="username"
                        autocomplete="username"
                        required
                        value=username
                        autofocus=!focus_password
                    />
                </label>
                <label class="field">
                    <span>"Password"</span>
                    <input
                        type="password"
                        name="password"
                        autocomplete="current-password"
                        required
                        autofocus=focus_password
                    />
                </label>
                <button class="button" type="submit">
                    "Sign in"
                </button>
            </form>
        </section>
    }
}
