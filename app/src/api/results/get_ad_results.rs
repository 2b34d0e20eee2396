//! `get_ad_results`: one advertisement's readings (views and messages over time, oldest first),
//! with how often they are taken and the server's clock, for its page.

use crate::error::AppError;
use crate::model::readings::AdReadings;
use leptos::prelude::*;

#[server(endpoint = "results/ad")]
pub async fn get_ad_results(id: i64) -> Result<AdReadings, AppError> {
    use crate::model::staff::Capability;
    use crate::server::{auth::guard, results};
    let (state, _) = guard::require(Capability::View).await?;
    let samples = results::samples(&state, id).await?;
    Ok(AdReadings {
        samples,
        every_seconds: u64::try_from(state.config.ad_sample_seconds).unwrap_or(0),
        now: state.clock.now(),
    })
}
