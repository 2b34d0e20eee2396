//! `add_staff`: a new account with the password the admin chose.

use crate::error::AppError;
use crate::model::staff::Role;
use leptos::prelude::*;

#[server(endpoint = "staff/add")]
pub async fn add_staff(username: String, role: Role, password: String) -> Result<(), AppError> {
    use crate::model::staff::{Capability, validate_password, validate_username};
    use crate::server::audit::{Outcome, record_quietly};
    use crate::server::auth::{guard, password as pw, staff};

    let (state, admin) = guard::require(Capability::ManageStaff).await?;
    let mut problems = validate_username(&username).into_vec();
    problems.extend(validate_password("password", &password, &username).into_vec());
    if let Some(problem) = problems.into_iter().next() {
        return Err(AppError::invalid(&problem.field, problem.message));
    }
    let hash = pw::hash(password).await.map_err(|err| {
        tracing::error!("cannot hash a password: {err}");
        AppError::Internal
    })?;
    let name = staff::normalize(&username);
    let added = staff::insert(&state.db, &name, role, &hash)
        .await
        .map_err(|err| {
            tracing::error!("cannot add staff: {err}");
            AppError::Internal
        })?;
    if !added {
        return Err(AppError::invalid(
            "username",
            format!("{name} already exists."),
        ));
    }
    record_quietly(
        &state.db,
        &admin.username,
        "add",
        "staff",
        Some(&name),
        Outcome::Ok,
        &format!("added {name} as {}", role.as_str()),
    )
    .await;
    Ok(())
}
