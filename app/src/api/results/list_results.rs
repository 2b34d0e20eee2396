//! `list_results`: the Results page: every advertisement with its readings within a date range
//! read in the viewer's zone, in the order asked for.

use crate::error::AppError;
use crate::model::readings::{ResultsQuery, ResultsView};
use leptos::prelude::*;

#[server(endpoint = "results/list")]
pub async fn list_results(query: ResultsQuery) -> Result<ResultsView, AppError> {
    use crate::model::readings::{Dir, SortBy, read_range, sort};
    use crate::model::staff::Capability;
    use crate::model::zone::describe_zone;
    use crate::server::{auth::guard, results, zone};
    let (state, who) = guard::require(Capability::View).await?;
    let viewer = zone::viewer(&who);
    let range = read_range(viewer.zone, &query.from, &query.to);
    let mut rows = results::overview(&state, range.from, range.to).await?;
    let by = SortBy::parse(&query.sort).unwrap_or_default();
    let dir = Dir::parse(&query.dir).unwrap_or_default();
    sort(&mut rows, by, dir);
    Ok(ResultsView {
        rows,
        sort: by,
        dir,
        problems: range.problems,
        zone: viewer.zone.name().to_owned(),
        zone_label: describe_zone(viewer.zone, chrono::Utc::now()),
        detect_zone: viewer.undetected,
        every_seconds: u64::try_from(state.config.ad_sample_seconds).unwrap_or(0),
        query,
    })
}
