//! `set_exclusion`: excludes a user from all marketing offers (`excluded` true) or includes them
//! again, remembers it for the exclusion page, and goes back there to confirm it.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "exclusions/set")]
pub async fn set_exclusion(user_id: String, excluded: bool) -> Result<(), AppError> {
    use crate::model::{exclusion, staff::Capability};
    use crate::server::{auth::guard, change::invalid, exclusions};
    let (state, who) = guard::require(Capability::EditExclusions).await?;
    let user_id = exclusion::user_id(&user_id).map_err(invalid)?;
    let back = exclusion::changed_path(&user_id);
    exclusions::set(&state, &who, user_id, excluded).await?;
    leptos_axum::redirect(&back);
    Ok(())
}
