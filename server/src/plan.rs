//! Everything planned, gathered once for the calendar, the clash warnings and the explainer: the
//! newest offers and advertisements from Watchers with the reports of their last publish here,
//! which of them are tests ("Send a test to me"), and the room registry. A kind that cannot be
//! read is left out with a note, not a failed page.

use super::auth::staff::Account;
use super::drafts;
use super::marketing::{self, Composer};
use super::rooms;
use super::state::AppState;
use super::test_sends;
use crate::error::AppError;
use crate::model::advertisement::Advertisement;
use crate::model::advertisement::form::AdForm;
use crate::model::clash::{Clash, Planned, RoomFacts, check_all};
use crate::model::draft::{DraftKind, MARKETING_PAGE};
use crate::model::loose::Listed;
use crate::model::offer::Offer;
use crate::model::offer::form::OfferForm;
use crate::model::plan::{ad_planned, offer_planned, room_facts};
use crate::model::room::Room;
use crate::model::targeting::PublishReport;
use crate::model::zone::Tz;
use std::collections::{HashMap, HashSet};

/// How many pages of each kind are read: the newest 100 offers and 100 advertisements.
const PAGES: u32 = 5;

pub struct Everything {
    pub offers: Vec<(Offer, Option<PublishReport>)>,
    pub ads: Vec<(Advertisement, Option<PublishReport>)>,
    pub rooms: Vec<Room>,
    /// The offers and the advertisements that are (or were) tests: marked so, in no clash.
    pub test_offers: HashSet<i64>,
    pub test_ads: HashSet<i64>,
    /// What could not be read or was left out, in plain words.
    pub notes: Vec<String>,
}

/// The items of `kind` that are tests; none, with a note, when that cannot be read.
async fn tests_of(state: &AppState, kind: DraftKind, notes: &mut Vec<String>) -> HashSet<i64> {
    match test_sends::upstream_ids(state, kind).await {
        Ok(ids) => ids,
        Err(err) => {
            notes.push(format!(
                "Which {} are tests could not be read: {err}",
                kind.section().to_lowercase()
            ));
            HashSet::new()
        }
    }
}

/// The newest items of kind `F`, with their reports; what was left out goes to `notes`.
async fn newest<F: Composer>(
    state: &AppState,
    who: &Account,
    notes: &mut Vec<String>,
) -> Vec<(F::Item, Option<PublishReport>)> {
    let noun = F::KIND.section();
    let mut read = vec![];
    let mut unreadable = 0;
    for page in 0..PAGES {
        match marketing::list::<F>(state, who, page).await {
            Ok(records) => {
                let full = records.len() as u32 >= MARKETING_PAGE;
                for record in records {
                    match record {
                        Listed::Read(item) => read.push(item),
                        Listed::Unreadable(_) => unreadable += 1,
                    }
                }
                if !full {
                    break;
                }
                if page + 1 == PAGES {
                    notes.push(format!(
                        "Only the newest {} {} are checked.",
                        PAGES * MARKETING_PAGE,
                        noun.to_lowercase()
                    ));
                }
            }
            Err(err) => {
                notes.push(format!("{noun} could not be read: {err}"));
                break;
            }
        }
    }
    if unreadable > 0 {
        notes.push(format!(
            "{unreadable} of the {} could not be read and are left out.",
            noun.to_lowercase()
        ));
    }
    let mut reports = drafts::reports(&state.db, F::KIND)
        .await
        .unwrap_or_else(|err| {
            tracing::error!("cannot read the publish reports: {err}");
            state.breaker.note(&state.db, &err);
            HashMap::new()
        });
    read.into_iter()
        .map(|item| {
            let report = reports.remove(&F::item_id(&item));
            (item, report)
        })
        .collect()
}

/// How many targeted rooms the registry does not know are asked of Watchers per gathering.
const LOOK_UP_AT_MOST: usize = 10;

