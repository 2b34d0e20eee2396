//! `set_exclusion`: excludes a user from all marketing offers (`excluded` true) or includes them
//! again, then remembers it for the exclusion page.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "exclusions/set")]
pub async fn set_exclusion(user_id: String, excluded: bool) -> Result<(), AppError> {
    use crate::model::exclusion::MarketingExclusion;
    use crate::model::staff::Capability;
    use crate::server::change::{Change, change, with_status};
    use crate::server::{auth::guard, exclusions};
    let (state, who) = guard::require(Capability::EditExclusions).await?;
    let user_id = user_id.trim().to_owned();
    if user_id.is_empty() {
        return Err(with_status(AppError::invalid(
            "user_id",
            "Enter a user id.",
        )));
    }
    if user_id.chars().count() > 200 || user_id.chars().any(char::is_control) {
        return Err(with_status(AppError::invalid(
            "user_id",
            "A user id is one line of at most 200 characters.",
        )));
    }
    let verb = if excluded {
        "excluded"
    } else {
        "included again"
    };
    let body = MarketingExclusion {
        decrypted_user_id: user_id.clone(),
        value: excluded,
    };
    change(
        &state,
        &who,
        Change {
            action: if excluded { "exclude" } else { "include" },
            area: "exclusions",
            target: Some(user_id.clone()),
            summary: format!("{verb} user {user_id} from marketing offers"),
            what: format!("User {user_id}"),
        },
        state.upstream.set_marketing_exclusion(&body),
    )
    .await?;
    if let Err(err) = exclusions::remember(&state.db, &user_id, excluded, &who.username).await {
        tracing::error!("cannot remember an exclusion: {err}");
    }
    Ok(())
}
