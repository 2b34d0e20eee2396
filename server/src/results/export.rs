//! `GET /advertisements/{id}/results.csv`: an advertisement's readings as a CSV download, for
//! anyone signed in who may read advertisements (the columns: `model::results::csv`).

use super::samples;
use crate::auth::session;
use crate::model::results::csv;
use crate::model::staff::Capability;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

/// `GET /advertisements/{id}/results.csv`.
pub async fn results_csv(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
) -> Response {
    if let Err(status) = session::allows(&session, &state, Capability::View).await {
        return status.into_response();
    }
    match samples(&state, id).await {
        Ok(samples) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"advertisement-{id}-results.csv\""),
                ),
            ],
            csv(id, &samples),
        )
            .into_response(),
        Err(err) => {
            tracing::error!(id, %err, "cannot export an advertisement's results");
            StatusCode::from_u16(err.status())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
                .into_response()
        }
    }
}
