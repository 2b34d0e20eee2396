//! Drafts of offers and advertisements kept by the dashboard, and what a publish reported.

use super::audit::AuditArea;
use super::staff::Capability;
use super::targeting::WithReport;
use super::test_send::TestSend;
use super::validate::Problems;
use super::zone::{Tz, js_offset, parse_zone, show_in};
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Offers (and advertisements) per page of a list.
pub const MARKETING_PAGE: u32 = 20;

/// What a draft (or a publish report) is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftKind {
    Offer,
    Advertisement,
}

impl DraftKind {
    /// Its wire and database name, also what one is called in a sentence.
    pub fn as_str(self) -> &'static str {
        match self {
            DraftKind::Offer => "offer",
            DraftKind::Advertisement => "advertisement",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "offer" => Some(DraftKind::Offer),
            "advertisement" => Some(DraftKind::Advertisement),
            _ => None,
        }
    }

    /// Where its pages live: `/offers` or `/advertisements`.
    pub fn base(self) -> &'static str {
        match self {
            DraftKind::Offer => "/offers",
            DraftKind::Advertisement => "/advertisements",
        }
    }

    /// Its section's title: `Offers`, `Advertisements`.
    pub fn section(self) -> &'static str {
        match self {
            DraftKind::Offer => "Offers",
            DraftKind::Advertisement => "Advertisements",
        }
    }

    /// What one is called at the start of a sentence: `Offer`, `Advertisement`.
    pub fn noun(self) -> &'static str {
        match self {
            DraftKind::Offer => "Offer",
            DraftKind::Advertisement => "Advertisement",
        }
    }

    /// Its audit area.
    pub fn area(self) -> AuditArea {
        match self {
            DraftKind::Offer => AuditArea::Offers,
            DraftKind::Advertisement => AuditArea::Advertisements,
        }
    }

    /// The capability that changes items (and drafts) of this kind.
    pub fn capability(self) -> Capability {
        match self {
            DraftKind::Offer => Capability::EditOffers,
            DraftKind::Advertisement => Capability::EditAdvertisements,
        }
    }
}

/// A draft as lists show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSummary {
    pub key: String,
    pub kind: DraftKind,
    /// The published item this draft edits, if any.
    pub target_id: Option<i64>,
    pub label: String,
    pub updated_by: String,
    pub updated_at: String,
    /// Why the last publish of this draft failed.
    pub last_error: Option<String>,
    /// Set when Watchers accepted its publish but the answer could not be read (so the new
    /// item's id is unknown): why. Such a draft is never published again.
    #[serde(default)]
    pub published_note: Option<String>,
    /// The approval request that will send this draft, while it waits for a second person: the
    /// draft cannot be published or asked for again meanwhile.
    #[serde(default)]
    pub waiting_request: Option<i64>,
}

/// A draft with its form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft<F> {
    pub summary: DraftSummary,
    pub form: F,
}

/// How a composer's submission ended: kept as a draft, published (the page then moves to the
/// published item), or sent as a test to the person alone (the page stays).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Submitted {
    DraftSaved {
        key: String,
    },
    /// Published as item `id`; `note` says what of the answer could not be read, if anything.
    Published {
        id: i64,
        note: Option<String>,
    },
    /// Watchers accepted it (2xx), but its answer could not be read, so the new item's id is not
    /// known: the draft `key` is kept, marked published, and must not be published again.
    PublishedUnread {
        key: String,
        note: String,
    },
    /// It reaches everyone and an administrator made that wait for a second person: request
    /// `request` holds it until another member of staff approves it.
    AwaitingApproval {
        request: i64,
    },
    /// "Send a test to me": sent to the person's own test audience as test send `id` (the item
    /// `upstream_id` upstream), the draft left as it was; `notice` says so in one sentence, its
    /// removal time in their zone ([`Self::test_sent`]). Only these: the island that shows it
    /// need not know the whole [`TestSend`].
    TestSent {
        id: i64,
        upstream_id: Option<i64>,
        notice: String,
    },
}

