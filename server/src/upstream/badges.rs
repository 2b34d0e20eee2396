//! Badge endpoints: `/external/badge`.

use super::client::{Answer, parse_json};
use super::{UpstreamError, WatchersClient};
use crate::door::pass::Pass;
use crate::model::badge::{Badge, BadgeInput, BadgeOrder, BadgeUsers, UsersChanged};
use crate::model::loose::Listed;
use crate::model::targeting::Sent;
use reqwest::Method;

impl WatchersClient {
    /// `POST /external/badge`
    pub async fn create_badge(
        &self,
        pass: Pass,
        input: &BadgeInput,
    ) -> Result<Badge, UpstreamError> {
        parse_json(&self.send_new_badge(pass, input).await?.body)
    }

    /// `POST /external/badge`, sent once, the answer read only for the new badge's id: a 2xx is
    /// a success even when its body cannot be read.
    pub async fn publish_badge(
        &self,
        pass: Pass,
        input: &BadgeInput,
    ) -> Result<Sent, UpstreamError> {
        Ok(Sent::read(&self.send_new_badge(pass, input).await?.body))
    }

    async fn send_new_badge(
        &self,
        pass: Pass,
        input: &BadgeInput,
    ) -> Result<Answer, UpstreamError> {
        let url = self.url(&["external", "badge"]);
        self.write(pass, Method::POST, url, |r| r.json(input)).await
    }

    /// `PATCH /external/badge/:id` (answers `true`)
    pub async fn update_badge(
        &self,
        pass: Pass,
        id: i64,
        input: &BadgeInput,
    ) -> Result<(), UpstreamError> {
        let url = self.url(&["external", "badge", &id.to_string()]);
        let body = input.update_body();
        self.done(pass, Method::PATCH, url, |r| r.json(&body)).await
    }

    /// `GET /external/badge?limit=&offset=&order=`
    pub async fn list_badges(
        &self,
        limit: u32,
        offset: u32,
        order: BadgeOrder,
    ) -> Result<Vec<Listed<Badge>>, UpstreamError> {
        let mut url = self.url(&["external", "badge"]);
        url.query_pairs_mut()
            .append_pair("limit", &limit.to_string())
            .append_pair("offset", &offset.to_string())
            .append_pair("order", order.as_str());
        self.records(url).await
    }

    /// `GET /external/badge/:id`
    pub async fn get_badge(&self, id: i64) -> Result<Badge, UpstreamError> {
        let url = self.url(&["external", "badge", &id.to_string()]);
        self.one(url).await
    }

    /// `DELETE /external/badge/:id` (answers `true`)
    pub async fn delete_badge(&self, pass: Pass, id: i64) -> Result<(), UpstreamError> {
        let url = self.url(&["external", "badge", &id.to_string()]);
        self.done(pass, Method::DELETE, url, |r| r).await
    }

    /// `POST /external/badge/:id/users`: the badge's users become exactly `user_ids`.
    pub async fn replace_badge_users(
        &self,
        pass: Pass,
        id: i64,
        user_ids: &[String],
    ) -> Result<UsersChanged, UpstreamError> {
        self.badge_users(pass, id, None, user_ids).await
    }

    /// `POST /external/badge/:id/users/add` (answers `{ "added": n }`)
    pub async fn add_badge_users(
        &self,
        pass: Pass,
        id: i64,
        user_ids: &[String],
    ) -> Result<UsersChanged, UpstreamError> {
        self.badge_users(pass, id, Some("add"), user_ids).await
    }

    /// `POST /external/badge/:id/users/remove` (answers `{ "removed": n }`)
    pub async fn remove_badge_users(
        &self,
        pass: Pass,
        id: i64,
        user_ids: &[String],
    ) -> Result<UsersChanged, UpstreamError> {
        self.badge_users(pass, id, Some("remove"), user_ids).await
    }

    async fn badge_users(
        &self,
        pass: Pass,
        id: i64,
        verb: Option<&str>,
        user_ids: &[String],
    ) -> Result<UsersChanged, UpstreamError> {
        let id = id.to_string();
        let mut segments = vec!["external", "badge", &id, "users"];
        segments.extend(verb);
        let url = self.url(&segments);
        let body = BadgeUsers {
            user_ids: user_ids.to_vec(),
        };
        let answer = self
            .write(pass, Method::POST, url, |r| r.json(&body))
            .await?;
        // Replace is not documented to answer anything countable: accept `true` or empty too.
        Ok(serde_json::from_slice(&answer.body).unwrap_or_default())
    }
}
