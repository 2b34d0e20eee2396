//! Advertisement endpoints: `/external/advertisement` (JSON bodies).

use super::client::{Answer, parse_json};
use super::offers::parse_update;
use super::{UpstreamError, WatchersClient};
use crate::door::pass::Pass;
use crate::model::advertisement::{Advertisement, AdvertisementInput, OneOrMany};
use crate::model::loose::Listed;
use crate::model::targeting::{Published, Sent, UpdateAnswer};
use reqwest::Method;

impl WatchersClient {
    /// `GET /external/advertisement?limit=&offset=`
    pub async fn list_advertisements(
        &self,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<Listed<Advertisement>>, UpstreamError> {
        let mut url = self.url(&["external", "advertisement"]);
        url.query_pairs_mut()
            .append_pair("limit", &limit.to_string())
            .append_pair("offset", &offset.to_string());
        self.records(url).await
    }

    /// `GET /external/advertisement/:id`: documented to answer a one-item array.
    pub async fn get_advertisement(&self, id: i64) -> Result<Advertisement, UpstreamError> {
        let url = self.url(&["external", "advertisement", &id.to_string()]);
        let answer: OneOrMany<Advertisement> = self.one(url).await?;
        answer.into_first().ok_or(UpstreamError::NotFound)
    }

    /// `POST /external/advertisement`
    pub async fn create_advertisement(
        &self,
        pass: Pass,
        input: &AdvertisementInput,
    ) -> Result<Published<Advertisement>, UpstreamError> {
        parse_json(&self.send_advertisement(pass, None, input).await?.body)
    }

    /// `PATCH /external/advertisement/:id`
    pub async fn update_advertisement(
        &self,
        pass: Pass,
        id: i64,
        input: &AdvertisementInput,
    ) -> Result<UpdateAnswer<Advertisement>, UpstreamError> {
        parse_update(&self.send_advertisement(pass, Some(id), input).await?.body)
    }

    /// Creates (no `target`) or updates advertisement `target`, sent once, and reads the answer
    /// only for what the dashboard needs: a 2xx is a success even when its body cannot be read.
    pub async fn publish_advertisement(
        &self,
        pass: Pass,
        target: Option<i64>,
        input: &AdvertisementInput,
    ) -> Result<Sent, UpstreamError> {
        Ok(Sent::read(
            &self.send_advertisement(pass, target, input).await?.body,
        ))
    }

    async fn send_advertisement(
        &self,
        pass: Pass,
        target: Option<i64>,
        input: &AdvertisementInput,
    ) -> Result<Answer, UpstreamError> {
        let (method, url) = match target {
            None => (Method::POST, self.url(&["external", "advertisement"])),
            Some(id) => (
                Method::PATCH,
                self.url(&["external", "advertisement", &id.to_string()]),
            ),
        };
        let body = match target {
            None => serde_json::to_value(input).unwrap_or_default(),
            Some(_) => input.update_body(),
        };
        self.write(pass, method, url, |r| r.json(&body)).await
    }

    /// `DELETE /external/advertisement/:id` (answers `true`)
    pub async fn delete_advertisement(&self, pass: Pass, id: i64) -> Result<(), UpstreamError> {
        let url = self.url(&["external", "advertisement", &id.to_string()]);
        self.done(pass, Method::DELETE, url, |r| r).await
    }
}
