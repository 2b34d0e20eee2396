//! The dashboard's sections and the navigation between them.

use crate::model::staff::{Capability, Role};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// One area of the dashboard, as the navigation and the overview list it.
pub struct Section {
    pub href: &'static str,
    pub label: &'static str,
    pub summary: &'static str,
    /// Shown to the roles that may do this (the server refuses everyone else anyway).
    pub needs: Capability,
}

pub const SECTIONS: [Section; 10] = [
    Section {
        href: "/badges",
        label: "Badges",
        summary: "Design badges with a live colour preview and hand them out to users.",
        needs: Capability::View,
    },
    Section {
        href: "/offers",
        label: "Offers",
        summary: "Compose marketing offers (templates 10 and 11) and preview them before publishing.",
        needs: Capability::View,
    },
    Section {
        href: "/advertisements",
        label: "Advertisements",
        summary: "Multi-language advertisements and winshare posts (template 12).",
        needs: Capability::View,
    },
    Section {
        href: "/results",
        label: "Results",
        summary: "Advertisements side by side: views, messages and views per message over time.",
        needs: Capability::View,
    },
    Section {
        href: "/exclusions",
        label: "User exclusions",
        summary: "Leave a user out of every marketing offer, or let them in again.",
        needs: Capability::EditExclusions,
    },
    Section {
        href: "/rooms",
        label: "Rooms",
        summary: "Schedule chat rooms, switch voice, change their status.",
        needs: Capability::View,
    },
    Section {
        href: "/calendar",
        label: "Calendar",
        summary: "Rooms, offers and advertisements on one timeline, with the clashes between them.",
        needs: Capability::View,
    },
    Section {
        href: "/approvals",
        label: "Approvals",
        summary: "Actions that reach everyone, waiting for a second person to approve them.",
        needs: Capability::View,
    },
    Section {
        href: "/audit",
        label: "Audit log",
        summary: "Who changed what, when, and what the Watchers API answered.",
        needs: Capability::ViewAudit,
    },
    Section {
        href: "/staff",
        label: "Staff",
        summary: "Who can sign in, and with which role.",
        needs: Capability::ManageStaff,
    },
];

/// Finds the section served at `href`.
pub fn section(href: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.href == href)
}

/// The sections `role` may see.
pub fn visible_sections(role: Role) -> impl Iterator<Item = &'static Section> {
    SECTIONS.iter().filter(move |s| role.can(s.needs))
}

/// Whether the page at `path` belongs to the section at `href` (the section's own page or one
/// below it).
fn within(path: &str, href: &str) -> bool {
    path.strip_prefix(href)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The main navigation; the link of the current section is marked `aria-current="page"`. Plain
/// links, the current one worked out once: pages are drawn on the server only, so the router's
/// `<A>` (a memo and a resolved path per link) had nothing to follow.
#[component]
pub fn MainNav(role: Role) -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    view! {
        <nav class="main-nav" aria-label="Main">
            <ul>
                {visible_sections(role)
                    .map(|s| {
                        let current = within(&path, s.href).then_some("page");
                        view! {
                            <li>
                                <a href=s.href aria-current=current>{s.label}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::within;

    #[test]
    fn a_section_holds_its_page_and_those_below_it_only() {
        assert!(within("/badges", "/badges"));
        assert!(within("/badges/7/edit", "/badges"));
        assert!(!within("/badgesx", "/badges"));
        assert!(!within("/", "/badges"));
    }
}
