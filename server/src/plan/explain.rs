//! "Why won't it show?" for one offer or advertisement: the item and its publish report, the
//! dashboard's exclusion record for the user, the room as the registry or Watchers knows it,
//! asked of the checklist.

use crate::change::invalid;
use crate::error::AppError;
use crate::exclusions;
use crate::model::exclusion::user_id;
use crate::model::explain::{
    Exclusion, ExplainQuery, Explained, ItemFacts, Question, RoomFound, explain,
};
use crate::model::plan::room_facts;
use crate::model::room::{Room, room_id};
use crate::model::zone::{Tz, both_zones, describe_zone, from_local, to_local_input};
use crate::rooms;
use crate::state::AppState;
use chrono::{DateTime, Utc};

/// The question `query` asks, read in `zone`; the problem next to its field when it cannot be.
pub fn question(query: &ExplainQuery, zone: Tz, now: DateTime<Utc>) -> Result<Question, AppError> {
    let user = user_id(&query.user).map_err(invalid)?;
    let at = match query.at.trim() {
        _ if query.now => now,
        "" => now,
        text => from_local(zone, text).ok_or_else(|| AppError::Invalid {
            field: Some("at".into()),
            message: "Enter the moment as a date and time, or leave it empty for now.".into(),
        })?,
    };
    // Checked before it is sent to Watchers as part of an address.
    let room = match query.room.trim() {
        "" => None,
        text => Some(room_id(text).map_err(invalid)?),
    };
    Ok(Question {
        user_id: user,
        room_id: room,
        at,
        zone,
    })
}

/// The checklist for `q` about the item known by `facts`; `rooms` is the registry.
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
    let room = match &q.room_id {
        Some(id) => Some(find_room(state, id, rooms).await),
        None => None,
    };
    let answer = explain(&q, facts, exclusion, room.as_ref());
    Ok(Explained {
        answer,
        at: both_zones(q.zone, q.at),
        at_input: to_local_input(q.zone, q.at),
        zone_label: describe_zone(q.zone, q.at),
    })
}

/// Room `id` as the registry knows it; else as Watchers answers now. A room found there joins
/// the registry (`rooms::look_up`, as the Rooms page's "Look up" and the calendar's gathering
/// do, with the same role), so the calendar and the room lists show it from then on.
async fn find_room(state: &AppState, id: &str, registry: &[Room]) -> RoomFound {
    match registry.iter().find(|r| r.room_id == id) {
        Some(room) => RoomFound::Known(room_facts(room)),
        None => found(rooms::look_up(state, id.to_owned()).await),
    }
}

/// What Watchers' answer about a room says of it.
fn found(answer: Result<Room, AppError>) -> RoomFound {
    match answer {
        Ok(room) => RoomFound::Known(room_facts(&room)),
        Err(AppError::NotFound { .. }) => RoomFound::Missing,
        Err(err) => RoomFound::Unknown(why_unknown(&err)),
    }
}

/// Why Watchers could not say, in plain words (its errors speak of changes; this is a read).
fn why_unknown(err: &AppError) -> String {
    match err {
        AppError::Unavailable { platform } => format!("{platform} is not answering right now"),
        AppError::UpstreamRateLimited {
            platform,
            retry_after_secs,
        } => format!("{platform} asked to wait {retry_after_secs} seconds before asking again"),
        AppError::Protocol { platform } => format!("{platform}'s answer could not be read"),
        AppError::UpstreamRejectedCredentials { platform } => {
            format!("{platform} refused the dashboard's credentials")
        }
        other => other.to_string().trim_end_matches('.').to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::deployment::Platform;

    #[test]
    fn a_room_is_known_missing_or_unknown_as_watchers_answers() {
        let room = Room {
            room_id: "stage".into(),
            ..Room::default()
        };
        assert!(matches!(found(Ok(room)), RoomFound::Known(f) if f.room_id == "stage"));
        let missing = AppError::NotFound {
            what: "Room gone".into(),
        };
        assert_eq!(found(Err(missing)), RoomFound::Missing);
        let down = AppError::Unavailable {
            platform: Platform::Watchers,
        };
        assert_eq!(
            found(Err(down)),
            RoomFound::Unknown("Watchers is not answering right now".into())
        );
    }
}
