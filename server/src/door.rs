//! The one door a change of a platform goes through. Each kind of change describes itself once
//! ([`Kind`]): the role it needs and its audit entry, the rule that may make it wait, what it
//! keeps for "Restore", the one call it sends, and what follows. The door runs the ritual, the
//! same for a change asked for now ([`run`]), one a second person just approved ([`approved`]),
//! and a restore: role check → approval gate → snapshot → one send → audit → after-effects.
//! The upstream clients' writes each take a [`Pass`], which only the door makes: the compiler
//! refuses a write that does not come through it.

mod delete;
mod gate;
mod keep;
pub mod pass;
mod send;

/// A write a kind remembers with its audit entry ([`Kind::remember`]).
pub use crate::db::batch::Write;
pub use delete::{Created, Deletable, Delete, Kept};
pub use gate::{Applies, Ask, Rule};
pub use pass::Pass;

use crate::audit::AuditEvent;
use crate::auth::staff::Account;
use crate::error::AppError;
use crate::model::deployment::Platform;
use crate::model::staff::Capability;
use crate::model::undo;
use crate::state::AppState;
use crate::upstream::UpstreamError;
use send::Change;
use std::future::Future;

/// A kind of change, described once; the door runs it ([`run`], [`approved`]).
pub trait Kind: Sync {
    /// What the platform answers to it.
    type Answer: Send + Sync;
    /// The role it needs, its audit entry (outcome still to come) and what it changes.
    fn describe(&self, who: &Account) -> Described;
    /// The approval rule that may make it wait, and what it is about: none by default.
    fn rule(&self) -> Option<Rule> {
        None
    }
    /// Whether it falls under its rule, asked only while the rule is on.
    fn applies(
        &self,
        _state: &AppState,
        _who: &Account,
    ) -> impl Future<Output = Result<Applies, AppError>> + Send {
        async { Ok(Applies::No) }
    }
    /// Keeps what it removes for "Restore", before it is sent, and answers the snapshot (a
    /// delete's: [`Delete`]); nothing by default. When this fails nothing is sent.
    fn keep(
        &self,
        _state: &AppState,
        _who: &Account,
    ) -> impl Future<Output = Result<Option<i64>, AppError>> + Send {
        async { Ok(None) }
    }
    /// The one upstream call, let through by `pass`.
    fn send(
        &self,
        state: &AppState,
        pass: Pass,
    ) -> impl Future<Output = Result<Self::Answer, UpstreamError>> + Send;
    /// Its audit entry once the platform accepted it (as described, by default).
    fn done(&self, _answer: &Self::Answer, event: AuditEvent) -> AuditEvent {
        event
    }
    /// What the dashboard remembers of it once the platform accepted it (the users a badge was
    /// given): written with its audit entry, in one transaction; nothing by default. Anything
    /// else that follows goes in [`Kind::after`].
    fn remember(&self, _answer: &Self::Answer) -> Vec<Write<'_>> {
        Vec::new()
    }
    /// What follows here, whether it was sent (`Ok`) or not.
    fn after(
        &self,
        _state: &AppState,
        _who: &Account,
        _sent: Result<&Self::Answer, Failure<'_>>,
    ) -> impl Future<Output = ()> + Send {
        async {}
    }
}

/// What a change is, as [`Kind::describe`] tells the door.
pub struct Described {
    /// The capability the role must have.
    pub needs: Capability,
    pub audit: AuditEvent,
    /// The thing changed, for "… was not found" ("Room lobby").
    pub what: String,
    pub platform: Platform,
}

impl Described {
    /// A change of Watchers.
    pub fn new(needs: Capability, audit: AuditEvent, what: impl Into<String>) -> Self {
        Described {
            needs,
            audit,
            what: what.into(),
            platform: Platform::Watchers,
        }
    }

    /// The same change, sent to `platform` instead.
    pub fn to(self, platform: Platform) -> Self {
        Described { platform, ..self }
    }
}

/// How a send failed: the upstream's own error, and as the browser is told.
#[derive(Clone, Copy)]
pub struct Failure<'a> {
    pub upstream: &'a UpstreamError,
    pub typed: &'a AppError,
}

/// How a change asked for now ended at the door.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done<T> {
    /// Sent once; the platform answered this.
    Sent(T),
    /// Nothing sent: it waits in approval request `0`.
    Waiting(i64),
}

impl<T> Done<T> {
    /// The answer, for a caller that cannot tell a waiting change apart (its kind has no rule):
    /// a change that waits after all is refused as waiting, with its request.
    pub fn sent(self) -> Result<T, AppError> {
        match self {
            Done::Sent(answer) => Ok(answer),
            Done::Waiting(request) => Err(AppError::AlreadyWaiting { request }),
        }
    }
}

/// Runs a change `who` asks for now: the role → its rule's gate → snapshot → one send → audit →
/// after-effects.
pub async fn run<K: Kind>(
    state: &AppState,
    who: &Account,
    kind: &K,
) -> Result<Done<K::Answer>, AppError> {
    let change = Change::new(who, kind.describe(who))?;
    if let Some(rule) = kind.rule()
        && let gate::Gate::Waiting(request) =
            gate::gate(state, who, rule, || kind.applies(state, who)).await?
    {
        return Ok(Done::Waiting(request));
    }
    through(state, who, kind, change).await.map(Done::Sent)
}

/// Runs a change a second person (`who`) just approved: its request was its gate, so the rest of
/// the ritual only.
pub async fn approved<K: Kind>(
    state: &AppState,
    who: &Account,
    kind: &K,
) -> Result<K::Answer, AppError> {
    let change = Change::new(who, kind.describe(who))?;
    through(state, who, kind, change).await
}

/// Past the gate: snapshot → one send → audit → after-effects.
async fn through<K: Kind>(
    state: &AppState,
    who: &Account,
    kind: &K,
    mut change: Change,
) -> Result<K::Answer, AppError> {
    let kept = kind.keep(state, who).await?;
    if let Some(id) = kept {
        change.audit.link = Some(undo::snapshot_path(id));
    }
    let (platform, what) = (change.platform, change.what.clone());
    let write = |pass| kind.send(state, pass);
    let sent = send::once(
        state,
        change,
        write,
        |answer, event| kind.done(answer, event),
        move |answer| kind.remember(answer),
    );
    match sent.await {
        Ok(answer) => {
            kind.after(state, who, Ok(&answer)).await;
            Ok(answer)
        }
        Err(upstream) => {
            let typed = upstream.clone().into_app_error(platform, &what);
            let failure = Failure {
                upstream: &upstream,
                typed: &typed,
            };
            kind.after(state, who, Err(failure)).await;
            keep::after_failure(state, kept, &typed).await;
            Err(typed)
        }
    }
}

/// An audit entry of a success whose answer could not be read whole (`note`: why): a success
/// all the same, recorded as one, with why.
pub fn noted(mut event: AuditEvent, note: Option<&str>) -> AuditEvent {
    if let Some(note) = note {
        event.summary = format!(
            "{} (done; the answer could not be read: {note})",
            event.summary
        );
    }
    event
}
