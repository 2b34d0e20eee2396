//! Advertisement endpoints: `/external/advertisement` (JSON bodies).

use super::offers::parse_update;
use super::{UpstreamError, WatchersClient};
use crate::model::advertisement::{Advertisement, AdvertisementInput, OneOrMany};
use crate::model::targeting::{Published, UpdateAnswer};
use reqwest::Method;

impl WatchersClient {
    /// `GET /external/advertisement?limit=&offset=`
    pub async fn list_advertisements(
        &self,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<Advertisement>, UpstreamError> {
        let mut url = self.url(&["external", "advertisement"]);
        url.query_pairs_mut()
            .append_pair("limit", &limit.to_string())
            .append_pair("offset", &offset.to_string());
        self.json(Method::GET, url, |r| r).await
    }

    /// `GET /external/advertisement/:id`: documented to answer a one-item array.
    pub async fn get_advertisement(&self, id: i64) -> Result<Advertisement, UpstreamError> {
        let url = self.url(&["external", "advertisement", &id.to_string()]);
        let answer: OneOrMany<Advertisement> = self.json(Method::GET, url, |r| r).await?;
        answer.into_first().ok_or(UpstreamError::NotFound)
    }

    /// `POST /external/advertisement`
    pub async fn create_advertisement(
        &self,
        input: &AdvertisementInput,
    ) -> Result<Published<Advertisement>, UpstreamError> {
        let url = self.url(&["external", "advertisement"]);
        self.json(Method::POST, url, |r| r.json(input)).await
    }

    /// `PATCH /external/advertisement/:id`
    pub async fn update_advertisement(
        &self,
        id: i64,
        input: &AdvertisementInput,
    ) -> Result<UpdateAnswer<Advertisement>, UpstreamError> {
        let url = self.url(&["external", "advertisement", &id.to_string()]);
        let answer = self.send(Method::PATCH, url, |r| r.json(input)).await?;
        parse_update(&answer.body)
    }

    /// `DELETE /external/advertisement/:id` (answers `true`)
    pub async fn delete_advertisement(&self, id: i64) -> Result<(), UpstreamError> {
        let url = self.url(&["external", "advertisement", &id.to_string()]);
        self.done(Method::DELETE, url, |r| r).await
    }
}