/// The rooms offers and advertisements aim at that the registry does not hold.
fn targeted_unknown_rooms(
    offers: &[(Offer, Option<PublishReport>)],
    ads: &[(Advertisement, Option<PublishReport>)],
    known: &[Room],
) -> Vec<String> {
    use crate::model::clash::Audience;
    use crate::model::plan::{ad_audience, offer_audience};
    let audiences = offers
        .iter()
        .map(|(o, r)| offer_audience(o, r.as_ref()))
        .chain(ads.iter().map(|(a, r)| ad_audience(a, r.as_ref())));
    let mut unknown: Vec<String> = audiences
        .filter_map(|a| match a {
            Audience::Rooms(rooms) => Some(rooms),
            _ => None,
        })
        .flatten()
        .filter(|id| crate::model::room::is_safe_room_id(id))
        .filter(|id| known.iter().all(|r| &r.room_id != id))
        .collect();
    unknown.sort();
    unknown.dedup();
    unknown
}

/// Rooms as they are now, with offers and advertisements when `marketing` (the rooms agenda
/// needs none).
pub async fn gather(
    state: &AppState,
    who: &Account,
    marketing: bool,
) -> Result<Everything, AppError> {
    let mut notes = vec![];
    let (mut offer_notes, mut ad_notes) = (vec![], vec![]);
    let (offers, ads, rooms) = tokio::join!(
        async {
            match marketing {
                true => newest::<OfferForm>(state, who, &mut offer_notes).await,
                false => vec![],
            }
        },
        async {
            match marketing {
                true => newest::<AdForm>(state, who, &mut ad_notes).await,
                false => vec![],
            }
        },
        rooms::list(state),
    );
    notes.append(&mut offer_notes);
    notes.append(&mut ad_notes);
    let (test_offers, test_ads) = match marketing {
        true => (
            tests_of(state, DraftKind::Offer, &mut notes).await,
            tests_of(state, DraftKind::Advertisement, &mut notes).await,
        ),
        false => (HashSet::new(), HashSet::new()),
    };
    let mut rooms = rooms?;
    let unknown = targeted_unknown_rooms(&offers, &ads, &rooms.rooms);
    if !unknown.is_empty() {
        for id in unknown.iter().take(LOOK_UP_AT_MOST) {
            match rooms::look_up(state, id.clone()).await {
                Ok(room) => rooms.rooms.push(room),
                Err(AppError::NotFound { .. }) => {}
                Err(err) => notes.push(format!("Room {id} could not be looked up: {err}")),
            }
        }
        if unknown.len() > LOOK_UP_AT_MOST {
            notes.push(format!(
                "{} targeted rooms are not in the registry and were not looked up: look them up on the Rooms page.",
                unknown.len() - LOOK_UP_AT_MOST
            ));
        }
    }
    if rooms.stale > 0 {
        notes.push(format!(
            "{} room(s) could not be asked about just now: their last known schedule is used.",
            rooms.stale
        ));
    }
    Ok(Everything {
        offers,
        ads,
        rooms: rooms.rooms,
        test_offers,
        test_ads,
        notes,
    })
}

impl Everything {
    /// The offers as the clash rules see them, the tests marked.
    pub fn offer_plans(&self) -> Vec<Planned> {
        self.offers
            .iter()
            .map(|(o, r)| Planned {
                test: self.test_offers.contains(&o.id),
                ..offer_planned(o, r.as_ref())
            })
            .collect()
    }

    /// The advertisements as the clash rules see them, the tests marked.
    pub fn ad_plans(&self) -> Vec<Planned> {
        self.ads
            .iter()
            .map(|(a, r)| Planned {
                test: self.test_ads.contains(&a.id),
                ..ad_planned(a, r.as_ref())
            })
            .collect()
    }

    pub fn room_facts(&self) -> Vec<RoomFacts> {
        self.rooms.iter().map(room_facts).collect()
    }

    /// Every clash among them, times said in the viewer's `zone`.
    pub fn clashes(&self, zone: Tz) -> Vec<Clash> {
        check_all(
            &self.offer_plans(),
            &self.ad_plans(),
            &self.room_facts(),
            zone,
        )
    }
}

pub mod calendar;
pub mod explain;
