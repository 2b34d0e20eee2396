//! Marketing offer endpoints: `/external/offer` (multipart form bodies).

use super::client::{Answer, parse_json};
use super::{UpstreamError, WatchersClient};
use crate::door::pass::Pass;
use crate::model::loose::Listed;
use crate::model::offer::{Offer, OfferInput};
use crate::model::targeting::{Published, Sent, UpdateAnswer};
use reqwest::Method;
use reqwest::multipart::Form;
use serde::de::DeserializeOwned;

impl WatchersClient {
    /// `GET /external/offer?limit=&offset=`
    pub async fn list_offers(
        &self,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<Listed<Offer>>, UpstreamError> {
        let mut url = self.url(&["external", "offer"]);
        url.query_pairs_mut()
            .append_pair("limit", &limit.to_string())
            .append_pair("offset", &offset.to_string());
        self.records(url).await
    }

    /// `GET /external/offer/:id`
    pub async fn get_offer(&self, id: i64) -> Result<Offer, UpstreamError> {
        let url = self.url(&["external", "offer", &id.to_string()]);
        self.one(url).await
    }

    /// `POST /external/offer`: answers the offer and which targets were available.
    pub async fn create_offer(
        &self,
        pass: Pass,
        input: &OfferInput,
    ) -> Result<Published<Offer>, UpstreamError> {
        parse_json(&self.send_offer(pass, None, input).await?.body)
    }

    /// `PATCH /external/offer/:id`
    pub async fn update_offer(
        &self,
        pass: Pass,
        id: i64,
        input: &OfferInput,
    ) -> Result<UpdateAnswer<Offer>, UpstreamError> {
        parse_update(&self.send_offer(pass, Some(id), input).await?.body)
    }

    /// Creates (no `target`) or updates offer `target`, sent once, and reads the answer only for
    /// what the dashboard needs: a 2xx is a success even when its body cannot be read.
    pub async fn publish_offer(
        &self,
        pass: Pass,
        target: Option<i64>,
        input: &OfferInput,
    ) -> Result<Sent, UpstreamError> {
        Ok(Sent::read(
            &self.send_offer(pass, target, input).await?.body,
        ))
    }

    async fn send_offer(
        &self,
        pass: Pass,
        target: Option<i64>,
        input: &OfferInput,
    ) -> Result<Answer, UpstreamError> {
        let (method, url) = match target {
            None => (Method::POST, self.url(&["external", "offer"])),
            Some(id) => (
                Method::PATCH,
                self.url(&["external", "offer", &id.to_string()]),
            ),
        };
        let fields = match target {
            None => input.form_fields(),
            Some(_) => input.update_fields(),
        };
        self.write(pass, method, url, |r| r.multipart(form(&fields)))
            .await
    }

    /// `DELETE /external/offer/:id` (answers `true`)
    pub async fn delete_offer(&self, pass: Pass, id: i64) -> Result<(), UpstreamError> {
        let url = self.url(&["external", "offer", &id.to_string()]);
        self.done(pass, Method::DELETE, url, |r| r).await
    }
}

fn form(fields: &[(&'static str, String)]) -> Form {
    fields.iter().fold(Form::new(), |form, (name, value)| {
        form.text(*name, value.clone())
    })
}

/// Reads an update's answer, whichever of the documented shapes it has.
pub(super) fn parse_update<T: DeserializeOwned>(
    body: &[u8],
) -> Result<UpdateAnswer<T>, UpstreamError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(UpdateAnswer::Done);
    }
    let value: serde_json::Value = parse_json(body)?;
    let published = value.get("offer").is_some() || value.get("advertisement").is_some();
    match value {
        serde_json::Value::Bool(true) => Ok(UpdateAnswer::Done),
        serde_json::Value::Object(_) if published => parse_json(body).map(UpdateAnswer::Published),
        serde_json::Value::Object(_) => parse_json(body).map(UpdateAnswer::Item),
        other => Err(UpstreamError::Protocol {
            reason: format!("unexpected update answer: {other}"),
        }),
    }
}
