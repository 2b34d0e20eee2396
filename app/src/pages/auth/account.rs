//! `/account`: choose your time zone, keep your test audience and see the tests you sent to it,
//! and change your own password.

use super::test_audience::TestAudienceSection;
use super::time_zone::TimeZoneSection;
use crate::api::auth::ChangePassword;
use crate::components::form::{FieldError, form_outcome};
use crate::components::test_sends::TestSendsPanel;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AccountPage() -> impl IntoView {
    let change = ServerAction::<ChangePassword>::new();
    // How it ended shows at the top of the page (`LandedNote`); a refusal also by its field.
    let result = form_outcome(change);
    view! {
        <Title text="Your account" />
        <div class="page-head">
            <h1>"Your account"</h1>
        </div>
        <TimeZoneSection />
        <TestAudienceSection />
        <TestSendsPanel kind=None />
        <section class="panel">
            <h2>"Change password"</h2>
            <p class="muted">
                "At least 12 characters. Your other sessions end; this one stays signed in."
            </p>
            <ActionForm action=change attr:class="form">
                <label class="field">
                    <span>"Current password"</span>
                    <input type="password" name="current" autocomplete="current-password" required />
                    <FieldError result field="current" />
                </label>
                <label class="field">
                    <span>"New password"</span>
                    <input
                        type="password"
                        name="new_password"
                        autocomplete="new-password"
                        minlength="12"
                        required
                    />
                    <FieldError result field="new_password" />
                </label>
                <button class="button" type="submit">
                    "Change password"
                </button>
            </ActionForm>
        </section>
    }
}
