//! A second approver: the actions that can wait for another member of staff, what a waiting
//! request will send, and the rules of who may decide it.

use super::advertisement::form::AdForm;
use super::audit::AuditArea;
use super::offer::form::OfferForm;
use super::room::Room;
use super::staff::{Capability, Role};
use serde::{Deserialize, Serialize};

/// How long a request waits when no setting says otherwise.
pub const DEFAULT_EXPIRY_HOURS: i64 = 24;

/// The most user ids a request's page lists (the count is always given).
pub const IDS_SHOWN: usize = 100;

/// An action that can be made to wait for a second person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalAction {
    PublishGlobalOffer,
    PublishGlobalAdvertisement,
    DeleteLiveRoom,
    ReplaceBadgeUsers,
}

impl ApprovalAction {
    pub const ALL: [ApprovalAction; 4] = [
        ApprovalAction::PublishGlobalOffer,
        ApprovalAction::PublishGlobalAdvertisement,
        ApprovalAction::DeleteLiveRoom,
        ApprovalAction::ReplaceBadgeUsers,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ApprovalAction::PublishGlobalOffer => "publish_global_offer",
            ApprovalAction::PublishGlobalAdvertisement => "publish_global_advertisement",
            ApprovalAction::DeleteLiveRoom => "delete_live_room",
            ApprovalAction::ReplaceBadgeUsers => "replace_badge_users",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == value)
    }

    /// What it is, for the settings and the request's page.
    pub fn label(self) -> &'static str {
        match self {
            ApprovalAction::PublishGlobalOffer => "Publishing a GLOBAL offer",
            ApprovalAction::PublishGlobalAdvertisement => "Publishing a GLOBAL advertisement",
            ApprovalAction::DeleteLiveRoom => "Deleting a LIVE room",
            ApprovalAction::ReplaceBadgeUsers => "Replacing a badge's whole user list",
        }
    }

    pub fn area(self) -> AuditArea {
        match self {
            ApprovalAction::PublishGlobalOffer => AuditArea::Offers,
            ApprovalAction::PublishGlobalAdvertisement => AuditArea::Advertisements,
            ApprovalAction::DeleteLiveRoom => AuditArea::Rooms,
            ApprovalAction::ReplaceBadgeUsers => AuditArea::Badges,
        }
    }

    /// What the requester needs, and so what an approver needs too.
    pub fn capability(self) -> Capability {
        match self {
            ApprovalAction::PublishGlobalOffer => Capability::EditOffers,
            ApprovalAction::PublishGlobalAdvertisement => Capability::EditAdvertisements,
            ApprovalAction::DeleteLiveRoom => Capability::EditRooms,
            ApprovalAction::ReplaceBadgeUsers => Capability::AssignBadgeUsers,
        }
    }
}

/// Whether one action waits for a second person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalRule {
    pub action: ApprovalAction,
    pub enabled: bool,
}

/// Where a request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalState {
    Pending,
    /// Approved, and being sent now.
    Sending,
    Sent,
    /// Approved, but the platform refused or failed it (not sent again).
    Failed,
    Rejected,
    Expired,
}

impl ApprovalState {
    pub fn as_str(self) -> &'static str {
        match self {
            ApprovalState::Pending => "pending",
            ApprovalState::Sending => "sending",
            ApprovalState::Sent => "sent",
            ApprovalState::Failed => "failed",
            ApprovalState::Rejected => "rejected",
            ApprovalState::Expired => "expired",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [
            ApprovalState::Pending,
            ApprovalState::Sending,
            ApprovalState::Sent,
            ApprovalState::Failed,
            ApprovalState::Rejected,
            ApprovalState::Expired,
        ]
        .into_iter()
        .find(|s| s.as_str() == value)
    }

    /// Decided and done: sent, failed, rejected or expired (what the requester is told of).
    pub fn is_decided(self) -> bool {
        !matches!(self, ApprovalState::Pending | ApprovalState::Sending)
    }

    pub fn label(self) -> &'static str {
        match self {
            ApprovalState::Pending => "Waiting for approval",
            ApprovalState::Sending => "Approved, sending",
            ApprovalState::Sent => "Approved and sent",
            ApprovalState::Failed => "Approved, but sending failed",
            ApprovalState::Rejected => "Rejected",
            ApprovalState::Expired => "Expired",
        }
    }
}

/// Exactly what an approved request sends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Payload {
    /// Publishes the offer as typed (updating `target` when set); the draft `draft_key` goes
    /// once it is published.
    Offer {
        draft_key: String,
        target: Option<i64>,
        form: Box<OfferForm>,
    },
    Advertisement {
        draft_key: String,
        target: Option<i64>,
        form: Box<AdForm>,
    },
    /// Deletes the room (as it was read when the delete was asked for).
    DeleteRoom { room: Room },
    /// Replaces badge `badge_id`'s users with `ids` (sent in chunks: a replace, then adds).
    /// A page shows at most [`IDS_SHOWN`] of them; `total` counts them all.
    ReplaceUsers {
        badge_id: i64,
        ids: Vec<String>,
        total: u32,
    },
}

/// How a delete that may wait for approval ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Deletion {
    /// Deleted; `kept` is the snapshot "Restore" uses.
    Deleted { kept: Option<i64> },
    /// Waiting for a second person: request `request`.
    Waiting { request: i64 },
}

