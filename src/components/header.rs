//! The page header: product name, the SANDBOX or LIVE badge with the region, and the navigation.

use super::nav::MainNav;
use crate::api::system::get_shell_info;
use crate::model::deployment::{Mode, ShellInfo};
use leptos::prelude::*;

#[component]
pub fn AppHeader() -> impl IntoView {
    let info = OnceResource::new(get_shell_info());
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
            </div>
            <MainNav />
        </header>
    }
}

/// SANDBOX or LIVE, and the region, always in view so nobody mistakes one for the other.
#[component]
fn DeploymentBadge(info: ShellInfo) -> impl IntoView {
    let (class, title) = match info.mode {
        Mode::Sandbox => (
            "env-badge env-badge--sandbox",
            "Changes go to the built-in sandbox, never to Watchers.",
        ),
        Mode::Live => (
            "env-badge env-badge--live",
            "Changes go to the live Watchers API.",
        ),
    };
    view! {
        <div class="deployment" data-testid="deployment">
            <span class=class title=title data-testid="mode-badge">
                {info.mode.badge()}
            </span>
            <span class="region" title=info.region.host() data-testid="region">
                {format!("{} · {}", info.region.code().to_uppercase(), info.region.name())}
            </span>
        </div>
    }
}
