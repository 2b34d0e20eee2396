//! User endpoints: exclusion from marketing offers, `POST /user/external/advertisment` (sic).

use super::{UpstreamError, WatchersClient};
use crate::door::pass::Pass;
use crate::model::exclusion::MarketingExclusion;
use reqwest::Method;

impl WatchersClient {
    /// Excludes a user from all marketing offers (`value: true`) or includes them again.
    pub async fn set_marketing_exclusion(
        &self,
        pass: Pass,
        exclusion: &MarketingExclusion,
    ) -> Result<(), UpstreamError> {
        let url = self.url(&["user", "external", "advertisment"]);
        self.done(pass, Method::POST, url, |r| r.json(exclusion))
            .await
    }
}
