//! The dashboard's sections and the navigation between them.

use crate::model::staff::Role;
use leptos::prelude::*;
use leptos_router::components::A;

/// One area of the dashboard, as the navigation and the overview list it.
pub struct Section {
    pub href: &'static str,
    pub label: &'static str,
    pub summary: &'static str,
    /// Shown to admins only (the server refuses everyone else anyway).
    pub admin_only: bool,
}

pub const SECTIONS: [Section; 8] = [
    Section {
        href: "/badges",
        label: "Badges",
        summary: "Design badges with a live colour preview and hand them out to users.",
        admin_only: false,
    },
    Section {
        href: "/offers",
        label: "Offers",
        summary: "Compose marketing offers (templates 10 and 11) and preview them before publishing.",
        admin_only: false,
    },
    Section {
        href: "/advertisements",
        label: "Advertisements",
        summary: "Multi-language advertisements and winshare posts (template 12).",
        admin_only: false,
    },
    Section {
        href: "/rooms",
        label: "Rooms",
        summary: "Schedule chat rooms, switch voice, change their status.",
        admin_only: false,
    },
    Section {
        href: "/calendar",
        label: "Calendar",
        summary: "Rooms, offers and advertisements on one timeline, with the clashes between them.",
        admin_only: false,
    },
    Section {
        href: "/approvals",
        label: "Approvals",
        summary: "Actions that reach everyone, waiting for a second person to approve them.",
        admin_only: false,
    },
    Section {
        href: "/audit",
        label: "Audit log",
        summary: "Who changed what, when, and what the Watchers API answered.",
        admin_only: true,
    },
    Section {
        href: "/staff",
        label: "Staff",
        summary: "Who can sign in, and with which role.",
        admin_only: true,
    },
];

/// Finds the section served at `href`.
pub fn section(href: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.href == href)
}

/// The sections `role` may see.
pub fn visible_sections(role: Role) -> impl Iterator<Item = &'static Section> {
    SECTIONS
        .iter()
        .filter(move |s| !s.admin_only || role == Role::Admin)
}

/// The main navigation; the link of the current section is marked `aria-current="page"`.
#[component]
pub fn MainNav(role: Role) -> impl IntoView {
    view! {
        <nav class="main-nav" aria-label="Main">
            <ul>
                {visible_sections(role)
                    .map(|s| {
                        view! {
                            <li>
                                <A href=s.href>{s.label}</A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
