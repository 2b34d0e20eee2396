//! The page header: product name, the SANDBOX or LIVE badge with the region, the navigation the
//! signed-in person's role allows, who is signed in, and the approval requests for them: to
//! decide, and their own decided since they last looked.

use super::nav::MainNav;
use crate::api::auth::get_me;
use crate::api::system::get_shell_info;
use crate::error::AppError;
use crate::model::deployment::{Mode, Platform, ShellInfo};
use crate::model::staff::{Capability, Me};
use leptos::prelude::*;

/// Who is signed in, loaded once per page and shared through context.
pub type MeResource = OnceResource<Result<Option<Me>, AppError>>;

pub fn provide_me() -> MeResource {
    let me = OnceResource::new(get_me());
    provide_context(me);
    me
}

pub fn use_me() -> MeResource {
    expect_context::<MeResource>()
}

#[component]
pub fn AppHeader() -> impl IntoView {
    let info = OnceResource::new(get_shell_info());
    let me = use_me();
    view! {
        <header class="app-header">
            <div class="app-header__bar">
                <a class="brand" href="/">
                    <span class="brand__mark" aria-hidden="true">"W"</span>
                    <span class="brand__name">"Watchers Dashboard"</span>
                </a>
                <Suspense fallback=|| view! { <span class="env-badge">"…"</span> }>
                    {move || Suspend::new(async move {
                        match info.await {
                            Ok(info) => view! { <DeploymentBadge info /> }.into_any(),
                            Err(err) => {
                                view! {
                                    <span class="env-badge env-badge--unknown" title=err.to_string()>
                                        "MODE UNKNOWN"
                                    </span>
                                }
                                    .into_any()
                            }
                        }
                    })}
                </Suspense>
                <Suspense>
                    {move || Suspend::new(async move {
                        me.await.ok().flatten().map(|me| view! { <UserMenu me /> })
                    })}
                </Suspense>
            </div>
            <Suspense>
                {move || Suspend::new(async move {
                    me.await.ok().flatten().map(|me| view! { <MainNav role=me.role /> })
                })}
            </Suspense>
        </header>
    }
}

/// The signed-in person, a link to their account and a sign-out button (a form: no JS needed),
/// after the requests they could decide and their own decided but not yet opened.
#[component]
fn UserMenu(me: Me) -> impl IntoView {
    view! {
        <div class="user-menu" data-testid="user-menu">
            {(me.waiting > 0).then(|| view! {
                <a href="/approvals" class="approvals-count" data-testid="approvals-count">
                    "Waiting for approval "
                    <span class="count-pill">{me.waiting}</span>
                </a>
            })}
            {(me.decided > 0).then(|| view! {
                <a href="/approvals" class="approvals-count" data-testid="decided-count">
                    "Your requests decided "
                    <span class="count-pill">{me.decided}</span>
                </a>
            })}
            <a href="/account" class="user-menu__name">
                {me.username}
                <span class="role-pill">{me.role.label()}</span>
            </a>
            <form method="post" action="/auth/logout">
                <button type="submit" class="button button--small button--quiet">
                    "Sign out"
                </button>
            </form>
        </div>
    }
}

/// SANDBOX or LIVE for each platform, and Watchers' region, always in view so nobody mistakes
/// one for the other.
#[component]
fn DeploymentBadge(info: ShellInfo) -> impl IntoView {
    let look = |mode: Mode, platform: Platform| match mode {
        Mode::Sandbox => (
            "env-badge env-badge--sandbox",
            format!("{platform}: changes go to the built-in sandbox, never to {platform}."),
        ),
        Mode::Live => (
            "env-badge env-badge--live",
            format!("{platform}: changes go to the live {platform} API."),
        ),
    };
    let (class, title) = look(info.mode, Platform::Watchers);
    let (tm_class, tm_title) = look(info.tagmango_mode, Platform::TagMango);
    view! {
        <div class="deployment" data-testid="deployment">
            <span class=class title=title data-testid="mode-badge">
                {info.mode.badge()}
            </span>
            <span class=tm_class title=tm_title data-testid="tagmango-mode">
                {format!("TagMango {}", info.tagmango_mode.badge())}
            </span>
            <span class="region" title=info.region.host() data-testid="region">
                {format!("{} · {}", info.region.code().to_uppercase(), info.region.name())}
            </span>
        </div>
    }
}

/// `children`, shown only when the signed-in person's role allows `capability` (the server
/// refuses everyone else anyway; this keeps buttons they cannot use off their pages).
#[component]
pub fn IfCan(capability: Capability, children: ChildrenFn) -> impl IntoView {
    let me = use_me();
    view! {
        <Suspense>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    let can = me.await.ok().flatten().is_some_and(|m| m.role.can(capability));
                    can.then(|| children())
                })
            }}
        </Suspense>
    }
}
