//! The composers' one submission path for offers and advertisements: keep the form as a draft,
//! and on "publish" validate it, send it once, record it, and keep what the platform reported.
//! A failed publish keeps the draft and notes why.

use crate::error::AppError;
use crate::model::advertisement::form::AdForm;
use crate::model::draft::{
    DraftKind, INTENT_DRAFT, INTENT_PUBLISH, PublishReport, Submitted, is_draft_key,
};
use crate::model::offer::form::OfferForm;
use crate::model::staff::Capability;
use crate::model::targeting::{Targeting, UpdateAnswer};
use crate::model::validate::Problems;
use crate::server::audit::{Outcome, record_quietly};
use crate::server::auth::guard;
use crate::server::change::{Change, change, invalid, with_status};
use crate::server::db::now_text;
use crate::server::drafts::{self, Save};
use crate::server::state::AppState;
use crate::server::upstream::{UpstreamError, WatchersClient};
use serde::Serialize;
use std::future::Future;

/// A composer's form: how it is checked, named, and published.
pub trait Composer: Serialize + Send + Sync {
    type Input: Send + Sync;
    const KIND: DraftKind;
    const CAPABILITY: Capability;
    fn label(&self) -> String;
    fn to_input(&self) -> Result<Self::Input, Problems>;
    /// The room and user ids the input targets.
    fn sent_ids(input: &Self::Input) -> (Vec<String>, Vec<String>);
    /// Creates (no `target`) or updates item `target`: its id and the targeting report, if any.
    fn publish(
        client: &WatchersClient,
        target: Option<i64>,
        input: &Self::Input,
    ) -> impl Future<Output = Result<(i64, Option<Targeting>), UpstreamError>> + Send;
}

fn updated<T>(target: i64, answer: UpdateAnswer<T>) -> (i64, Option<Targeting>) {
    (target, answer.targeting().cloned())
}

impl Composer for OfferForm {
    type Input = crate::model::offer::OfferInput;
    const KIND: DraftKind = DraftKind::Offer;
    const CAPABILITY: Capability = Capability::EditOffers;

    fn label(&self) -> String {
        OfferForm::label(self)
    }

    fn to_input(&self) -> Result<Self::Input, Problems> {
        OfferForm::to_input(self)
    }

    fn sent_ids(input: &Self::Input) -> (Vec<String>, Vec<String>) {
        (
            input.external_room_ids.clone(),
            input.external_user_ids.clone(),
        )
    }

    async fn publish(
        client: &WatchersClient,
        target: Option<i64>,
        input: &Self::Input,
    ) -> Result<(i64, Option<Targeting>), UpstreamError> {
        match target {
            None => client
                .create_offer(input)
                .await
                .map(|p| (p.item.id, Some(p.targeting))),
            Some(id) => client.update_offer(id, input).await.map(|a| updated(id, a)),
        }
    }
}

impl Composer for AdForm {
    type Input = crate::model::advertisement::AdvertisementInput;
    const KIND: DraftKind = DraftKind::Advertisement;
    const CAPABILITY: Capability = Capability::EditAdvertisements;

    fn label(&self) -> String {
        AdForm::label(self)
    }

    fn to_input(&self) -> Result<Self::Input, Problems> {
        AdForm::to_input(self)
    }

    fn sent_ids(input: &Self::Input) -> (Vec<String>, Vec<String>) {
        let rooms = input
            .external_room_ids
            .iter()
            .map(|i| i.0.clone())
            .collect();
        (rooms, input.user_id.iter().cloned().collect())
    }

    async fn publish(
        client: &WatchersClient,
        target: Option<i64>,
        input: &Self::Input,
    ) -> Result<(i64, Option<Targeting>), UpstreamError> {
        match target {
            None => client
                .create_advertisement(input)
                .await
                .map(|p| (p.item.id, Some(p.targeting))),
            Some(id) => client
                .update_advertisement(id, input)
                .await
                .map(|a| updated(id, a)),
        }
    }
}

/// Notes on draft `key` why its publish failed, and hands the error back. A browser without
/// JavaScript is sent to the draft's page, which shows the reason; with JavaScript the error
/// status stands and the composer shows it in place.
async fn kept(state: &AppState, kind: DraftKind, key: &str, err: AppError) -> AppError {
    if let Err(db_err) = drafts::set_error(&state.db, key, &err.to_string()).await {
        tracing::error!("cannot note why a publish failed: {db_err}");
    }
    leptos_axum::redirect(&format!("{}/drafts/{key}", kind.base()));
    err
}

fn internal(err: sqlx::Error) -> AppError {
    tracing::error!("cannot write a draft: {err}");
    with_status(AppError::Internal)
}