impl Submitted {
    /// A test of `test.label` sent to `reach` (`your 2 test users`,
    /// [`TestAudience::reach`](super::staff::TestAudience::reach)), its removal time said in
    /// `zone` with UTC beside.
    pub fn test_sent(test: TestSend, reach: &str, zone: Tz) -> Submitted {
        let notice = format!(
            "Sent a test of “{}” to {reach}; it will be removed at {}.",
            test.label,
            show_in(zone, &test.remove_at)
        );
        Submitted::TestSent {
            id: test.id,
            upstream_id: test.upstream_id,
            notice,
        }
    }

    /// Where the browser goes next: the draft's own address, or the published item's page; `None`
    /// when it stays where it was (a test: the composer it was sent from).
    pub fn location(&self, kind: DraftKind) -> Option<String> {
        Some(match self {
            Submitted::DraftSaved { key } | Submitted::PublishedUnread { key, .. } => {
                format!("{}/drafts/{key}", kind.base())
            }
            Submitted::Published { id, .. } => format!("{}/{id}", kind.base()),
            Submitted::AwaitingApproval { request } => format!("/approvals/{request}"),
            Submitted::TestSent { .. } => return None,
        })
    }

    /// What it did, in one sentence, for the page the browser goes to next; `None` for a publish
    /// whose answer could not be read, which the draft's page says itself.
    pub fn notice(&self) -> Option<String> {
        match self {
            Submitted::DraftSaved { .. } => Some(
                "Draft saved: its own address keeps it; it is also listed under Drafts.".into(),
            ),
            Submitted::Published { note: None, .. } => Some("Published.".into()),
            Submitted::Published {
                id,
                note: Some(note),
            } => Some(format!(
                "Published as {id}, but part of Watchers' answer could not be read: {note}."
            )),
            Submitted::PublishedUnread { .. } => None,
            Submitted::AwaitingApproval { .. } => Some(
                "Not sent yet: it reaches everyone, so another member of staff must approve it."
                    .into(),
            ),
            Submitted::TestSent { notice, .. } => Some(notice.clone()),
        }
    }
}

/// The composer's buttons (`intent`): "Save draft", "Publish" and "Send a test to me".
pub const INTENT_DRAFT: &str = "draft";
pub const INTENT_PUBLISH: &str = "publish";
pub const INTENT_TEST: &str = "test";

/// What a composer's submission asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intent {
    SaveDraft,
    Publish,
    /// "Send a test to me": the form as previewed, to the person's own test audience only; the
    /// submit server functions hand it to the server's `test_sends::send` before anything touches
    /// the draft, and the publish path refuses it.
    Test,
}

/// A composer's submission: its draft key must be one of ours and its button one of the three.
pub fn submission(draft_key: &str, intent: &str) -> Result<Intent, Problems> {
    let mut p = Problems::default();
    if !is_draft_key(draft_key) {
        p.push(
            "draft_key",
            "This form has lost its draft key: reload the page.",
        );
    }
    let intent = match intent {
        INTENT_DRAFT => Intent::SaveDraft,
        INTENT_PUBLISH => Intent::Publish,
        INTENT_TEST => Intent::Test,
        _ => {
            p.push(
                "intent",
                "Choose to save a draft, to publish, or to send a test to yourself.",
            );
            Intent::SaveDraft
        }
    };
    p.into_result().map(|()| intent)
}

