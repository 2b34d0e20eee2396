//! `set_exclusion`: excludes a user from all marketing offers (`excluded` true) or includes them
//! again, remembers it for the exclusion page, and goes back there, which says what it did.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "exclusions/set")]
pub async fn set_exclusion(user_id: String, excluded: bool) -> Result<(), AppError> {
    use crate::model::{exclusion, staff::Capability};
    use crate::server::{auth::guard, change::invalid, exclusions, landed};
    let (state, who) = guard::require(Capability::EditExclusions).await?;
    let user_id = exclusion::user_id(&user_id).map_err(invalid)?;
    let done = exclusion::confirmation(&user_id, excluded);
    exclusions::set(&state, &who, user_id, excluded).await?;
    landed::done(done);
    leptos_axum::redirect("/exclusions");
    Ok(())
}
