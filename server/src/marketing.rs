//! Offers and advertisements on behalf of staff, one generic path for both kinds: lists and
//! pages, the composers' drafts, publishing (sent once, audited, its report kept), and deletes.

mod publish;

pub use publish::{Publish, press, submit};

use super::audit::{AuditEvent, record_quietly};
use super::auth::staff::Account;
use super::change::{for_viewer, read};
use super::door::{self, Created, Deletable, Delete, Kept, Pass};
use super::drafts;
use super::read_cache::Call;
use super::state::AppState;
use super::upstream::{UpstreamError, WatchersClient};
use crate::error::AppError;
use crate::model::advertisement::Advertisement;
use crate::model::advertisement::form::AdForm;
use crate::model::approval::{ApprovalAction, Payload};
use crate::model::audit::AuditArea;
use crate::model::draft::{ComposerForm, Draft, DraftKind, MARKETING_PAGE};
use crate::model::loose::{ExternalId, Listed};
use crate::model::offer::Offer;
use crate::model::offer::form::OfferForm;
use crate::model::staff::TestAudience;
use crate::model::targeting::{AudienceType, Sent};
use crate::model::targeting::{PublishReport, WithReport};
use serde::de::DeserializeOwned;
use std::future::Future;

/// A composer's form with the upstream calls of its kind: how it is published, listed, read and
/// deleted.
pub trait Composer: ComposerForm {
    /// The approval rule a publish to everyone (GLOBAL) falls under.
    const GLOBAL_ACTION: ApprovalAction;
    /// What a request waiting for approval holds to publish this form later.
    fn awaiting(draft_key: String, target: Option<i64>, form: Self) -> Payload;
    /// Whether the payload reaches everyone (an offer's GLOBAL audience; an advertisement
    /// aimed at no room in particular goes to every room).
    fn reaches_everyone(input: &Self::Input) -> bool;
    /// The room and user ids the input targets.
    fn sent_ids(input: &Self::Input) -> (Vec<String>, Vec<String>);
    /// The form's fields a test send sets itself (its audience and times): their problems do not
    /// stop a test.
    const TEST_FIELDS: &'static [&'static str];
    /// Aims `input` at `audience` alone, from `now` until `until` (ISO UTC), whatever the form
    /// said: what "Send a test to me" sends.
    fn for_test(input: &mut Self::Input, audience: &TestAudience, now: &str, until: &str);
    /// Creates (no `target`) or updates item `target`, sent once; the answer read leniently.
    fn publish(
        client: &WatchersClient,
        pass: Pass,
        target: Option<i64>,
        input: &Self::Input,
    ) -> impl Future<Output = Result<Sent, UpstreamError>> + Send;
    fn list(
        client: &WatchersClient,
        limit: u32,
        offset: u32,
    ) -> impl Future<Output = Result<Vec<Listed<Self::Item>>, UpstreamError>> + Send;
    fn get(
        client: &WatchersClient,
        id: i64,
    ) -> impl Future<Output = Result<Self::Item, UpstreamError>> + Send;
    fn delete(
        client: &WatchersClient,
        pass: Pass,
        id: i64,
    ) -> impl Future<Output = Result<(), UpstreamError>> + Send;
}

impl Composer for OfferForm {
    const GLOBAL_ACTION: ApprovalAction = ApprovalAction::PublishGlobalOffer;

    fn reaches_everyone(input: &Self::Input) -> bool {
        input.audience.as_str() == "GLOBAL"
    }

    fn awaiting(draft_key: String, target: Option<i64>, form: Self) -> Payload {
        Payload::Offer {
            draft_key,
            target,
            form: Box::new(form),
        }
    }

    fn sent_ids(input: &Self::Input) -> (Vec<String>, Vec<String>) {
        (
            input.external_room_ids.clone(),
            input.external_user_ids.clone(),
        )
    }

