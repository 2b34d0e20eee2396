//! The dashboard's sections and the navigation between them.

use leptos::prelude::*;
use leptos_router::components::A;

/// One area of the dashboard, as the navigation and the overview list it.
pub struct Section {
    pub href: &'static str,
    pub label: &'static str,
    pub summary: &'static str,
}

pub const SECTIONS: [Section; 5] = [
    Section {
        href: "/badges",
        label: "Badges",
        summary: "Design badges with a live colour preview and hand them out to users.",
    },
    Section {
        href: "/offers",
        label: "Offers",
        summary: "Compose marketing offers (templates 10 and 11) and preview them before publishing.",
    },
    Section {
        href: "/advertisements",
        label: "Advertisements",
        summary: "Multi-language advertisements and winshare posts (template 12).",
    },
    Section {
        href: "/rooms",
        label: "Rooms",
        summary: "Schedule chat rooms, switch voice, change their status.",
    },
    Section {
        href: "/audit",
        label: "Audit log",
        summary: "Who changed what, when, and what the Watchers API answered.",
    },
];

/// Finds the section served at `href`.
pub fn section(href: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.href == href)
}

/// The main navigation; the link of the current section is marked `aria-current="page"`.
#[component]
pub fn MainNav() -> impl IntoView {
    view! {
        <nav class="main-nav" aria-label="Main">
            <ul>
                {SECTIONS
                    .iter()
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