/// Saves `form` as draft `key` and, when `intent` is "publish", publishes it. On success the
/// draft is gone, the report kept, and the browser sent to the published item.
pub async fn submit<F: Composer>(
    key: &str,
    target: Option<i64>,
    intent: &str,
    form: &F,
) -> Result<Submitted, AppError> {
    let (state, who) = guard::require(F::CAPABILITY).await?;
    if !is_draft_key(key) {
        return Err(with_status(AppError::invalid(
            "draft_key",
            "This form has lost its draft key: reload the page.",
        )));
    }
    if intent != INTENT_DRAFT && intent != INTENT_PUBLISH {
        return Err(with_status(AppError::invalid(
            "intent",
            "Choose to save a draft or to publish.",
        )));
    }
    let kind = F::KIND;
    let label = form.label();
    let save = Save {
        key,
        kind,
        target_id: target,
        label: &label,
        form,
        by: &who.username,
    };
    if !drafts::save(&state.db, save).await.map_err(internal)? {
        return Err(with_status(AppError::invalid(
            "draft_key",
            "That draft belongs to another section.",
        )));
    }
    if intent == INTENT_DRAFT {
        let summary = format!("saved a draft {} “{label}”", kind.as_str());
        let db = &state.db;
        let area = kind.area();
        record_quietly(
            db,
            &who.username,
            "save draft",
            area,
            Some(key),
            Outcome::Ok,
            &summary,
        )
        .await;
        // The draft's own address, so a reload (or a browser without JavaScript) finds it.
        leptos_axum::redirect(&format!("{}/drafts/{key}", kind.base()));
        return Ok(Submitted::DraftSaved {
            key: key.to_owned(),
        });
    }
    let input = match form.to_input() {
        Ok(input) => input,
        Err(problems) => {
            let err = invalid(problems);
            return Err(kept(&state, kind, key, err).await);
        }
    };
    let noun = match kind {
        DraftKind::Offer => "Offer",
        DraftKind::Advertisement => "Advertisement",
    };
    let published = change(
        &state,
        &who,
        Change {
            action: if target.is_some() { "update" } else { "create" },
            area: kind.area(),
            target: target.map(|id| id.to_string()),
            summary: format!("published {} “{label}”", kind.as_str()),
            what: target.map_or_else(|| noun.to_owned(), |id| format!("{noun} {id}")),
        },
        F::publish(&state.upstream, target, &input),
    )
    .await;
    let (id, targeting) = match published {
        Ok(answer) => answer,
        Err(err) => return Err(kept(&state, kind, key, err).await),
    };
    let (sent_room_ids, sent_user_ids) = F::sent_ids(&input);
    let report = PublishReport {
        targeting,
        sent_room_ids,
        sent_user_ids,
        published_by: who.username.clone(),
        published_at: now_text(),
    };
    if let Err(err) = drafts::save_report(&state.db, kind, id, &report).await {
        tracing::error!(
            "published {} {id} but cannot keep its report: {err}",
            kind.as_str()
        );
    }
    if let Err(err) = drafts::delete(&state.db, kind, key).await {
        tracing::error!(
            "published {} {id} but cannot remove its draft: {err}",
            kind.as_str()
        );
    }
    leptos_axum::redirect(&format!("{}/{id}", kind.base()));
    Ok(Submitted::Published { id })
}

/// The capability that changes items (and drafts) of `kind`.
pub fn capability(kind: DraftKind) -> Capability {
    match kind {
        DraftKind::Offer => Capability::EditOffers,
        DraftKind::Advertisement => Capability::EditAdvertisements,
    }
}

/// Draft `key` of `kind`, for those who may publish it.
pub async fn read_draft<F: serde::de::DeserializeOwned>(
    kind: DraftKind,
    key: &str,
) -> Result<crate::model::draft::Draft<F>, AppError> {
    let (state, _) = guard::require(capability(kind)).await?;
    match drafts::get(&state.db, kind, key).await {
        Ok(Some(draft)) => Ok(draft),
        Ok(None) => Err(with_status(AppError::NotFound {
            what: "Draft".into(),
        })),
        Err(err) => {
            tracing::error!("cannot read draft: {err}");
            Err(with_status(AppError::Internal))
        }
    }
}

/// Throws draft `key` away (audited) and goes to the list of its kind.
pub async fn discard_draft(kind: DraftKind, key: &str) -> Result<(), AppError> {
    let (state, who) = guard::require(capability(kind)).await?;
    let draft = drafts::get::<serde_json::Value>(&state.db, kind, key)
        .await
        .map_err(internal)?
        .ok_or_else(|| {
            with_status(AppError::NotFound {
                what: "Draft".into(),
            })
        })?;
    drafts::delete(&state.db, kind, key)
        .await
        .map_err(internal)?;
    let summary = format!("discarded the draft “{}”", draft.summary.label);
    let area = kind.area();
    record_quietly(
        &state.db,
        &who.username,
        "discard draft",
        area,
        Some(key),
        Outcome::Ok,
        &summary,
    )
    .await;
    leptos_axum::redirect(kind.base());
    Ok(())
}

/// Deletes published item `id` of `kind` (audited, never retried) and goes to its list.
pub async fn delete_item(kind: DraftKind, id: i64, name: &str) -> Result<(), AppError> {
    let (state, who) = guard::require(capability(kind)).await?;
    let name: String = name.chars().take(60).collect();
    let describe = |noun: &str| Change {
        action: "delete",
        area: kind.area(),
        target: Some(id.to_string()),
        summary: format!("deleted {} “{name}”", kind.as_str()),
        what: format!("{noun} {id}"),
    };
    match kind {
        DraftKind::Offer => {
            let call = state.upstream.delete_offer(id);
            change(&state, &who, describe("Offer"), call).await?
        }
        DraftKind::Advertisement => {
            let call = state.upstream.delete_advertisement(id);
            change(&state, &who, describe("Advertisement"), call).await?
        }
    }
    if let Err(err) = drafts::forget_report(&state.db, kind, id).await {
        tracing::error!(
            "cannot forget the report of a deleted {}: {err}",
            kind.as_str()
        );
    }
    leptos_axum::redirect(kind.base());
    Ok(())
}