/// What the two composers' forms (offers and advertisements) have in common: the one composer
/// frame, its pages and the server's publish path are written once against this.
pub trait ComposerForm:
    Clone + Default + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static
{
    /// The upstream payload.
    type Input: Clone + PartialEq + Send + Sync + 'static;
    /// A published item as the API answers it.
    type Item: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static;
    const KIND: DraftKind;
    /// A few words naming what is being composed, for lists and the audit log.
    fn label(&self) -> String;
    /// The payload exactly as it would be sent, even while the form still has problems.
    fn payload(&self) -> Self::Input;
    fn to_input(&self) -> Result<Self::Input, Problems>;
    /// Rewrites the times at another zone's offsets (`now`: its offset today; `offset_at`: its
    /// offset at an instant), e.g. the browser's.
    fn move_to_zone(&mut self, now: i32, offset_at: impl Fn(DateTime<Utc>) -> i32 + Copy);
    /// The offset the form's times are written at now (the sentence over them says which).
    fn tz_offset_minutes(&self) -> i32;
    /// The IANA zone the times are written in, as the page named it; empty when they carry the
    /// browser's own offsets.
    fn zone(&self) -> &str;
    fn set_zone(&mut self, zone: String);
    /// Reads each time as typed in `zone` (`zone::read_in_zone`).
    fn read_in(&mut self, zone: Tz);

    /// Writes the times in `zone`, which the form then names: the page does, in the person's zone.
    fn write_in(&mut self, zone: Tz, now: DateTime<Utc>) {
        self.move_to_zone(js_offset(zone, now), move |t| js_offset(zone, t));
        self.set_zone(zone.name().to_owned());
    }

    /// Reads the times in the zone the form names, if it names one: the server does, with or
    /// without JavaScript (the browser has no zone database).
    fn read_in_own_zone(&mut self) {
        if let Some(zone) = parse_zone(self.zone()) {
            self.read_in(zone);
        }
    }
    /// The form over a published item, with the ids the dashboard last sent (GET omits them).
    fn from_published(item: &WithReport<Self::Item>) -> Self;
    fn item_id(item: &Self::Item) -> i64;
    /// What the clash rules need of a payload (`target` left empty).
    fn candidate(input: &Self::Input) -> crate::plan::Candidate;
}

/// A new draft key: 128 random bits as hex.
pub fn new_draft_key() -> String {
    let mut bytes = [0u8; 16];
    fill_random(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(feature = "ssr")]
fn fill_random(bytes: &mut [u8]) {
    if getrandom::fill(bytes).is_err() {
        // No system randomness (never seen): the clock still keeps keys apart.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        for (b, n) in bytes.iter_mut().zip(nanos.to_le_bytes()) {
            *b = n;
        }
    }
}

#[cfg(not(feature = "ssr"))]
fn fill_random(bytes: &mut [u8]) {
    // In the browser; the key only has to be unique (drafts are guarded by role, not by key).
    #[cfg(feature = "hydrate")]
    for b in bytes.iter_mut() {
        *b = (js_sys::Math::random() * 256.0) as u8;
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = bytes;
}

/// Whether `key` looks like one of ours (32 lowercase hex digits).
pub fn is_draft_key(key: &str) -> bool {
    key.len() == 32
        && key
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_send::TestSendState;

    #[test]
    fn a_test_is_asked_for_by_its_own_button_and_stays_on_its_page() {
        let key = "0123456789abcdef0123456789abcdef";
        assert_eq!(submission(key, INTENT_TEST), Ok(Intent::Test));
        assert_eq!(submission(key, INTENT_PUBLISH), Ok(Intent::Publish));
        assert!(submission(key, "shout").is_err());
        let test = TestSend {
            id: 3,
            kind: DraftKind::Offer,
            upstream_id: Some(41),
            label: "Double odds tonight".into(),
            by: "ann".into(),
            sent_at: "2030-05-22T12:00:00.000Z".into(),
            remove_at: "2030-05-22T12:15:00.000Z".into(),
            state: TestSendState::Live,
            attempts: 0,
        };
        let zone = crate::zone::parse_zone("Europe/Paris").unwrap();
        let sent = Submitted::test_sent(test, "your 2 test users", zone);
        assert_eq!(sent.location(DraftKind::Offer), None, "the composer stays");
        assert_eq!(
            sent.notice().as_deref(),
            Some(
                "Sent a test of “Double odds tonight” to your 2 test users; it will be removed at 2030-05-22 14:15 CEST (12:15 UTC)."
            )
        );
        let published = Submitted::Published { id: 7, note: None };
        assert_eq!(
            published.location(DraftKind::Offer).as_deref(),
            Some("/offers/7")
        );
    }
}
