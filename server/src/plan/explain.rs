//! "Why won't it show?" for one offer or advertisement: the item and its publish report, the
//! dashboard's exclusion record for the user, the room's registry entry, asked of the checklist.

use crate::change::invalid;
use crate::error::AppError;
use crate::exclusions;
use crate::model::exclusion::user_id;
use crate::model::explain::{Exclusion, ExplainQuery, Explained, ItemFacts, Question, explain};
use crate::model::plan::room_facts;
use crate::model::room::Room;
use crate::model::zone::{Tz, both_zones, describe_zone, from_local, to_local_input};
use crate::state::AppState;
use chrono::{DateTime, Utc};

/// The question `query` asks, read in `zone`; the problem next to its field when it cannot be.
pub fn question(query: &ExplainQuery, zone: Tz, now: DateTime<Utc>) -> Result<Question, AppError> {
    let user = user_id(&query.user).map_err(invalid)?;
    let at = match query.at.trim() {
        "" => now,
        text => from_local(zone, text).ok_or_else(|| AppError::Invalid {
            field: Some("at".into()),
            message: "Enter the moment as a date and time, or leave it empty for now.".into(),
        })?,
    };
    let room = Some(query.room.trim().to_owned()).filter(|r| !r.is_empty());
    Ok(Question {
        user_id: user,
        room_id: room,
        at,
        zone,
    })
}

/// The checklist for `q` about the item known by `facts`, with the rooms the registry knows.
pub async fn answer(
    state: &AppState,
    q: Question,
    facts: &ItemFacts,
    rooms: &[Room],
) -> Result<Explained, AppError> {
    let exclusion = match exclusions::last_set(&state.db, &q.user_id).await? {
        Some(true) => Exclusion::Excluded,
        Some(false) => Exclusion::Included,
        None => Exclusion::NoRecord,
    };
    let room = q
        .room_id
        .as_ref()
        .and_then(|id| rooms.iter().find(|r| &r.room_id == id))
        .map(room_facts);
    let answer = explain(&q, facts, exclusion, room.as_ref());
    Ok(Explained {
        answer,
        at: both_zones(q.zone, q.at),
        at_input: to_local_input(q.zone, q.at),
        zone_label: describe_zone(q.zone, q.at),
    })
}
