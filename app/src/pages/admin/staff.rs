//! `/staff`: who can sign in, with which role; add, change role, disable, reset passwords.

use crate::api::staff::{
    AddStaff, ResetStaffPassword, SetStaffDisabled, SetStaffRole, UnlockStaff, list_staff,
};
use crate::components::form::{FieldError, form_outcome};
use crate::components::time_zone::page_zone;
use crate::model::staff::{Role, StaffMember};
use crate::model::zone::{Tz, show_in};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn StaffPage() -> impl IntoView {
    let add = ServerAction::<AddStaff>::new();
    let set_role = ServerAction::<SetStaffRole>::new();
    let set_disabled = ServerAction::<SetStaffDisabled>::new();
    let reset = ServerAction::<ResetStaffPassword>::new();
    let unlock = ServerAction::<UnlockStaff>::new();
    let staff = Resource::new(
        move || {
            (
                add.version().get(),
                set_role.version().get(),
                set_disabled.version().get(),
                reset.version().get(),
                unlock.version().get(),
            )
        },
        |_| list_staff(),
    );
    // What each form did shows at the top of the page it lands on (`LandedNote`); a refused
    // add also by its field.
    let add_result = form_outcome(add);
    let zone = page_zone();
    view! {
        <Title text="Staff" />
        <div class="page-head">
            <h1>"Staff"</h1>
            <p class="lead">"Who can sign in to this dashboard, and what their role allows."</p>
        </div>
        <Suspense fallback=|| view! { <p class="muted">"Loading staff…"</p> }>
            <ErrorBoundary fallback=|errors| {
                view! { <crate::components::error_panel::ErrorPanel errors /> }
            }>
                {move || Suspend::new(async move {
                    let zone = zone.or_utc().await;
                    staff.await.map(|members| view! {
                        <StaffTable members zone set_role set_disabled reset unlock />
                    })
                })}
            </ErrorBoundary>
        </Suspense>
        <section class="panel">
            <h2>"Add a member of staff"</h2>
            <ActionForm action=add attr:class="form form--inline">
                <label class="field">
                    <span>"Username"</span>
                    <input name="username" required autocomplete="off" />
                    <FieldError result=add_result field="username" />
                </label>
                <label class="field">
                    <span>"Role"</span>
                    <RoleSelect selected=Role::Marketing />
                </label>
                <label class="field">
                    <span>"Password (12+ characters)"</span>
                    <input name="password" type="password" minlength="12" required autocomplete="new-password" />
                    <FieldError result=add_result field="password" />
                </label>
                <button class="button" type="submit">"Add"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn RoleSelect(
    selected: Role,
    /// The select's name for assistive technology when no `<label>` wraps it.
    #[prop(optional)]
    label: Option<String>,
) -> impl IntoView {
    view! {
        <select name="role" aria-label=label>
            {Role::ALL
                .into_iter()
                .map(|r| view! { <option value=r.as_str() selected=r == selected>{r.label()}</option> })
                .collect_view()}
        </select>
    }
}

#[component]
fn StaffTable(
    members: Vec<StaffMember>,
    /// The viewer's zone, for the last sign-in.
    zone: Tz,
    set_role: ServerAction<SetStaffRole>,
    set_disabled: ServerAction<SetStaffDisabled>,
    reset: ServerAction<ResetStaffPassword>,
    unlock: ServerAction<UnlockStaff>,
) -> impl IntoView {
    view! {
        <table class="table" data-testid="staff-table">
            <thead>
                <tr>
                    <th>"Username"</th>
                    <th>"Role"</th>
                    <th>"Status"</th>
                    <th>"Last sign-in"</th>
                    <th>"Actions"</th>
                </tr>
            </thead>
            <tbody>
                {members
                    .into_iter()
                    .map(|m| {
                        let name = m.username.clone();
                        let (for_role, for_disable, for_reset) = (name.clone(), name.clone(), name.clone());
                        let for_unlock = name.clone();
                        let reset_label = format!("New password for {name}");
                        let role_label = format!("Role of {name}");
                        view! {
                            <tr data-username=name.clone()>
                                <td>{name.clone()}</td>
                                <td>
                                    <ActionForm action=set_role attr:class="inline-form">
                                        <input type="hidden" name="username" value=for_role />
                                        <RoleSelect selected=m.role label=role_label />
                                        <button class="button button--small" type="submit">"Set role"</button>
                                    </ActionForm>
                                </td>
                                <td data-testid="staff-status">
                                    {if m.disabled { "Disabled" } else { "Active" }}
                                    {m.locked.then(move || view! {
                                        <span class="pill pill--refused">" Locked out"</span>
                                        <ActionForm action=unlock attr:class="inline-form">
                                            <input type="hidden" name="username" value=for_unlock />
                                            <button class="button button--small button--quiet" type="submit">"Unlock"</button>
                                        </ActionForm>
                                    })}
                                </td>
                                <td>{m.last_login_at.as_deref().map_or_else(|| "never".into(), |at| show_in(zone, at))}</td>
                                <td class="actions">
                                    <ActionForm action=set_disabled attr:class="inline-form">
                                        <input type="hidden" name="username" value=for_disable />
                                        <input type="hidden" name="disabled" value=(!m.disabled).to_string() />
                                        <button class="button button--small button--quiet" type="submit">
                                            {if m.disabled { "Enable" } else { "Disable" }}
                                        </button>
                                    </ActionForm>
                                    <ActionForm action=reset attr:class="inline-form">
                                        <input type="hidden" name="username" value=for_reset />
                                        <input
                                            name="password"
                                            type="password"
                                            minlength="12"
                                            required
                                            placeholder="New password"
                                            autocomplete="new-password"
                                            aria-label=reset_label
                                        />
                                        <button class="button button--small button--quiet" type="submit">"Reset password"</button>
                                    </ActionForm>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
