//! What the platform reported about the targeted rooms and users on the last publish.

use crate::model::loose::ExternalId;
use crate::model::targeting::PublishReport;
use crate::model::zone::{Tz, show_in};
use leptos::prelude::*;

fn ids(list: &[ExternalId]) -> String {
    if list.is_empty() {
        "none".into()
    } else {
        list.iter()
            .map(ExternalId::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[component]
pub fn TargetingReport(
    report: Option<PublishReport>,
    /// The viewer's zone, for when it was published (UTC beside).
    zone: Tz,
) -> impl IntoView {
    let Some(report) = report else {
        return view! {
            <section class="panel" data-testid="targeting">
                <h2>"Targeting report"</h2>
                <p class="muted">"Not published through this dashboard, so there is no report."</p>
            </section>
        }
        .into_any();
    };
    let when = format!(
        "Published {} by {}.",
        show_in(zone, &report.published_at),
        report.published_by
    );
    let body = match report.targeting {
        None => {
            view! { <p class="muted">"Watchers did not report availability for this change."</p> }
                .into_any()
        }
        Some(t) => {
            let has_users = !t.available_external_user_ids.is_empty()
                || !t.unavailable_external_user_ids.is_empty();
            let unavailable = !t.unavailable_external_room_ids.is_empty()
                || !t.unavailable_external_user_ids.is_empty();
            view! {
                {unavailable.then(|| view! {
                    <p class="form-error" role="status">"Some targets were reported unavailable: they will not see it."</p>
                })}
                <dl class="facts">
                    <dt>"Rooms available"</dt><dd data-testid="rooms-available">{ids(&t.available_external_room_ids)}</dd>
                    <dt>"Rooms unavailable"</dt><dd data-testid="rooms-unavailable">{ids(&t.unavailable_external_room_ids)}</dd>
                    {has_users.then(|| view! {
                        <dt>"Users available"</dt><dd data-testid="users-available">{ids(&t.available_external_user_ids)}</dd>
                        <dt>"Users unavailable"</dt><dd data-testid="users-unavailable">{ids(&t.unavailable_external_user_ids)}</dd>
                    })}
                </dl>
            }
            .into_any()
        }
    };
    view! {
        <section class="panel" data-testid="targeting">
            <h2>"Targeting report"</h2>
            <p class="muted">{when}</p>
            {body}
        </section>
    }
    .into_any()
}
