//! `get_shell_info`: the deployment facts every page header shows.
//!
//! Open to anonymous callers on purpose: it tells exactly what `GET /healthz` tells, nothing secret.

use crate::error::AppError;
use crate::model::deployment::ShellInfo;
use leptos::prelude::*;

#[server(endpoint = "system/shell-info")]
pub async fn get_shell_info() -> Result<ShellInfo, AppError> {
    let state = use_context::<crate::server::state::AppState>().ok_or(AppError::Internal)?;
    Ok(state.shell_info())
}