    const TEST_FIELDS: &'static [&'static str] = &[
        "type",
        "externalRoomIds",
        "externalUserIds",
        "startTime",
        "endTime",
    ];

    /// To the test user ids only (never GLOBAL or ROOM), starting now.
    fn for_test(input: &mut Self::Input, audience: &TestAudience, now: &str, until: &str) {
        input.audience = AudienceType::User;
        input.external_user_ids = audience.user_ids.clone();
        input.external_room_ids = Vec::new();
        input.start_time = now.to_owned();
        input.end_time = Some(until.to_owned());
    }

    async fn publish(
        client: &WatchersClient,
        pass: Pass,
        target: Option<i64>,
        input: &Self::Input,
    ) -> Result<Sent, UpstreamError> {
        client.publish_offer(pass, target, input).await
    }

    async fn list(
        client: &WatchersClient,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<Listed<Offer>>, UpstreamError> {
        client.list_offers(limit, offset).await
    }

    async fn get(client: &WatchersClient, id: i64) -> Result<Offer, UpstreamError> {
        client.get_offer(id).await
    }

    async fn delete(client: &WatchersClient, pass: Pass, id: i64) -> Result<(), UpstreamError> {
        client.delete_offer(pass, id).await
    }
}

impl Composer for AdForm {
    const GLOBAL_ACTION: ApprovalAction = ApprovalAction::PublishGlobalAdvertisement;

    fn reaches_everyone(input: &Self::Input) -> bool {
        input.external_room_ids.is_empty()
    }

    fn awaiting(draft_key: String, target: Option<i64>, form: Self) -> Payload {
        Payload::Advertisement {
            draft_key,
            target,
            form: Box::new(form),
        }
    }

    fn sent_ids(input: &Self::Input) -> (Vec<String>, Vec<String>) {
        let rooms = input
            .external_room_ids
            .iter()
            .map(|i| i.0.clone())
            .collect();
        (rooms, input.user_id.iter().cloned().collect())
    }

    const TEST_FIELDS: &'static [&'static str] = &["externalRoomIds", "sendTime", "deleteTime"];

    /// To the test room only, sent now; Watchers itself deletes it at `until` should the
    /// dashboard not get to it.
    fn for_test(input: &mut Self::Input, audience: &TestAudience, now: &str, until: &str) {
        input.external_room_ids = audience
            .room_id
            .iter()
            .map(|room| ExternalId::from(room.as_str()))
            .collect();
        input.send_time = Some(now.to_owned());
        input.delete_time = Some(until.to_owned());
    }

    async fn publish(
        client: &WatchersClient,
        pass: Pass,
        target: Option<i64>,
        input: &Self::Input,
    ) -> Result<Sent, UpstreamError> {
        client.publish_advertisement(pass, target, input).await
    }

    async fn list(
        client: &WatchersClient,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<Listed<Advertisement>>, UpstreamError> {
        client.list_advertisements(limit, offset).await
    }

    async fn get(client: &WatchersClient, id: i64) -> Result<Advertisement, UpstreamError> {
        client.get_advertisement(id).await
    }

    async fn delete(client: &WatchersClient, pass: Pass, id: i64) -> Result<(), UpstreamError> {
        client.delete_advertisement(pass, id).await
    }
}

/// Page `page` (from 0) of published items, newest first, each read on its own; for a page (the
/// lists, the calendar), so kept a short while (`state.reads`).
pub async fn list<F: Composer>(
    state: &AppState,
    who: &Account,
    page: u32,
) -> Result<Vec<Listed<F::Item>>, AppError> {
    let offset = page.saturating_mul(MARKETING_PAGE);
    let call = F::list(&state.upstream, MARKETING_PAGE, offset);
    let kept = state
        .reads
        .get(Call::new(F::KIND.section(), offset.to_string()), call);
    Ok(for_viewer(who, read(F::KIND.section(), kept).await?))
}

