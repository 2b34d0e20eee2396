//! The account page's test audience: the Watchers user ids and the room "Send a test to me" sends
//! to, kept for this person alone. A plain form: the textarea takes one id a line, and both
//! fields emptied clear it.

use crate::api::auth::SetTestAudience;
use crate::components::form::{FieldError, Outcome, form_outcome};
use crate::components::header::use_me;
use crate::model::staff::{Me, TEST_USER_IDS_MAX};
use leptos::prelude::*;

#[component]
pub fn TestAudienceSection() -> impl IntoView {
    let me = use_me();
    let set = ServerAction::<SetTestAudience>::new();
    // How a save ended shows at the top of the page it lands on (`LandedNote`); a refused id
    // also by its field.
    let result = form_outcome(set);
    view! {
        <section class="panel" id="test-audience" data-testid="test-audience-settings">
            <h2>"Your test audience"</h2>
            <p class="muted">
                "Where “Send a test to me” will send an offer or advertisement for you to check: these Watchers user ids (your own test accounts) and this room. They are yours alone; empty both fields to clear them."
            </p>
            <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    me.await.ok().flatten().map(|me| view! { <AudienceForm me set result /> })
                })}
            </Suspense>
        </section>
    }
}

/// The two fields, filled with what is kept.
#[component]
fn AudienceForm(me: Me, set: ServerAction<SetTestAudience>, result: Outcome) -> impl IntoView {
    let user_ids = me.test_audience.user_ids_text();
    let room_id = me.test_audience.room_id.unwrap_or_default();
    view! {
        <ActionForm action=set attr:class="form" attr:data-testid="test-audience-form">
            <div class="field">
                <label class="field__label" for="test-user-ids">"Test user ids (one per line)"</label>
                <textarea id="test-user-ids" name="test_user_ids" rows="4" autocomplete="off"
                    spellcheck="false" aria-describedby="test-user-ids-hint">{user_ids}</textarea>
                <span class="field__hint" id="test-user-ids-hint">
                    {format!("Watchers user ids, as in an offer's audience; at most {TEST_USER_IDS_MAX}.")}
                </span>
                <FieldError result field="test_user_ids" />
            </div>
            <div class="field">
                <label class="field__label" for="test-room-id">"Test room id"</label>
                <input id="test-room-id" name="test_room_id" value=room_id autocomplete="off"
                    spellcheck="false" placeholder="e.g. staff-test-room"
                    aria-describedby="test-room-id-hint" />
                <span class="field__hint" id="test-room-id-hint">
                    "One Watchers room id, as on the rooms page."
                </span>
                <FieldError result field="test_room_id" />
            </div>
            <button class="button" type="submit">"Save test audience"</button>
        </ActionForm>
    }
}
