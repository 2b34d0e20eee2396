//! Sending a test: the sender's test audience checked, the form read as the composer previews
//! it, aimed at the sender alone, claimed once in the database (the same test pressed twice, from
//! two tabs or two replicas, goes once) and sent through the door, audited as "test send".

use super::store::{self, New};
use crate::audit::AuditEvent;
use crate::auth::staff::Account;
use crate::change::invalid;
use crate::door::{self, Described, Done, Kind, Pass};
use crate::error::AppError;
use crate::marketing::Composer;
use crate::model::targeting::Sent;
use crate::model::test_send::{
    self, AUDIENCE_FIELD, SEND_FIELD, TestSend, audience_words, iso_at, missing_audience,
};
use crate::model::time::parse_iso;
use crate::model::validate::Problems;
use crate::model::zone::both_zones;
use crate::state::AppState;
use crate::upstream::UpstreamError;
use std::marker::PhantomData;

/// Sends `form` as a test to `who`'s own test audience: an offer to their test user ids only
/// (`USER`, never GLOBAL or ROOM), an advertisement to their test room only; starting now and
/// lasting `DASHBOARD_TEST_SEND_MINUTES`, after which the dashboard removes it. Times are read
/// first in the zone the form names, as a publish reads them. Without the test ids (or room) it
/// needs, it says what to set. The same test, while it is up, is refused by [`SEND_FIELD`] with
/// when it was sent and when it goes, and sent no second time. Answers the test as stored.
pub async fn send<F: Composer>(
    state: &AppState,
    who: &Account,
    form: &F,
) -> Result<TestSend, AppError> {
    let kind = F::KIND;
    let audience = &who.test_audience;
    if let Some(sentence) = missing_audience(kind, audience) {
        return Err(AppError::invalid(AUDIENCE_FIELD, sentence));
    }
    // The door checks again; nothing is claimed for a role that may not send.
    if !who.role.can(kind.capability()) {
        return Err(AppError::Forbidden);
    }
    let mut form = form.clone();
    form.read_in_own_zone();
    let mut input = test_input(&form)?;
    let now = state.clock.now();
    let until = now.saturating_add(state.config.test_send_minutes.saturating_mul(60));
    F::for_test(&mut input, audience, &iso_at(now), &iso_at(until));
    let label = form.label();
    let form_json = serde_json::to_string(&form).map_err(|_| AppError::Internal)?;
    let fingerprint = test_send::fingerprint(kind, audience, &form_json);
    let new = New {
        kind,
        label: &label,
        by: &who.username,
        fingerprint: &fingerprint,
        sent_at: now,
        remove_at: until,
    };
    let id = match store::claim_send(&state.db, new).await? {
        Ok(id) => id,
        Err(open) => return Err(already(who, &open)),
    };
    let test = Test::<F> {
        input,
        label: &label,
        to: audience_words(kind, audience),
        kind: PhantomData,
    };
    match door::run(state, who, &test).await.and_then(Done::sent) {
        Ok(sent) => store::sent(&state.db, id, sent.id).await?,
        Err(err) => {
            if let Err(db_err) = store::unsent(&state.db, id).await {
                tracing::error!("cannot forget a test send that did not go: {db_err}");
            }
            return Err(err);
        }
    }
    store::get(&state.db, id).await?.ok_or(AppError::Internal)
}

/// The payload exactly as the composer previews it, when the form's only problems are in what a
/// test sets itself (a missing start, an audience without ids): those are left to
/// [`Composer::for_test`]. Any other problem refuses the test by its field, as a publish would.
fn test_input<F: Composer>(form: &F) -> Result<F::Input, AppError> {
    match form.to_input() {
        Ok(input) => Ok(input),
        Err(problems) => {
            let left: Vec<_> = problems
                .into_vec()
                .into_iter()
                .filter(|problem| !F::TEST_FIELDS.iter().any(|field| problem.field == *field))
                .collect();
            if left.is_empty() {
                Ok(form.payload())
            } else {
                Err(invalid(Problems(left)))
            }
        }
    }
}

/// The refusal of a test that is up already (or being sent), with its times in `who`'s zone.
fn already(who: &Account, open: &TestSend) -> AppError {
    let zone = crate::zone::viewer(who).zone;
    let at = |iso: &str| {
        parse_iso(iso)
            .map(|time| both_zones(zone, time))
            .unwrap_or_else(|| iso.to_owned())
    };
    AppError::invalid(
        SEND_FIELD,
        format!(
            "This same test is already up (sent {}, removed at {}), so it was not sent again. Remove it under “Test sends” to send it anew.",
            at(&open.sent_at),
            at(&open.remove_at)
        ),
    )
}

/// A test send through the door: no approval rule (its audience is the sender alone), the
/// capability that publishes its kind, audited as "test send"; nothing follows here (the draft
/// is left as it is, no publish report is kept).
struct Test<'a, F: Composer> {
    input: F::Input,
    label: &'a str,
    /// Where it goes, in a few words (`2 test users`).
    to: String,
    kind: PhantomData<fn() -> F>,
}

impl<F: Composer> Kind for Test<'_, F> {
    type Answer = Sent;

    fn describe(&self, who: &Account) -> Described {
        let kind = F::KIND;
        let audit = AuditEvent::new(&who.username, kind.area(), "test send").summary(format!(
            "sent a test of {} “{}” to {}",
            kind.as_str(),
            self.label,
            self.to
        ));
        Described::new(kind.capability(), audit, kind.noun())
    }

    async fn send(&self, state: &AppState, pass: Pass) -> Result<Sent, UpstreamError> {
        F::publish(&state.upstream, pass, None, &self.input).await
    }

    fn done(&self, sent: &Sent, event: AuditEvent) -> AuditEvent {
        let event = match sent.id {
            Some(id) => event.target(id.to_string()),
            None => event,
        };
        door::noted(event, sent.unread.as_deref())
    }
}