/// Item `id`, with what its last publish through the dashboard reported; for a page, so the item
/// is kept a short while (`state.reads`; the report is read every time).
pub async fn get<F: Composer>(state: &AppState, id: i64) -> Result<WithReport<F::Item>, AppError> {
    let kind = F::KIND;
    let what = format!("{} {id}", kind.noun());
    let call = F::get(&state.upstream, id);
    let kept = state
        .reads
        .get(Call::new(kind.noun(), id.to_string()), call);
    let item = read(&what, kept).await?;
    let report = drafts::report(&state.db, kind, id)
        .await
        .unwrap_or_else(|err| {
            tracing::error!(
                "cannot read the publish report of {} {id}: {err}",
                kind.as_str()
            );
            None
        });
    Ok(WithReport { item, report })
}

/// Deletes published item `id` (named `name` in the audit log), never retried, and forgets its
/// report; what it was (with the ids it was last sent to) is kept first for "Restore", whose
/// snapshot this answers.
pub async fn delete<F: Composer>(
    state: &AppState,
    who: &Account,
    id: i64,
    name: &str,
) -> Result<Option<i64>, AppError> {
    let report = drafts::report(&state.db, F::KIND, id).await?;
    let item = Published::<F> {
        id,
        report,
        kind: std::marker::PhantomData,
    };
    door::run(state, who, &Delete::new(item, name))
        .await?
        .sent()
}

/// A published offer or advertisement to delete, with its last publish report (kept with it).
pub struct Published<F> {
    id: i64,
    report: Option<PublishReport>,
    kind: std::marker::PhantomData<fn() -> F>,
}

impl<F: Composer> Deletable for Published<F> {
    type Record = WithReport<F::Item>;

    fn area(&self) -> AuditArea {
        F::KIND.area()
    }

    fn item_id(&self) -> String {
        self.id.to_string()
    }

    fn what(&self) -> String {
        format!("{} {}", F::KIND.noun(), self.id)
    }

    async fn read(&self, state: &AppState) -> Result<Self::Record, UpstreamError> {
        let item = F::get(&state.upstream, self.id).await?;
        Ok(WithReport {
            item,
            report: self.report.clone(),
        })
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<(), UpstreamError> {
        F::delete(&state.upstream, pass, self.id).await
    }

    async fn after(&self, state: &AppState, deleted: bool) {
        let kind = F::KIND;
        if deleted && let Err(err) = drafts::forget_report(&state.db, kind, self.id).await {
            tracing::error!(
                "cannot forget the report of a deleted {}: {err}",
                kind.as_str()
            );
        }
    }

    /// The item as it was, with the rooms and users it was last sent to; its report is kept for
    /// the new id, as a publish keeps it.
    async fn recreate(
        state: &AppState,
        kept: Kept<'_, Self::Record>,
        pass: Pass,
    ) -> Result<Created, UpstreamError> {
        let input = F::from_published(&kept.record).payload();
        let sent = F::publish(&state.upstream, pass, None, &input).await?;
        if let Some(new) = sent.id {
            let report = publish::report::<F>(&input, sent.targeting.clone(), kept.by);
            if let Err(err) = drafts::save_report(&state.db, F::KIND, new, &report).await {
                tracing::error!(
                    "restored {} {new} but cannot keep its report: {err}",
                    F::KIND.as_str()
                );
            }
        }
        Ok(sent.into())
    }
}

/// Draft `key` of `kind`, with its form as it was typed.
pub async fn read_draft<F: DeserializeOwned>(
    state: &AppState,
    kind: DraftKind,
    key: &str,
) -> Result<Draft<F>, AppError> {
    drafts::get(&state.db, kind, key)
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "Draft".into(),
        })
}

/// Throws draft `key` away (audited).
pub async fn discard_draft(
    state: &AppState,
    who: &Account,
    kind: DraftKind,
    key: &str,
) -> Result<(), AppError> {
    let draft: Draft<serde_json::Value> = read_draft(state, kind, key).await?;
    drafts::delete(&state.db, kind, key).await?;
    let event = AuditEvent::new(&who.username, kind.area(), "discard draft")
        .target(key)
        .summary(format!("discarded the draft “{}”", draft.summary.label));
    record_quietly(&state.db, event).await;
    Ok(())
}
