//! Room endpoints: `/external/room`.

use super::{UpstreamError, WatchersClient};
use crate::door::pass::Pass;
use crate::model::room::{Room, RoomInput, RoomSpeak, RoomStatusChange};
use reqwest::Method;

impl WatchersClient {
    /// `POST /external/room`: answers the room when the API sends it back.
    pub async fn create_room(
        &self,
        pass: Pass,
        input: &RoomInput,
    ) -> Result<Option<Room>, UpstreamError> {
        let url = self.url(&["external", "room"]);
        let answer = self
            .write(pass, Method::POST, url, |r| r.json(input))
            .await?;
        Ok(serde_json::from_slice::<Room>(&answer.body)
            .ok()
            .filter(|room| !room.room_id.is_empty()))
    }

    /// `GET /external/room/:roomId`
    pub async fn get_room(&self, room_id: &str) -> Result<Room, UpstreamError> {
        let url = self.url(&["external", "room", room_id]);
        self.one(url).await
    }

    /// `POST /external/room/speak`: voice chat on or off.
    pub async fn set_room_speak(&self, pass: Pass, body: &RoomSpeak) -> Result<(), UpstreamError> {
        let url = self.url(&["external", "room", "speak"]);
        self.done(pass, Method::POST, url, |r| r.json(body)).await
    }

    /// `POST /external/room/status`
    pub async fn set_room_status(
        &self,
        pass: Pass,
        body: &RoomStatusChange,
    ) -> Result<(), UpstreamError> {
        let url = self.url(&["external", "room", "status"]);
        self.done(pass, Method::POST, url, |r| r.json(body)).await
    }

    /// `DELETE /external/room/:roomId`
    pub async fn delete_room(&self, pass: Pass, room_id: &str) -> Result<(), UpstreamError> {
        let url = self.url(&["external", "room", room_id]);
        self.done(pass, Method::DELETE, url, |r| r).await
    }
}