impl Deletion {
    /// Where the browser goes next: the list (offering "Restore"), or the request.
    pub fn location(&self, list: &str) -> String {
        match self {
            Deletion::Deleted { kept } => super::undo::after_delete(list, *kept),
            Deletion::Waiting { request } => request_path(*request),
        }
    }
}

/// A request as the pages show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Approval {
    pub id: i64,
    pub action: ApprovalAction,
    pub label: String,
    pub requested_by: String,
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub requested_at: String,
    pub expires_at: String,
    pub state: ApprovalState,
    pub decided_by: Option<String>,
    pub decided_at: Option<String>,
    pub reason: Option<String>,
    /// What sending reported.
    pub outcome: Option<String>,
    /// Whether the viewer may approve or reject it now.
    pub can_decide: bool,
    /// Only on the request's own page.
    pub payload: Option<Payload>,
}

/// The approvals page: requests, the rules, and how long a request waits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApprovalsPage {
    /// The viewer's own requests decided since they last opened them.
    #[serde(default)]
    pub unseen: Vec<Approval>,
    pub requests: Vec<Approval>,
    pub rules: Vec<ApprovalRule>,
    pub hours: i64,
}

/// The rules form: a checkbox per action (`on` when ticked); `sent` is always there, so a form
/// with every box clear still arrives.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesForm {
    #[serde(default)]
    pub sent: Option<String>,
    #[serde(default)]
    pub publish_global_offer: Option<String>,
    #[serde(default)]
    pub publish_global_advertisement: Option<String>,
    #[serde(default)]
    pub delete_live_room: Option<String>,
    #[serde(default)]
    pub replace_badge_users: Option<String>,
}

impl RulesForm {
    pub fn enabled(&self) -> Vec<ApprovalAction> {
        let on = |v: &Option<String>| v.as_deref().is_some_and(|v| !v.is_empty());
        [
            (
                ApprovalAction::PublishGlobalOffer,
                &self.publish_global_offer,
            ),
            (
                ApprovalAction::PublishGlobalAdvertisement,
                &self.publish_global_advertisement,
            ),
            (ApprovalAction::DeleteLiveRoom, &self.delete_live_room),
            (ApprovalAction::ReplaceBadgeUsers, &self.replace_badge_users),
        ]
        .into_iter()
        .filter(|(_, v)| on(v))
        .map(|(a, _)| a)
        .collect()
    }
}

/// Whether `role`, signed in as `viewer`, may decide a pending request of `action` asked for by
/// `requester`: another person whose role allows the action.
pub fn may_decide(action: ApprovalAction, requester: &str, viewer: &str, role: Role) -> bool {
    role.can(action.capability()) && !requester.eq_ignore_ascii_case(viewer)
}

/// The requests page.
pub fn list_path() -> &'static str {
    "/approvals"
}

/// What a request about draft `key` of `kind` is about (its `subject`): at most one open
/// request per subject.
pub fn draft_subject(kind: crate::draft::DraftKind, key: &str) -> String {
    format!("{} draft {key}", kind.as_str())
}

/// What a request to delete room `room_id` is about.
pub fn room_subject(room_id: &str) -> String {
    format!("room {room_id}")
}

pub fn request_path(id: i64) -> String {
    format!("/approvals/{id}")
}

/// The longest reason kept.
pub const REASON_MAX: usize = 500;

/// A reason as kept: trimmed and cut to [`REASON_MAX`] characters; a rejection needs one.
pub fn reason(text: &str, required: bool) -> Result<String, super::validate::Problems> {
    let text: String = text.trim().chars().take(REASON_MAX).collect();
    let mut p = super::validate::Problems::default();
    if required && text.is_empty() {
        p.push("reason", "Say why it is rejected: the requester reads it.");
    }
    if p.is_empty() { Ok(text) } else { Err(p) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nobody_approves_their_own_request() {
        let a = ApprovalAction::PublishGlobalOffer;
        assert!(!may_decide(a, "maria", "maria", Role::Admin));
        assert!(!may_decide(a, "Maria", "maria", Role::Marketing));
        assert!(may_decide(a, "maria", "omar", Role::Marketing));
        assert!(!may_decide(a, "maria", "mod", Role::Moderator));
        assert!(may_decide(
            ApprovalAction::DeleteLiveRoom,
            "mod",
            "mod2",
            Role::Moderator
        ));
    }

    #[test]
    fn names_round_trip_and_a_rejection_needs_a_reason() {
        for a in ApprovalAction::ALL {
            assert_eq!(ApprovalAction::parse(a.as_str()), Some(a));
        }
        assert_eq!(ApprovalState::parse("sent"), Some(ApprovalState::Sent));
        assert!(ApprovalState::Rejected.is_decided() && ApprovalState::Expired.is_decided());
        assert!(!ApprovalState::Pending.is_decided() && !ApprovalState::Sending.is_decided());
        assert!(reason("  ", true).is_err());
        assert_eq!(reason(" ok ", false).unwrap(), "ok");
        assert_eq!(reason(&"x".repeat(900), true).unwrap().len(), REASON_MAX);
    }
}
