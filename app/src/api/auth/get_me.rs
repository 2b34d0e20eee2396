//! `get_me`: who is signed in, or nobody; with the header's two approval counts, the zone
//! their pages show times in, and their test audience.

use crate::error::AppError;
use crate::model::staff::Me;
use leptos::prelude::*;

#[server(endpoint = "auth/me")]
pub async fn get_me() -> Result<Option<Me>, AppError> {
    use crate::server::{approvals, auth::guard::signed_in, zone};
    match signed_in().await {
        Ok((state, account)) => {
            let viewer = zone::viewer(&account);
            let counts = approvals::header_counts(&state, &account).await;
            Ok(Some(Me {
                waiting: counts.waiting,
                decided: counts.decided,
                zone: if viewer.undetected {
                    String::new()
                } else {
                    viewer.zone.name().to_owned()
                },
                zone_saved: viewer.saved,
                browser_zone: viewer
                    .browser
                    .map(|z| z.name().to_owned())
                    .unwrap_or_default(),
                username: account.username,
                role: account.role,
                test_audience: account.test_audience,
            }))
        }
        // Not an error here: the header simply shows nobody.
        Err(AppError::Unauthorized) => Ok(None),
        Err(err) => Err(err),
    }
}
